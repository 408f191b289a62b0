import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, localDateTime, zonedTime } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { maskName } from '../common/mask';
import { Cents, formatCents, toSafeInteger } from '../common/points';
import { AccessPolicy } from '../access/access.policy';
import { Principal } from '../auth/principal';
import { CommunitiesService } from '../communities/communities.service';
import { CommunityRules } from '../communities/community-rules';
import { Community } from '../communities/entities/community.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { earnedByMemberSql, periodParams, yearRange } from '../ledger/ledger-sql';
import { ClosedYearCorrection, LedgerService } from '../ledger/ledger.service';
import { StarRating, StarRatingStatus } from './entities/star-rating.entity';
import { StarRatingObjection } from './entities/star-rating-objection.entity';
import { StarRatingRestatement } from './entities/star-rating-restatement.entity';
import { describeThresholds, STARS_MAX, starsForSql } from './stars';

const DAY_MS = 24 * 60 * 60 * 1000;

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const RATINGS_PAGE_MAX = 1000;

/** A rating's year: 400 VALIDATION_FAILED naming the field outside YEAR_MIN..YEAR_MAX. */
export function assertRatingYear(year: number): void {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    throw DomainError.validation(`year must be between ${YEAR_MIN} and ${YEAR_MAX}`, {
      field: 'year',
    });
  }
}

export interface RatingLine {
  memberId: number;
  passbookNo: string;
  name: string;
  earned: string;
  stars: number;
}

export interface RatingView {
  year: number;
  status: StarRatingStatus;
  thresholds: { stars: number; points: string }[];
  computedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  /** The notice period (公示期) of a published rating; null for a draft. */
  notice: NoticePeriod | null;
  finalizedAt: string | null;
  finalizedBy: string | null;
  /** Corrections of the final year (restatements); null when there were none. */
  restated: Restated | null;
  /** Members rated (everyone with an earn entry dated in the year) and how many got each number of stars. */
  summary: { members: number; byStars: Record<string, number> };
  ratings: RatingLine[];
  /** Only when a page was asked for with `limit`. */
  nextCursor?: string | null;
}

export interface NoticePeriod {
  startsAt: string;
  endsAt: string;
  /** The days it was set to run at publication or its latest restart. */
  days: number;
}

export interface Restated {
  count: number;
  lastAt: string;
}

/**
 * What a correction dated in a closed year was allowed as (see checkCorrection); `finish` runs in
 * the same transaction after the correction posted and brings the rating up to date.
 */
export interface AllowedCorrection {
  finish(posted: { transactionId: string; memberId: number }): Promise<void>;
}

export interface PublicNotice {
  /** The community whose notice this is, as its page shows it. */
  community: { code: string; name: string | null; issuer: string | null };
  year: number;
  /** `published`: the notice is open (公示中) or over; `final`: stars granted (已公布). */
  status: 'published' | 'final';
  publishedAt: string;
  notice: NoticePeriod;
  finalizedAt: string | null;
  /** How to object: log in to one's own page (`page`) while `open`. */
  objections: { open: boolean; page: string };
  restated: Restated | null;
  thresholds: { stars: number; points: string }[];
  counts: Record<string, number>;
  /** `ref`: opaque and stable for the year; an objection about this entry names it. */
  ratings: { ref: string; name: string; stars: number }[];
}

interface RatingRow {
  member_id: unknown;
  passbook_no: string;
  name: string;
  earned: unknown;
  stars: unknown;
}

/**
 * Members of one community with what they earned in a period (earned-in-a-period of ledger-sql):
 * a member's earn entries are always in their community's books. Parameters: periodParams(from,
 * to), then the community id.
 */
const earnedInCommunitySql = (): string => `SELECT f.member_id, f.earned
  FROM (${earnedByMemberSql()}) f JOIN members fm ON fm.id = f.member_id
  WHERE fm.community_id = ?`;

/**
 * Year-end star ratings from points earned in the year, per community: each community rates its
 * own members by its own thresholds and publishing closes the year in that community only. A draft is recomputed in full by one
 * aggregate INSERT … SELECT (no per-member work in the service); publishing freezes it and closes
 * the year to new service records.
 */
@Injectable()
export class StarRatingsService {
  private readonly logger = new Logger(StarRatingsService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: CommunityRules,
    private readonly communities: CommunitiesService,
    private readonly access: AccessPolicy,
    ledger: LedgerService,
  ) {
    // Every reversal of an earn goes through the ledger; the year it is dated in is checked here.
    ledger.guardEarnReversals((check) =>
      this.checkCorrection(
        check.communityId,
        check.effectiveDate,
        check.actor,
        check.correction,
        'reversal',
      ),
    );
  }

  /** The community's current year (local time). */
  currentYear(): number {
    return this.clock.year(this.config.timeZone);
  }

  /** Computes (or recomputes) the draft of a year; a published year is refused. */
  async run(communityId: number, year: number, actor: string): Promise<RatingView> {
    assertRatingYear(year);
    if (year > this.currentYear()) {
      throw DomainError.validation(`${year} has not started yet; there is nothing to rate`, {
        field: 'year',
      });
    }
    const view = await this.db.write(async (em) => {
      const existing = await this.lockYear(em, communityId, year);
      if (existing && existing.status !== 'draft') {
        throw new DomainError(
          ErrorCode.PERIOD_CLOSED,
          `the ${year} star rating was published${this.publishedOn(existing.publishedAt)} and can no longer be recomputed`,
          { reason: 'RATING_PUBLISHED', year, publishedAt: existing.publishedAt },
        );
      }
      await this.compute(em, communityId, year, existing);
      return this.view(em, communityId, year);
    });
    this.logger.log(
      `star rating ${year} of community ${communityId} drafted by ${actor}: ${view.summary.members} members`,
    );
    return view;
  }

  /** Publishes the draft as computed; refused if the year is not over or the draft is out of date. */
  async publish(communityId: number, year: number, actor: string): Promise<RatingView> {
    assertRatingYear(year);
    const view = await this.db.write(async (em) => {
      const rating = await this.lockYear(em, communityId, year);
      if (!rating) {
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `there is no star rating for ${year} yet; run it first`,
          { year },
        );
      }
      if (rating.status !== 'draft') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the ${year} star rating is already published (${rating.publishedAt ?? '?'})`,
          { reason: 'RATING_ALREADY_PUBLISHED', year, publishedAt: rating.publishedAt },
        );
      }
      if (year >= this.currentYear()) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${year} is not over yet; its rating can be published from 1 January ${year + 1}`,
          { reason: 'YEAR_NOT_OVER', year },
        );
      }
      const changedMembers = await this.changedSinceDraft(em, communityId, year);
      if (changedMembers > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `points earned in ${year} changed for ${changedMembers} member(s) since the draft was computed at ${rating.computedAt}; run the rating again and check it before publishing`,
          { reason: 'DRAFT_OUTDATED', year, changedMembers, computedAt: rating.computedAt },
        );
      }
      const now = this.clock.now();
      const { noticeDays } = (await this.rules.of(communityId)).starRating;
      await em.update(
        StarRating,
        { communityId, year },
        {
          status: 'published',
          publishedAt: now.toISOString(),
          publishedBy: actor,
          noticeStartsAt: now.toISOString(),
          noticeEndsAt: new Date(now.getTime() + noticeDays * DAY_MS).toISOString(),
          noticeDays,
          refSalt: rating.refSalt ?? newRefSalt(),
        },
      );
      return this.view(em, communityId, year);
    });
    this.logger.log(`star rating ${year} of community ${communityId} published by ${actor}`);
    return view;
  }

  /**
   * Ends the notice period: stars granted. Refused before the period ends, while an objection is
   * open, or when earned points changed since the computation.
   */
  async finalize(communityId: number, year: number, actor: string): Promise<RatingView> {
    assertRatingYear(year);
    const view = await this.db.write(async (em) => {
      const rating = await this.lockYear(em, communityId, year);
      if (!rating) {
        throw new DomainError(ErrorCode.NOT_FOUND, `there is no star rating for ${year} yet`, {
          year,
        });
      }
      if (rating.status === 'draft') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the ${year} star rating is a draft; publish it and let its notice period run first`,
          { reason: 'RATING_NOT_PUBLISHED', year },
        );
      }
      if (rating.status === 'final') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the ${year} star rating is final already (${rating.finalizedAt ?? '?'})`,
          { reason: 'RATING_ALREADY_FINAL', year, finalizedAt: rating.finalizedAt },
        );
      }
      const endsAt = rating.noticeEndsAt ?? rating.publishedAt!;
      if (this.clock.now().getTime() < new Date(endsAt).getTime()) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the notice period of the ${year} star rating runs until ${localDateTime(new Date(endsAt), this.config.timeZone)}; it can be finalized after that`,
          { reason: 'NOTICE_NOT_OVER', year, endsAt },
        );
      }
      const open = await em.countBy(StarRatingObjection, { communityId, year, status: 'open' });
      if (open > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${open} objection(s) to the ${year} star rating are still open; resolve them before finalizing`,
          { reason: 'OBJECTIONS_OPEN', year, count: open },
        );
      }
      const changedMembers = await this.changedSinceDraft(em, communityId, year);
      if (changedMembers > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `points earned in ${year} changed for ${changedMembers} member(s) since the rating was computed at ${rating.computedAt}`,
          { reason: 'DRAFT_OUTDATED', year, changedMembers, computedAt: rating.computedAt },
        );
      }
      await em.update(
        StarRating,
        { communityId, year },
        { status: 'final', finalizedAt: this.clock.now().toISOString(), finalizedBy: actor },
      );
      return this.view(em, communityId, year);
    });
    this.logger.log(`star rating ${year} of community ${communityId} finalized by ${actor}`);
    return view;
  }

  /**
   * The one check of work dated in a year (a service record, its approval, a reversal of an earn):
   * a draft or unrated year is open (null). A published year (its notice) takes a correction only
   * when it names an open objection of that year; a final year only as a restatement, when the
   * community's rules allow it. Anything else: PERIOD_CLOSED YEAR_CLOSED. Runs inside the write;
   * on PostgreSQL the rating row is share-locked so a concurrent publish or finalize waits.
   */
  async checkCorrection(
    communityId: number,
    serviceDate: string,
    actor: string,
    correction: ClosedYearCorrection | undefined,
    what: 'service' | 'reversal',
  ): Promise<AllowedCorrection | undefined> {
    const year = Number(serviceDate.slice(0, 4));
    const check = async (em: EntityManager): Promise<AllowedCorrection | undefined> => {
      // The year's name lock, as lockYear takes it (name, then row): a correction takes it alone,
      // so a correction and a resolution queue; other work shares it, so postings do not wait for
      // one another (exclusive, it serialised a community's service logging on PostgreSQL), yet a
      // run, publish or finalize waits for them, and they for it, even while the year has no
      // rating row for FOR SHARE to lock.
      const asksCorrection =
        correction?.objectionId !== undefined || correction?.restatement !== undefined;
      if (this.db.inWrite()) {
        const name = `star-rating:${communityId}:${year}`;
        await (asksCorrection ? this.db.lockName(name) : this.db.lockNameShared(name));
      }
      const rows: { status: StarRatingStatus; published_at: string | null }[] = await em.query(
        sql(
          this.db,
          `SELECT status, published_at FROM star_ratings
           WHERE community_id = ? AND year = ?${this.db.forShare()}`,
        ),
        [communityId, year],
      );
      const status = rows[0]?.status;
      if (status === undefined || status === 'draft') {
        return undefined;
      }
      if (status === 'published' && correction?.objectionId !== undefined) {
        const objection = await em.findOneBy(StarRatingObjection, {
          id: correction.objectionId,
          communityId,
        });
        if (objection?.year === year && objection.status === 'open') {
          return { finish: () => this.recompute(em, communityId, year) };
        }
      }
      if (
        status === 'final' &&
        correction?.restatement &&
        (await this.rules.of(communityId)).starRating.closedYearCorrections === 'restate'
      ) {
        const reason = correction.restatement.reason;
        return {
          finish: (posted) => this.restate(em, communityId, year, posted, reason, actor),
        };
      }
      throw new DomainError(
        ErrorCode.PERIOD_CLOSED,
        `the ${year} star rating was published${this.publishedOn(rows[0].published_at)}; ${what === 'service' ? `service in ${year} can no longer be recorded or approved` : `an earn dated ${serviceDate} can no longer be reversed`}`,
        { reason: 'YEAR_CLOSED', year, serviceDate },
      );
    };
    return this.db.inWrite() ? check(this.db.writeManager()) : this.db.read(check);
  }

  /**
   * Replaces the entries of a published or final year with a fresh computation by the thresholds
   * it was published with, in the caller's transaction: after a correction the rating is never
   * stale.
   */
  async recompute(em: EntityManager, communityId: number, year: number): Promise<void> {
    const rating = await em.findOneByOrFail(StarRating, { communityId, year });
    await this.compute(em, communityId, year, rating, parseThresholds(rating.thresholds));
  }

  /**
   * After an accepted objection's recomputation: the notice runs `noticeDays` again from now
   * (`restart`), or ends at least `extendDays` from now (`extend`), by the community's rules.
   */
  async reopenNotice(em: EntityManager, communityId: number, year: number): Promise<void> {
    const rating = await em.findOneByOrFail(StarRating, { communityId, year });
    if (rating.status !== 'published') {
      return;
    }
    const rules = (await this.rules.of(communityId)).starRating;
    const now = this.clock.now();
    if (rules.afterCorrection === 'restart') {
      await em.update(
        StarRating,
        { communityId, year },
        {
          noticeStartsAt: now.toISOString(),
          noticeEndsAt: new Date(now.getTime() + rules.noticeDays * DAY_MS).toISOString(),
          noticeDays: rules.noticeDays,
        },
      );
    } else {
      const atLeast = now.getTime() + rules.extendDays * DAY_MS;
      const endsAt = Math.max(new Date(rating.noticeEndsAt ?? now).getTime(), atLeast);
      await em.update(
        StarRating,
        { communityId, year },
        { noticeEndsAt: new Date(endsAt).toISOString() },
      );
    }
  }

  /** A correction of a final year: recomputed, and a restatement row with the member's figures. */
  private async restate(
    em: EntityManager,
    communityId: number,
    year: number,
    posted: { transactionId: string; memberId: number },
    reason: string,
    actor: string,
  ): Promise<void> {
    const entryOf = async () => {
      const rows: { earned: unknown; stars: unknown }[] = await em.query(
        sql(
          this.db,
          'SELECT earned, stars FROM star_rating_entries WHERE community_id = ? AND year = ? AND member_id = ?',
        ),
        [communityId, year, posted.memberId],
      );
      return rows[0]
        ? { earned: toSafeInteger(rows[0].earned), stars: toSafeInteger(rows[0].stars) }
        : { earned: 0, stars: 0 };
    };
    const before = await entryOf();
    await this.recompute(em, communityId, year);
    const after = await entryOf();
    await em.insert(StarRatingRestatement, {
      communityId,
      year,
      transactionId: posted.transactionId,
      memberId: posted.memberId,
      earnedBefore: before.earned,
      earnedAfter: after.earned,
      starsBefore: before.stars,
      starsAfter: after.stars,
      reason,
      actor,
      createdAt: this.clock.now().toISOString(),
    });
    this.logger.log(
      `star rating ${year} of community ${communityId} restated by ${actor} (transaction ${posted.transactionId})`,
    );
  }

  /** The restatements of a year: how many and the latest; null when none. */
  private async restatedOf(
    em: EntityManager,
    communityId: number,
    year: number,
  ): Promise<Restated | null> {
    const rows: { c: unknown; last_at: string | null }[] = await em.query(
      sql(
        this.db,
        `SELECT COUNT(*) AS c, MAX(created_at) AS last_at FROM star_rating_restatements
         WHERE community_id = ? AND year = ?`,
      ),
      [communityId, year],
    );
    const count = toSafeInteger(rows[0].c);
    return count > 0 ? { count, lastAt: rows[0].last_at! } : null;
  }

  /** The opaque public `ref` of each member's entry: keyed by the year's salt, stable for the year. */
  refOf(rating: StarRating, memberId: number): string {
    return createHmac('sha256', rating.refSalt ?? `${rating.communityId}:${rating.year}`)
      .update(String(memberId))
      .digest('base64url')
      .slice(0, 12);
  }

  /** Whether the injected clock is inside the year's notice period. */
  noticeOpen(rating: StarRating): boolean {
    if (rating.status !== 'published' || !rating.noticeStartsAt || !rating.noticeEndsAt) {
      return false;
    }
    const now = this.clock.now().getTime();
    return (
      now >= new Date(rating.noticeStartsAt).getTime() &&
      now < new Date(rating.noticeEndsAt).getTime()
    );
  }

  /** The whole rating of a year for the administrator; `limit` pages through the ratings. */
  async get(
    communityId: number,
    year: number,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<RatingView> {
    assertRatingYear(year);
    return this.db.read(async (em) => {
      if (!(await em.findOneBy(StarRating, { communityId, year }))) {
        throw new DomainError(ErrorCode.NOT_FOUND, `there is no star rating for ${year} yet`, {
          year,
        });
      }
      return this.view(em, communityId, year, page);
    });
  }

  /**
   * `GET /api/star-ratings/:year`: the rating of the viewer's community, or for a street-office
   * user of the community named by `?community=` (one of their street office's; else 404).
   */
  async read(
    viewer: Principal,
    year: number,
    page: { limit?: number; cursor?: string; community?: string } = {},
  ): Promise<RatingView> {
    const community = await this.access.communityToRead(viewer, page.community);
    return this.get(community.id, year, { limit: page.limit, cursor: page.cursor });
  }

  /** `GET /api/public/star-ratings/:year?community=<code>`: without a code, the first community. */
  async publicNoticeOf(code: string | undefined, year: number): Promise<PublicNotice> {
    assertRatingYear(year);
    return this.publicNotice(await this.communities.publicCommunity(code), year);
  }

  /** The public notice (公示): published years only, names masked, no ids or contact details. */
  async publicNotice(community: Community, year: number): Promise<PublicNotice> {
    assertRatingYear(year);
    return this.db.read(async (em) => {
      const rating = await em.findOneBy(StarRating, { communityId: community.id, year });
      if (!rating || rating.status === 'draft' || !rating.publishedAt) {
        throw new DomainError(ErrorCode.NOT_FOUND, `no star rating has been published for ${year}`);
      }
      const rows: { member_id: unknown; name: string; stars: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT e.member_id, m.name, e.stars FROM star_rating_entries e JOIN members m ON m.id = e.member_id
           WHERE e.community_id = ? AND e.year = ? AND e.stars > 0`,
        ),
        [community.id, year],
      );
      const collator = new Intl.Collator('zh-CN');
      const ratings = rows
        .map((r) => ({
          ref: this.refOf(rating, toSafeInteger(r.member_id)),
          name: maskName(r.name),
          stars: toSafeInteger(r.stars),
        }))
        .sort(
          (a, b) =>
            b.stars - a.stars || collator.compare(a.name, b.name) || a.ref.localeCompare(b.ref),
        );
      const counts: Record<string, number> = {};
      for (let stars = STARS_MAX; stars >= 1; stars--) {
        counts[String(stars)] = ratings.filter((r) => r.stars === stars).length;
      }
      return {
        community: this.shownAs(community),
        year,
        status: rating.status === 'final' ? ('final' as const) : ('published' as const),
        publishedAt: rating.publishedAt,
        notice: noticeOf(rating)!,
        finalizedAt: rating.finalizedAt,
        objections: { open: this.noticeOpen(rating), page: '/me' },
        restated: await this.restatedOf(em, community.id, year),
        thresholds: describeThresholds(parseThresholds(rating.thresholds)),
        counts,
        ratings,
      };
    });
  }

  /**
   * A community's name and notice issuer as its public pages show them: its own, else (the
   * community an installation from before communities became) COMMUNITY_NAME and NOTICE_ISSUER.
   */
  private shownAs(community: Community): PublicNotice['community'] {
    const name = community.name ?? this.config.community.name;
    const issuer =
      community.issuer ??
      (community.name === null ? this.config.community.issuer : `${community.name}志愿服务站`);
    return { code: community.code, name, issuer };
  }

  /**
   * The year-end job for every community: drafts last year's rating of each community where it is
   * due (see draftLastYearIfDue). Returns the ids of the communities drafted.
   */
  async draftLastYearEverywhere(): Promise<number[]> {
    const rows: { id: unknown }[] = await this.db.read((em) =>
      em.query('SELECT id FROM communities ORDER BY id'),
    );
    const drafted: number[] = [];
    for (const row of rows) {
      const communityId = toSafeInteger(row.id);
      if ((await this.draftLastYearIfDue(communityId)) !== null) {
        drafted.push(communityId);
      }
    }
    return drafted;
  }

  /**
   * Drafts a community's rating of last year once the year is over, unless a draft made after
   * the year ended (or a publication) exists, or nothing was earned in it there. Safe to call any
   * time, from any number of instances; returns the year drafted or null.
   */
  async draftLastYearIfDue(communityId: number): Promise<number | null> {
    const thisYear = this.currentYear();
    const year = thisYear - 1;
    const yearEnded = zonedTime(`${thisYear}-01-01`, '00:00:00', this.config.timeZone);
    const isDue = (em: EntityManager) =>
      this.isDraftDue(em, communityId, year, yearEnded.toISOString());
    if (!(await this.db.read(isDue))) {
      return null;
    }
    const drafted = await this.db.write(async (em) => {
      const existing = await this.lockYear(em, communityId, year);
      if (!(await isDue(em))) {
        return false;
      }
      await this.compute(em, communityId, year, existing);
      return true;
    });
    if (!drafted) {
      return null;
    }
    this.logger.log(`star rating ${year} of community ${communityId} drafted by the year-end job`);
    return year;
  }

  /**
   * Refuses work in a community dated in a year whose rating is published there (PERIOD_CLOSED),
   * unless it is a correction checkCorrection allows; then the returned `finish` is to be run once
   * the work posted.
   */
  async assertOpenFor(
    communityId: number,
    serviceDate: string,
    correction?: { actor: string } & ClosedYearCorrection,
  ): Promise<AllowedCorrection | undefined> {
    return this.checkCorrection(
      communityId,
      serviceDate,
      correction?.actor ?? '',
      correction,
      'service',
    );
  }

  /** " on 2027-01-08 07:30 (Asia/Shanghai)": the community's local time, not the stored UTC. */
  private publishedOn(publishedAt: string | null): string {
    return publishedAt ? ` on ${localDateTime(new Date(publishedAt), this.config.timeZone)}` : '';
  }

  /**
   * Serialises work on one community's year across instances, then reads its row (locked on
   * PostgreSQL).
   */
  async lockYear(em: EntityManager, communityId: number, year: number): Promise<StarRating | null> {
    await this.db.lockName(`star-rating:${communityId}:${year}`);
    const rows: unknown[] = await em.query(
      sql(
        this.db,
        `SELECT year FROM star_ratings WHERE community_id = ? AND year = ?${this.db.forUpdate()}`,
      ),
      [communityId, year],
    );
    return rows.length ? em.findOneBy(StarRating, { communityId, year }) : null;
  }

  private async isDraftDue(
    em: EntityManager,
    communityId: number,
    year: number,
    yearEndedIso: string,
  ) {
    const rating = await em.findOneBy(StarRating, { communityId, year });
    if (rating && (rating.status !== 'draft' || rating.computedAt >= yearEndedIso)) {
      return false;
    }
    const [from, to] = yearRange(year);
    const earns: unknown[] = await em.query(
      sql(
        this.db,
        `SELECT 1 FROM ledger_transactions
         WHERE community_id = ? AND kind = 'earn' AND effective_date >= ? AND effective_date <= ?
         LIMIT 1`,
      ),
      [communityId, from, to],
    );
    return earns.length > 0;
  }

  /**
   * Replaces a community's entries of the year with a fresh computation by that community's
   * thresholds, in the caller's transaction.
   */
  private async compute(
    em: EntityManager,
    communityId: number,
    year: number,
    existing: StarRating | null,
    published?: Cents[],
  ) {
    const thresholds = published ?? (await this.rules.of(communityId)).starRating.pointsForStars;
    const computedAt = this.clock.now().toISOString();
    if (existing) {
      await em.update(
        StarRating,
        { communityId, year },
        { thresholds: JSON.stringify(thresholds), computedAt },
      );
    } else {
      await em.insert(StarRating, {
        communityId,
        year,
        status: 'draft',
        thresholds: JSON.stringify(thresholds),
        computedAt,
        publishedAt: null,
        publishedBy: null,
        noticeStartsAt: null,
        noticeEndsAt: null,
        noticeDays: null,
        finalizedAt: null,
        finalizedBy: null,
        refSalt: newRefSalt(),
      });
    }
    await em.query(
      sql(this.db, 'DELETE FROM star_rating_entries WHERE community_id = ? AND year = ?'),
      [communityId, year],
    );
    const [from, to] = yearRange(year);
    await em.query(
      sql(
        this.db,
        `INSERT INTO star_rating_entries (community_id, year, member_id, earned, stars)
         SELECT CAST(? AS integer), CAST(? AS integer), e.member_id, e.earned,
                ${starsForSql('e.earned', thresholds)}
         FROM (${earnedInCommunitySql()}) e`,
      ),
      [communityId, year, ...thresholds, ...periodParams(from, to), communityId],
    );
  }

  /** Members whose earned points now differ from the draft's (either side missing counts too). */
  private async changedSinceDraft(
    em: EntityManager,
    communityId: number,
    year: number,
  ): Promise<number> {
    const [from, to] = yearRange(year);
    const fresh = `SELECT c.member_id, c.earned FROM (${earnedInCommunitySql()}) c`;
    const draft =
      'SELECT d.member_id, d.earned FROM star_rating_entries d WHERE d.community_id = ? AND d.year = ?';
    const count = async (text: string, params: unknown[]) => {
      const rows: { c: unknown }[] = await em.query(sql(this.db, text), params);
      return toSafeInteger(rows[0].c);
    };
    const freshParams = [...periodParams(from, to), communityId];
    const draftParams = [communityId, year];
    const added = await count(`SELECT COUNT(*) AS c FROM (${fresh} EXCEPT ${draft}) x`, [
      ...freshParams,
      ...draftParams,
    ]);
    const removed = await count(`SELECT COUNT(*) AS c FROM (${draft} EXCEPT ${fresh}) x`, [
      ...draftParams,
      ...freshParams,
    ]);
    return Math.max(added, removed);
  }

  private async view(
    em: EntityManager,
    communityId: number,
    year: number,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<RatingView> {
    const rating = await em.findOneByOrFail(StarRating, { communityId, year });
    const { byStars, members } = await gradeCounts(this.db, em, communityId, year);
    const params: unknown[] = [communityId, year];
    let where = 'e.community_id = ? AND e.year = ?';
    const after = decodeRatingCursor(page.cursor);
    if (after) {
      // Keyset on (stars desc, earned desc, member id asc), the order of the rating sheet.
      where += ` AND (e.stars < ? OR (e.stars = ? AND e.earned < ?)
                 OR (e.stars = ? AND e.earned = ? AND e.member_id > ?))`;
      params.push(
        after.stars,
        after.stars,
        after.earned,
        after.stars,
        after.earned,
        after.memberId,
      );
    }
    let limitSql = '';
    if (page.limit !== undefined) {
      limitSql = ' LIMIT ?';
      params.push(page.limit + 1);
    }
    const rows: RatingRow[] = await em.query(
      sql(
        this.db,
        `SELECT e.member_id, m.passbook_no, m.name, e.earned, e.stars
         FROM star_rating_entries e JOIN members m ON m.id = e.member_id
         WHERE ${where} ORDER BY e.stars DESC, e.earned DESC, e.member_id${limitSql}`,
      ),
      params,
    );
    const more = page.limit !== undefined && rows.length > page.limit;
    const lines = (more ? rows.slice(0, page.limit) : rows).map((r) => ({
      memberId: toSafeInteger(r.member_id),
      passbookNo: r.passbook_no,
      name: r.name,
      earnedCents: toSafeInteger(r.earned),
      stars: toSafeInteger(r.stars),
    }));
    const last = lines[lines.length - 1];
    return {
      year,
      status: rating.status,
      thresholds: describeThresholds(parseThresholds(rating.thresholds)),
      computedAt: rating.computedAt,
      publishedAt: rating.publishedAt,
      publishedBy: rating.publishedBy,
      notice: noticeOf(rating),
      finalizedAt: rating.finalizedAt,
      finalizedBy: rating.finalizedBy,
      restated: await this.restatedOf(em, communityId, year),
      summary: { members, byStars },
      ratings: lines.map(({ earnedCents, ...l }) => ({ ...l, earned: formatCents(earnedCents) })),
      ...(page.limit !== undefined
        ? {
            nextCursor: more
              ? encodeRatingCursor({
                  stars: last.stars,
                  earned: last.earnedCents,
                  memberId: last.memberId,
                })
              : null,
          }
        : {}),
    };
  }
}

function newRefSalt(): string {
  return randomBytes(16).toString('hex');
}

function noticeOf(rating: StarRating): NoticePeriod | null {
  return rating.status !== 'draft' && rating.noticeStartsAt && rating.noticeEndsAt
    ? {
        startsAt: rating.noticeStartsAt,
        endsAt: rating.noticeEndsAt,
        days: rating.noticeDays ?? 0,
      }
    : null;
}

function parseThresholds(text: string): Cents[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((v) => Number.isSafeInteger(v))) {
    throw new Error('star_ratings.thresholds is not a list of hundredths');
  }
  return parsed as Cents[];
}

interface RatingCursor {
  stars: number;
  earned: number;
  memberId: number;
}

function encodeRatingCursor(c: RatingCursor): string {
  return encodeCursor('r', c.stars, c.earned, c.memberId);
}

function decodeRatingCursor(cursor: string | undefined): RatingCursor | undefined {
  const fields = decodeCursor('r', cursor, ['integer', 'integer', 'id']);
  return fields && { stars: fields[0], earned: fields[1], memberId: fields[2] };
}

/**
 * Members per number of stars ("5" down to "0", every grade present) and in all, in a community's
 * rating of a year as its entries stand: the rating's view and the annual report count the same way.
 */
export async function gradeCounts(
  db: Database,
  em: EntityManager,
  communityId: number,
  year: number,
): Promise<{ byStars: Record<string, number>; members: number }> {
  const counts: { stars: unknown; c: unknown }[] = await em.query(
    sql(
      db,
      `SELECT stars, COUNT(*) AS c FROM star_rating_entries
       WHERE community_id = ? AND year = ? GROUP BY stars`,
    ),
    [communityId, year],
  );
  const byStars: Record<string, number> = {};
  for (let stars = STARS_MAX; stars >= 0; stars--) {
    byStars[String(stars)] = 0;
  }
  let members = 0;
  for (const row of counts) {
    byStars[String(toSafeInteger(row.stars))] = toSafeInteger(row.c);
    members += toSafeInteger(row.c);
  }
  return { byStars, members };
}
