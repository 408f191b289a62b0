import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { actorOf, Principal } from '../auth/principal';
import {
  communityOf,
  mayMoveBetween,
  maySeeMemberTransfers,
  mayTransferMember,
} from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { Community, MemberTransfer } from '../communities/entities/community.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Account } from '../ledger/entities/account.entity';
import { Member } from './entities/member.entity';
import { normalisePassbookNumber } from './passbook-number';
import type { PassbookOwner } from './people.service';
import { TeamMember } from './entities/team.entity';
import { PassbookNumbers } from './passbook-numbers.service';

/** One move of a volunteer between communities, as the API shows it. */
export interface TransferView {
  id: number;
  memberId: number;
  fromCommunity: string;
  toCommunity: string;
  fromPassbookNo: string;
  toPassbookNo: string;
  /** Verified service hours carried into the new passbook (those of the old and what it carried). */
  hours: string;
  reason: string;
  createdBy: string;
  /** ISO timestamp of the move. */
  date: string;
}

/**
 * Moving a volunteer to another community of the same street office (记录转移接续). Points stay in
 * the books of the community that issued them, so the balance must be zero; the old account stays,
 * closed, in the old community's books with its whole statement, and a new account and passbook
 * number are opened in the target community. The verified service hours go with the volunteer.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly numbers: PassbookNumbers,
    private readonly auth: AuthService,
  ) {}

  async transfer(
    actor: Principal,
    memberId: number,
    input: { toCommunity: string; reason: string },
  ): Promise<TransferView> {
    communityOf(actor);
    return this.db.write(async (em) => {
      const locked: unknown[] = await em.query(
        sql(this.db, `SELECT id FROM members WHERE id = ?${this.db.forUpdate()}`),
        [memberId],
      );
      const member = locked.length ? await em.findOneBy(Member, { id: memberId }) : null;
      if (!member || !mayTransferMember(actor, member)) {
        throw DomainError.notFound('member');
      }
      const from = await em.findOneByOrFail(Community, { id: member.communityId });
      const to = await em.findOneBy(Community, { code: input.toCommunity });
      if (!to || !mayMoveBetween(from, to)) {
        throw DomainError.notFound('community');
      }
      // The balance row locked: a posting to the old account waits for the move, then sees it.
      const balanceRows: { balance: unknown }[] = await em.query(
        sql(this.db, `SELECT balance FROM balances WHERE account_id = ?${this.db.forUpdate()}`),
        [member.accountId],
      );
      const balance = toSafeInteger(balanceRows[0].balance);
      if (balance !== 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `the passbook still holds ${formatCents(balance)} points: they stay in ${from.code}'s books, so redeem or donate them before the move`,
          {
            reason: 'BALANCE_NOT_ZERO',
            balance: formatCents(balance),
            passbookNo: member.passbookNo,
          },
        );
      }
      // A pending record is approved into the community it was logged in, on the account the
      // volunteer has there: decide it (approve or reject) before they leave.
      const pending: { n: unknown }[] = await em.query(
        sql(
          this.db,
          "SELECT COUNT(*) AS n FROM service_records WHERE member_id = ? AND status = 'pending'",
        ),
        [member.id],
      );
      if (toSafeInteger(pending[0].n) > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${toSafeInteger(pending[0].n)} service record(s) of this volunteer still wait for approval in ${from.code}: approve or reject them before the move`,
          { reason: 'RECORDS_PENDING', pending: toSafeInteger(pending[0].n), memberId: member.id },
        );
      }
      const hours = await this.hoursOf(member.accountId, member.passbookNo);
      const passbookNo = await this.numbers.passbookNumberFor('V');
      const account = await this.ledger.openAccount(to.id, 'member', member.name, passbookNo);
      const transfer = em.create(MemberTransfer, {
        memberId: member.id,
        fromCommunityId: from.id,
        toCommunityId: to.id,
        fromPassbookNo: member.passbookNo,
        toPassbookNo: passbookNo,
        hours,
        reason: input.reason,
        createdBy: actorOf(actor),
        createdAt: this.clock.now().toISOString(),
      });
      await em.save(transfer);
      await em.delete(TeamMember, { memberId: member.id });
      await em.update(
        Member,
        { id: member.id },
        { communityId: to.id, accountId: account.id, passbookNo },
      );
      // They log in again with the new number; every cache forgets the old session.
      await this.auth.revokeMemberSessions(member.id);
      return this.view(transfer, new Map([from, to].map((c) => [c.id, c.code])));
    });
  }

  /** A member's moves, oldest first: for an admin of a community the member is or was in. */
  async list(viewer: Principal, memberId: number): Promise<{ items: TransferView[] }> {
    return this.db.read(async (em) => {
      const member = await em.findOneBy(Member, { id: memberId });
      const transfers = member
        ? await em.find(MemberTransfer, { where: { memberId }, order: { id: 'ASC' } })
        : [];
      if (!member || !maySeeMemberTransfers(viewer, member, transfers)) {
        throw DomainError.notFound('member');
      }
      return { items: await this.views(transfers) };
    });
  }

  /**
   * A passbook the volunteer left behind in a move, for the volunteer themself (their history
   * stays theirs to read); null for anyone else. Its account stays closed in the old books.
   */
  async passbookLeft(viewer: Principal, input: string): Promise<PassbookOwner | null> {
    const passbookNo = normalisePassbookNumber(input);
    if (viewer.kind !== 'member' || !passbookNo) {
      return null;
    }
    return this.db.read(async (em) => {
      const left = await em.findOneBy(MemberTransfer, {
        memberId: viewer.memberId,
        fromPassbookNo: passbookNo,
      });
      const account = left ? await em.findOneBy(Account, { passbookNo }) : null;
      const member = account ? await em.findOneBy(Member, { id: viewer.memberId }) : null;
      if (!account || !member) {
        return null;
      }
      // Seen as the member's own, now of the member's present community.
      return { passbookNo, accountId: account.id, owner: { type: 'member', member } };
    });
  }

  /** The moves of a member, oldest first, for the passbook view. */
  async ofMember(memberId: number): Promise<TransferView[]> {
    return this.db.read(async (em) =>
      this.views(await em.find(MemberTransfer, { where: { memberId }, order: { id: 'ASC' } })),
    );
  }

  /**
   * Verified service hours a passbook holds with what it carried: its own years' hours plus the
   * hours carried into it by the move that opened it (which already include earlier moves).
   */
  async hoursOf(accountId: number, passbookNo: string): Promise<number> {
    return this.db.read(async (em) => {
      const rows: { own: unknown; carried: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT
             (SELECT COALESCE(SUM(hours), 0) FROM account_year_totals WHERE account_id = ?) AS own,
             (SELECT COALESCE(SUM(hours), 0) FROM member_transfers WHERE to_passbook_no = ?) AS carried`,
        ),
        [accountId, passbookNo],
      );
      return toSafeInteger(rows[0].own) + toSafeInteger(rows[0].carried);
    });
  }

  /** Hours carried into a passbook by the move that opened it (0 for one never moved). */
  async carriedInto(passbookNo: string): Promise<number> {
    return this.db.read(async (em) => {
      const rows: { carried: unknown }[] = await em.query(
        sql(
          this.db,
          'SELECT COALESCE(SUM(hours), 0) AS carried FROM member_transfers WHERE to_passbook_no = ?',
        ),
        [passbookNo],
      );
      return toSafeInteger(rows[0].carried);
    });
  }

  private async views(transfers: MemberTransfer[]): Promise<TransferView[]> {
    if (transfers.length === 0) {
      return [];
    }
    const ids = [...new Set(transfers.flatMap((t) => [t.fromCommunityId, t.toCommunityId]))];
    const communities = await this.db.read((em) => em.findBy(Community, { id: In(ids) }));
    const codes = new Map(communities.map((c) => [c.id, c.code]));
    return transfers.map((t) => this.view(t, codes));
  }

  private view(t: MemberTransfer, codes: Map<number, string>): TransferView {
    return {
      id: t.id,
      memberId: t.memberId,
      fromCommunity: codes.get(t.fromCommunityId)!,
      toCommunity: codes.get(t.toCommunityId)!,
      fromPassbookNo: t.fromPassbookNo,
      toPassbookNo: t.toPassbookNo,
      hours: formatCents(t.hours),
      reason: t.reason,
      createdBy: t.createdBy,
      date: t.createdAt,
    };
  }
}
