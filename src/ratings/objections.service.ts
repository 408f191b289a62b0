import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, communityOf, volunteerIdOf } from '../access/access.policy';
import { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeIdCursor, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { StarRating } from './entities/star-rating.entity';
import { ObjectionStatus, StarRatingObjection } from './entities/star-rating-objection.entity';
import { assertRatingYear, StarRatingsService } from './star-ratings.service';

/** What the volunteer who filed an objection sees of it. */
export interface MyObjectionView {
  id: number;
  year: number;
  about: string;
  reason: string;
  status: ObjectionStatus;
  createdAt: string;
  resolvedAt: string | null;
  reply: string | null;
}

interface PersonRef {
  id: number;
  passbookNo: string;
  name: string;
}

/** What an admin (or the street office) sees: who objects, whose entry, and who answered. */
export interface ObjectionView extends MyObjectionView {
  member: PersonRef;
  aboutMember: PersonRef;
  resolvedBy: string | null;
}

export type ObjectionDecision = 'accepted' | 'rejected';

/**
 * Objections (异议) to a published star rating: filed by volunteers during the notice period,
 * answered by an admin. An accepted objection's correction is made first as ledger entries naming
 * it (see StarRatingsService.checkCorrection); resolving it recomputes the rating and restarts or
 * extends the notice.
 */
@Injectable()
export class ObjectionsService {
  private readonly logger = new Logger(ObjectionsService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ratings: StarRatingsService,
    private readonly access: AccessPolicy,
  ) {}

  /** `POST /api/me/objections`: during the notice period only (else 409 NOTICE_NOT_OPEN). */
  async file(
    principal: Principal,
    input: { year: number; about: string; reason: string },
  ): Promise<MyObjectionView> {
    const memberId = volunteerIdOf(principal);
    if (memberId === null) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer files an objection', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const communityId = communityOf(principal);
    const { year } = input;
    const objection = await this.db.write(async (em) => {
      const rating = await em.findOneBy(StarRating, { communityId, year });
      if (!rating || !this.ratings.noticeOpen(rating)) {
        const published = rating && rating.status !== 'draft';
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the ${year} star rating is not in its notice period now; objections are filed while it runs`,
          {
            reason: 'NOTICE_NOT_OPEN',
            year,
            startsAt: published ? rating.noticeStartsAt : null,
            endsAt: published ? rating.noticeEndsAt : null,
          },
        );
      }
      const aboutMemberId =
        input.about === 'self' ? memberId : await this.memberOfRef(em, rating, input.about);
      const row = em.create(StarRatingObjection, {
        communityId,
        year,
        memberId,
        about: input.about,
        aboutMemberId,
        reason: input.reason.trim(),
        status: 'open',
        createdAt: this.clock.now().toISOString(),
        resolvedAt: null,
        resolvedBy: null,
        reply: null,
      });
      row.id = toSafeInteger((await em.insert(StarRatingObjection, row)).identifiers[0].id);
      return row;
    });
    this.logger.log(`objection ${objection.id} to the ${year} star rating filed`);
    return myView(objection);
  }

  /** `GET /api/me/objections`: the volunteer's own, newest first. */
  async mine(
    principal: Principal,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<MyObjectionView>> {
    const memberId = volunteerIdOf(principal);
    if (memberId === null) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer has objections of their own', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const limit = page.limit ?? LIMIT_DEFAULT;
    const before = decodeIdCursor(page.cursor);
    const rows = await this.db.read((em) => {
      const query = em
        .createQueryBuilder(StarRatingObjection, 'o')
        .where('o.memberId = :memberId', { memberId });
      if (before !== undefined) {
        query.andWhere('o.id < :before', { before });
      }
      return query
        .orderBy('o.id', 'DESC')
        .limit(limit + 1)
        .getMany();
    });
    return toPage(rows, limit, myView);
  }

  /** `GET /api/star-ratings/:year/objections`: a community's objections of a year, newest first. */
  async list(
    viewer: Principal,
    year: number,
    query: { status?: ObjectionStatus; community?: string; limit?: number; cursor?: string },
  ): Promise<Page<ObjectionView>> {
    assertRatingYear(year);
    const community = await this.access.communityToRead(viewer, query.community);
    const limit = query.limit ?? LIMIT_DEFAULT;
    const before = decodeIdCursor(query.cursor);
    const rows = await this.db.read(async (em) => {
      const params: unknown[] = [community.id, year];
      let where = 'o.community_id = ? AND o.year = ?';
      if (query.status) {
        where += ' AND o.status = ?';
        params.push(query.status);
      }
      if (before !== undefined) {
        where += ' AND o.id < ?';
        params.push(before);
      }
      params.push(limit + 1);
      return this.withPeople(em, where, params, ' ORDER BY o.id DESC LIMIT ?');
    });
    return toPage(rows, limit, (r) => r);
  }

  /**
   * `POST /api/star-ratings/:year/objections/:id/resolve`: the answer, kept with who and when. An
   * accepted objection recomputes the rating (its correction was posted first, naming it) and
   * restarts or extends the notice by the community's rules.
   */
  async resolve(
    principal: Principal,
    year: number,
    id: number,
    input: { decision: ObjectionDecision; reply: string },
    actor: string,
  ): Promise<ObjectionView> {
    const communityId = communityOf(principal);
    const view = await this.db.write(async (em) => {
      await this.ratings.lockYear(em, communityId, year);
      const objection = await em.findOneBy(StarRatingObjection, { id, communityId, year });
      if (!objection) {
        throw DomainError.notFound('objection');
      }
      if (objection.status !== 'open') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `objection ${id} was ${objection.status} already (${objection.resolvedAt ?? '?'})`,
          { reason: 'OBJECTION_RESOLVED', status: objection.status },
        );
      }
      await em.update(
        StarRatingObjection,
        { id },
        {
          status: input.decision,
          reply: input.reply.trim(),
          resolvedAt: this.clock.now().toISOString(),
          resolvedBy: actor,
        },
      );
      if (input.decision === 'accepted') {
        await this.ratings.recompute(em, communityId, year);
        await this.ratings.reopenNotice(em, communityId, year);
      }
      return (await this.withPeople(em, 'o.id = ?', [id], ''))[0];
    });
    this.logger.log(`objection ${id} to the ${year} star rating ${input.decision} by ${actor}`);
    return view;
  }

  /** The member whose entry on the notice has this `ref` (entries with stars only, as shown). */
  private async memberOfRef(em: EntityManager, rating: StarRating, ref: string): Promise<number> {
    const rows: { member_id: unknown }[] = await em.query(
      sql(
        this.db,
        'SELECT member_id FROM star_rating_entries WHERE community_id = ? AND year = ? AND stars > 0',
      ),
      [rating.communityId, rating.year],
    );
    const found = rows
      .map((r) => toSafeInteger(r.member_id))
      .find((m) => this.ratings.refOf(rating, m) === ref);
    if (found === undefined) {
      // A ref of another community's notice, or none at all: no entry of this notice.
      throw DomainError.notFound('entry of the notice');
    }
    return found;
  }

  private async withPeople(
    em: EntityManager,
    where: string,
    params: unknown[],
    tail: string,
  ): Promise<ObjectionView[]> {
    const rows: {
      id: unknown;
      year: unknown;
      about: string;
      reason: string;
      status: ObjectionStatus;
      created_at: string;
      resolved_at: string | null;
      resolved_by: string | null;
      reply: string | null;
      member_id: unknown;
      m_passbook: string;
      m_name: string;
      about_member_id: unknown;
      a_passbook: string;
      a_name: string;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT o.id, o.year, o.about, o.reason, o.status, o.created_at, o.resolved_at,
                o.resolved_by, o.reply, o.member_id, m.passbook_no AS m_passbook, m.name AS m_name,
                o.about_member_id, a.passbook_no AS a_passbook, a.name AS a_name
         FROM star_rating_objections o JOIN members m ON m.id = o.member_id
         JOIN members a ON a.id = o.about_member_id
         WHERE ${where}${tail}`,
      ),
      params,
    );
    return rows.map((r) => ({
      id: toSafeInteger(r.id),
      year: toSafeInteger(r.year),
      about: r.about,
      reason: r.reason,
      status: r.status,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
      reply: r.reply,
      member: { id: toSafeInteger(r.member_id), passbookNo: r.m_passbook, name: r.m_name },
      aboutMember: {
        id: toSafeInteger(r.about_member_id),
        passbookNo: r.a_passbook,
        name: r.a_name,
      },
      resolvedBy: r.resolved_by,
    }));
  }
}

function myView(o: StarRatingObjection): MyObjectionView {
  return {
    id: o.id,
    year: o.year,
    about: o.about,
    reason: o.reason,
    status: o.status,
    createdAt: o.createdAt,
    resolvedAt: o.resolvedAt,
    reply: o.reply,
  };
}
