import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import { AccessPolicy, communityOf, mayAdjustPassbook } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { LIMIT_DEFAULT, Page } from '../common/pagination';
import { Cents, formatCents, formatSignedCents, parseCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeSeqCursor, LedgerService, StatementEntry } from '../ledger/ledger.service';
import { PassbookMatch, PassbookOwner, PeopleService } from '../people/people.service';
import { TransfersService } from '../people/transfers.service';
import { ServiceHoursService } from '../ratings/service-hours.service';
import { STAR_RATING_CONFIG, StarRatingConfig } from '../ratings/star-rating.config';
import { HoursGrade, starsFor } from '../ratings/stars';

export interface PassbookView {
  passbookNo: string;
  owner: { type: 'member' | 'household'; id: number; name: string };
  balance: string;
  /** Earn entries dated this (local) year, less their reversals; spending never lowers it. */
  earnedThisYear: string;
  /** `total` includes the hours carried by moves from other communities (`transfers`). */
  hours: { thisYear: string; total: string };
  hoursGrade: HoursGrade;
  /** The owner's moves between communities, oldest first (a household's: none). */
  transfers: PassbookTransfer[];
  /**
   * Year-end stars as things stand: `earnedThisYear` against the community's thresholds, and the
   * points that would bring the next star (null at five). The published rating is the official one.
   */
  starsThisYear: { stars: number; nextAtPoints: string | null };
  entries: StatementEntry[];
  nextCursor: string | null;
}

/** A move between communities as the passbook shows it (记录转移接续). */
export interface PassbookTransfer {
  fromCommunity: string;
  toCommunity: string;
  fromPassbookNo: string;
  toPassbookNo: string;
  hours: string;
  date: string;
}

export interface AdjustmentResult {
  transactionId: string;
  seq: number;
  passbookNo: string;
  amount: string;
  balanceAfter: string;
  effectiveDate: string;
  reason: string;
}

/** Reading a passbook (balance, year's earnings, service hours, statement) and adjusting it. */
@Injectable()
export class PassbookService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly ledger: LedgerService,
    private readonly serviceHours: ServiceHoursService,
    @Inject(STAR_RATING_CONFIG) private readonly starRating: StarRatingConfig,
    private readonly access: AccessPolicy,
    private readonly transfers: TransfersService,
  ) {}

  private starsThisYear(earned: Cents): { stars: number; nextAtPoints: string | null } {
    const thresholds = this.starRating.pointsForStars;
    const stars = starsFor(earned, thresholds);
    return {
      stars,
      nextAtPoints: stars < thresholds.length ? formatCents(thresholds[stars]) : null,
    };
  }

  /** The passbook if the viewer may see it; 404 otherwise, so numbers cannot be probed. */
  async view(
    viewer: Principal,
    passbookNo: string,
    page: { limit?: number; cursor?: string },
  ): Promise<PassbookView> {
    const beforeSeq = decodeSeqCursor(page.cursor);
    const owner = await this.people.findPassbook(passbookNo);
    if (!owner || !(await this.maySee(viewer, owner))) {
      throw DomainError.notFound('passbook');
    }
    return this.build(owner, page.limit ?? LIMIT_DEFAULT, beforeSeq);
  }

  /** Passbooks by name, number or a phone's last four digits (the counter, without the book). */
  search(
    viewer: Principal,
    query: { q: string; limit?: number; cursor?: string },
  ): Promise<Page<PassbookMatch>> {
    return this.people.searchPassbooks({ ...query, communityId: communityOf(viewer) });
  }

  /** Asks the access policy (admins and clerks all, leaders their teams' members', volunteers own). */
  async maySee(viewer: Principal, passbook: PassbookOwner): Promise<boolean> {
    const { owner } = passbook;
    return this.access.maySeePassbook(
      viewer,
      owner.type === 'member'
        ? { type: 'member', memberId: owner.member.id, communityId: owner.member.communityId }
        : { type: 'household', communityId: owner.household.communityId },
    );
  }

  /**
   * Posts an `adjust` entry between the issuance account and the passbook: opening balances
   * carried over from paper passbooks, or corrections. A negative adjustment cannot take a
   * passbook below zero (INSUFFICIENT_POINTS).
   */
  async adjust(
    input: { passbookNo: string; amount: unknown; reason: string },
    principal: Principal,
  ): Promise<AdjustmentResult> {
    const cents = parseCents(input.amount, { signed: true, field: 'amount' });
    communityOf(principal);
    return this.db.write(async () => {
      const owner = await this.people.findPassbook(input.passbookNo);
      const communityId = owner ? communityOfOwner(owner) : null;
      if (!owner || communityId === null || !mayAdjustPassbook(principal, { communityId })) {
        throw DomainError.notFound('passbook');
      }
      const issuance = await this.ledger.systemAccountId(communityId, 'issuance');
      const actor = actorOf(principal);
      const posted = await this.ledger.post({
        communityId,
        kind: 'adjust',
        actor,
        description: `调整: ${input.reason}`,
        postings: [
          { accountId: issuance, amount: -cents },
          { accountId: owner.accountId, amount: cents },
        ],
        meta: { reason: input.reason, passbookNo: owner.passbookNo },
      });
      return {
        transactionId: posted.id,
        seq: posted.seq,
        passbookNo: owner.passbookNo,
        amount: formatSignedCents(cents),
        balanceAfter: formatCents(posted.balanceAfter.get(owner.accountId)!),
        effectiveDate: posted.effectiveDate,
        reason: input.reason,
      };
    });
  }

  private async build(
    passbook: PassbookOwner,
    limit: number,
    beforeSeq: number | undefined,
  ): Promise<PassbookView> {
    const year = this.clock.year(this.config.timeZone);
    const { owner } = passbook;
    // One read, so balance, totals and statement agree with each other.
    return this.db.read(async (em) => {
      const balance = await this.ledger.balanceOf(passbook.accountId);
      const totals = await this.yearTotals(em, passbook.accountId);
      const earned = totals.get(year)?.earned ?? 0;
      // Households serve no hours: theirs stay zero, graded as zero hours under the same preset.
      // A volunteer's hours go with them from community to community; their points do not.
      const transfers =
        owner.type === 'member' ? await this.transfers.ofMember(owner.member.id) : [];
      const carried =
        owner.type === 'member' ? await this.transfers.carriedInto(passbook.passbookNo) : 0;
      const hoursTotal = [...totals.values()].reduce((sum, t) => sum + t.hours, carried);
      const hours = {
        thisYear: formatCents(totals.get(year)?.hours ?? 0),
        total: formatCents(hoursTotal),
        hoursGrade: await this.serviceHours.grade(
          owner.type === 'member' ? owner.member.communityId : owner.household.communityId,
          hoursTotal,
        ),
      };
      const statement = await this.ledger.statement(passbook.accountId, { limit, beforeSeq });
      return {
        passbookNo: passbook.passbookNo,
        owner:
          owner.type === 'member'
            ? { type: 'member', id: owner.member.id, name: owner.member.name }
            : { type: 'household', id: owner.household.id, name: owner.household.name },
        balance: formatCents(balance),
        earnedThisYear: formatCents(earned),
        hours: { thisYear: hours.thisYear, total: hours.total },
        hoursGrade: hours.hoursGrade,
        transfers: transfers.map((t) => ({
          fromCommunity: t.fromCommunity,
          toCommunity: t.toCommunity,
          fromPassbookNo: t.fromPassbookNo,
          toPassbookNo: t.toPassbookNo,
          hours: t.hours,
          date: t.date,
        })),
        starsThisYear: this.starsThisYear(earned),
        entries: statement.entries,
        nextCursor: statement.nextCursor,
      };
    });
  }

  /**
   * The passbook's totals per year (points earned, verified service hours), kept by the ledger in
   * the transaction of each posting: one row a year, however long the history.
   */
  private async yearTotals(
    em: EntityManager,
    accountId: number,
  ): Promise<Map<number, { earned: Cents; hours: Cents }>> {
    const rows: { year: unknown; earned: unknown; hours: unknown }[] = await em.query(
      sql(this.db, 'SELECT year, earned, hours FROM account_year_totals WHERE account_id = ?'),
      [accountId],
    );
    return new Map(
      rows.map((r) => [
        toSafeInteger(r.year),
        { earned: toSafeInteger(r.earned), hours: toSafeInteger(r.hours) },
      ]),
    );
  }
}

/** The community a passbook belongs to: its owner's. */
const communityOfOwner = ({ owner }: PassbookOwner): number =>
  owner.type === 'member' ? owner.member.communityId : owner.household.communityId;
