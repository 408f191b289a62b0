import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import { communityOf, maySeePersonalData, volunteerIdOf } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { maskName } from '../common/mask';
import { decodeIdCursor, encodeIdCursor, LIMIT_DEFAULT } from '../common/pagination';
import { formatCents, parseCents, toSafeInteger } from '../common/points';
import { TransactionKind } from '../ledger/entities/ledger-transaction.entity';
import { joinReversal, joinReversed } from '../ledger/ledger-sql';
import { decodeSeqCursor, LedgerService, StatementEntry } from '../ledger/ledger.service';
import { Hardship, Household } from '../people/entities/household.entity';
import { Member } from '../people/entities/member.entity';
import { normalisePassbookNumber } from '../people/passbook-number';
import { Donation } from './entities/donation.entity';
import { Wish } from '../wishes/entities/wish.entity';

export interface DonationResult {
  id: number;
  transactionId: string;
  /** The giver's passbook. */
  passbookNo: string;
  householdId: number;
  points: string;
  /** The giver's balance after the gift. */
  balanceAfter: string;
  createdAt: string;
}

export interface DonationListItem {
  id: number;
  transactionId: string;
  passbookNo: string;
  memberName: string;
  householdId: number;
  /** Masked for volunteers, in full for administrators. */
  householdName: string;
  points: string;
  createdAt: string;
  reversed: boolean;
}

export interface GiftEntry extends StatementEntry {
  /** For `receive` entries: the donation and, for administrators only, who gave it. */
  donationId?: number;
  from?: { memberId: number; passbookNo: string; name: string };
  /** True when this entry was later reversed (a gift returned, a redemption cancelled). */
  reversed: boolean;
  /** For `reversal` entries: the transaction they undo. */
  reverses?: string;
}

export interface HouseholdGifts {
  household: {
    id: number;
    passbookNo: string;
    name: string;
    hardship: Hardship;
    verified: boolean;
    active: boolean;
  };
  balance: string;
  /** Net of reversals: points received as gifts and points spent at the shop. */
  totals: { received: string; redeemed: string };
  entries: GiftEntry[];
  nextCursor: string | null;
}

/** Gifts of points from volunteers to verified, active hardship households. */
@Injectable()
export class DonationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * A volunteer gives from their own passbook; an administrator records a gift on a named
   * passbook's behalf. One `donation` transaction moves the points; refusals change nothing.
   * Giver and household are of the principal's community: another community's are unknown (404).
   */
  async donate(
    principal: Principal,
    input: { householdId: number; points: unknown; passbookNo?: string; wishId?: number },
  ): Promise<DonationResult> {
    const cents = parseCents(input.points, { field: 'points' });
    const communityId = communityOf(principal);
    return this.db.write(async (em) => {
      const giver = await this.giverOf(em, principal, communityId, input.passbookNo);
      const household = await em.findOneBy(Household, { id: input.householdId, communityId });
      if (!household) {
        throw new DomainError(ErrorCode.NOT_FOUND, 'household not found', {
          householdId: input.householdId,
        });
      }
      const wishId = await this.wishToward(em, communityId, household.id, input.wishId);
      if (!household.verified || !household.active) {
        const why = !household.verified ? 'is not verified' : 'is no longer active';
        throw new DomainError(
          ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
          `this household ${why} and cannot receive gifts; choose another or ask the community office`,
          {
            reason: !household.verified ? 'HOUSEHOLD_NOT_VERIFIED' : 'HOUSEHOLD_INACTIVE',
            householdId: household.id,
            verified: household.verified,
            active: household.active,
          },
        );
      }
      const actor = actorOf(principal);
      const posted = await this.ledger.post({
        communityId,
        kind: 'donation',
        actor,
        description: `爱心捐赠 · ${maskName(household.name)}`,
        postings: [
          { accountId: giver.accountId, amount: -cents },
          { accountId: household.accountId, amount: cents },
        ],
        meta: { memberId: giver.id, householdId: household.id },
      });
      const donation = em.create(Donation, {
        communityId,
        transactionId: posted.id,
        memberId: giver.id,
        householdId: household.id,
        points: cents,
        actor,
        createdAt: posted.createdAt,
        wishId,
      });
      await em.save(donation);
      return {
        id: donation.id,
        transactionId: posted.id,
        passbookNo: giver.passbookNo,
        householdId: household.id,
        points: formatCents(cents),
        balanceAfter: formatCents(posted.balanceAfter.get(giver.accountId)!),
        createdAt: posted.createdAt,
      };
    });
  }

  /**
   * The wish a gift is toward: of the community (404 otherwise), for this very household, and not
   * fulfilled yet (409 WISH_NOT_OPEN); its points stay an ordinary gift to the household.
   */
  private async wishToward(
    em: EntityManager,
    communityId: number,
    householdId: number,
    wishId: number | undefined,
  ): Promise<number | null> {
    if (wishId === undefined) {
      return null;
    }
    const wish = await em.findOneBy(Wish, { id: wishId, communityId });
    if (!wish) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'wish not found', { wishId });
    }
    if (wish.householdId !== householdId) {
      throw DomainError.validation(
        "the wish is not this household's: give toward it to its household",
        {
          field: 'wishId',
          wishId,
        },
      );
    }
    if (wish.status === 'fulfilled') {
      throw new DomainError(ErrorCode.CONFLICT, 'this wish was fulfilled already', {
        reason: 'WISH_NOT_OPEN',
        status: wish.status,
      });
    }
    return wish.id;
  }

  /** A volunteer's own gifts, or (administrators) all gifts, optionally for one household or giver. */
  async list(
    principal: Principal,
    query: { limit?: number; cursor?: string; householdId?: number; passbookNo?: string },
  ): Promise<{ items: DonationListItem[]; nextCursor: string | null }> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const admin = maySeePersonalData(principal);
    const where: string[] = ['d.community_id = ?'];
    const params: unknown[] = [communityOf(principal)];
    const ownMemberId = volunteerIdOf(principal);
    if (ownMemberId !== null) {
      where.push('d.member_id = ?');
      params.push(ownMemberId);
    } else if (query.passbookNo !== undefined) {
      where.push('m.passbook_no = ?');
      params.push(normalisePassbookNumber(query.passbookNo) ?? query.passbookNo);
    }
    if (query.householdId !== undefined) {
      where.push('d.household_id = ?');
      params.push(query.householdId);
    }
    const beforeId = decodeIdCursor(query.cursor, 'd');
    if (beforeId !== undefined) {
      where.push('d.id < ?');
      params.push(beforeId);
    }
    params.push(limit + 1);
    const rows: {
      id: unknown;
      transaction_id: string;
      passbook_no: string;
      member_name: string;
      household_id: unknown;
      household_name: string;
      points: unknown;
      created_at: string;
      reversal_id: string | null;
    }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT d.id, d.transaction_id, m.passbook_no, m.name AS member_name, d.household_id,
                  h.name AS household_name, d.points, d.created_at, r.id AS reversal_id
           FROM donations d
           JOIN members m ON m.id = d.member_id
           JOIN households h ON h.id = d.household_id
           ${joinReversal('r', 'd.transaction_id')}
           WHERE ${where.join(' AND ')}
           ORDER BY d.id DESC LIMIT ?`,
        ),
        params,
      ),
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({
      id: toSafeInteger(r.id),
      transactionId: r.transaction_id,
      passbookNo: r.passbook_no,
      memberName: r.member_name,
      householdId: toSafeInteger(r.household_id),
      householdName: admin ? r.household_name : maskName(r.household_name),
      points: formatCents(toSafeInteger(r.points)),
      createdAt: r.created_at,
      reversed: r.reversal_id !== null,
    }));
    return {
      items,
      nextCursor: more ? encodeIdCursor(items[items.length - 1].id, 'd') : null,
    };
  }

  /**
   * A household's passbook seen through its gifts: every gift received (the giver shown to
   * administrators only) and every redemption made with the points, newest first.
   */
  async householdGifts(
    principal: Principal,
    householdId: number,
    page: { limit?: number; cursor?: string },
  ): Promise<HouseholdGifts> {
    const showGivers = maySeePersonalData(principal);
    const beforeSeq = decodeSeqCursor(page.cursor);
    const communityId = communityOf(principal);
    return this.db.read(async (em) => {
      const household = await em.findOneBy(Household, { id: householdId, communityId });
      if (!household) {
        throw DomainError.notFound('household');
      }
      const statement = await this.ledger.statement(household.accountId, {
        limit: page.limit ?? LIMIT_DEFAULT,
        beforeSeq,
      });
      const ids = statement.entries.map((e) => e.transactionId);
      const links = await this.reversalLinks(em, ids);
      const gifts = await this.donationsByTransaction(em, ids);
      const entries = statement.entries.map((e): GiftEntry => {
        const gift = gifts.get(e.transactionId);
        const reverses = links.reverses.get(e.transactionId);
        return {
          ...e,
          ...(gift ? { donationId: gift.id } : {}),
          ...(gift && showGivers ? { from: gift.from } : {}),
          reversed: links.reversed.has(e.transactionId),
          ...(reverses ? { reverses } : {}),
        };
      });
      const totals = await this.totalsByKind(em, household.accountId);
      return {
        household: {
          id: household.id,
          passbookNo: household.passbookNo,
          name: household.name,
          hardship: household.hardship,
          verified: household.verified,
          active: household.active,
        },
        balance: formatCents(await this.ledger.balanceOf(household.accountId)),
        totals: {
          received: formatCents(totals.get('donation') ?? 0),
          redeemed: formatCents(
            -((totals.get('redeem') ?? 0) + (totals.get('redeem_return') ?? 0)),
          ),
        },
        entries,
        nextCursor: statement.nextCursor,
      };
    });
  }

  private async giverOf(
    em: EntityManager,
    principal: Principal,
    communityId: number,
    passbookInput: string | undefined,
  ): Promise<Member> {
    let member: Member | null;
    if (principal.kind === 'member') {
      if (
        passbookInput !== undefined &&
        normalisePassbookNumber(passbookInput) !== principal.passbookNo
      ) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          'a volunteer can give only from their own passbook',
          { reason: 'OWN_PASSBOOK_ONLY', field: 'passbookNo' },
        );
      }
      member = await em.findOneBy(Member, { id: principal.memberId, communityId });
    } else {
      if (passbookInput === undefined) {
        throw DomainError.validation(
          "passbookNo is required: name the volunteer's passbook the gift comes from",
          { field: 'passbookNo' },
        );
      }
      const passbookNo = normalisePassbookNumber(passbookInput);
      if (passbookNo?.startsWith('H')) {
        throw DomainError.validation(
          "gifts come from a volunteer's passbook (V…), not a household's",
          { field: 'passbookNo' },
        );
      }
      // An administrator gives on behalf of a volunteer of their own community only.
      member = passbookNo ? await em.findOneBy(Member, { passbookNo, communityId }) : null;
      if (!member) {
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `no volunteer passbook ${passbookInput.trim().slice(0, 32)}: check the number`,
          { field: 'passbookNo' },
        );
      }
    }
    if (!member) {
      throw DomainError.notFound('passbook');
    }
    if (!member.active) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `passbook ${member.passbookNo} is closed and cannot give points`,
        { reason: 'PASSBOOK_CLOSED', passbookNo: member.passbookNo },
      );
    }
    return member;
  }

  /** Which of these transactions were reversed, and what each reversal among them undoes. */
  private async reversalLinks(em: EntityManager, ids: string[]) {
    const reversed = new Set<string>();
    const reverses = new Map<string, string>();
    if (ids.length === 0) {
      return { reversed, reverses };
    }
    const marks = ids.map(() => '?').join(', ');
    const rows: { id: string; reverses: string }[] = await em.query(
      sql(
        this.db,
        `SELECT id, reverses FROM ledger_transactions
         WHERE reverses IS NOT NULL AND (reverses IN (${marks}) OR id IN (${marks}))`,
      ),
      [...ids, ...ids],
    );
    for (const r of rows) {
      reversed.add(r.reverses);
      reverses.set(r.id, r.reverses);
    }
    return { reversed, reverses };
  }

  private async donationsByTransaction(em: EntityManager, ids: string[]) {
    const byTx = new Map<
      string,
      { id: number; from: { memberId: number; passbookNo: string; name: string } }
    >();
    if (ids.length === 0) {
      return byTx;
    }
    const rows: {
      id: unknown;
      transaction_id: string;
      member_id: unknown;
      passbook_no: string;
      name: string;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT d.id, d.transaction_id, d.member_id, m.passbook_no, m.name
         FROM donations d JOIN members m ON m.id = d.member_id
         WHERE d.transaction_id IN (${ids.map(() => '?').join(', ')})`,
      ),
      ids,
    );
    for (const r of rows) {
      byTx.set(r.transaction_id, {
        id: toSafeInteger(r.id),
        from: { memberId: toSafeInteger(r.member_id), passbookNo: r.passbook_no, name: r.name },
      });
    }
    return byTx;
  }

  /** Sum of an account's postings by original kind, a reversal counting with what it undoes. */
  private async totalsByKind(em: EntityManager, accountId: number) {
    const rows: { kind: TransactionKind; total: unknown }[] = await em.query(
      sql(
        this.db,
        `SELECT COALESCE(o.kind, t.kind) AS kind, SUM(p.amount) AS total
         FROM postings p
         JOIN ledger_transactions t ON t.id = p.transaction_id
         ${joinReversed('o', 't')}
         WHERE p.account_id = ?
         GROUP BY COALESCE(o.kind, t.kind)`,
      ),
      [accountId],
    );
    return new Map(rows.map((r) => [r.kind, toSafeInteger(r.total)]));
  }
}
