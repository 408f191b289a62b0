import { Injectable } from '@nestjs/common';
import { Database, sql } from '../common/db/database';
import { maskContact, maskPhone } from '../common/mask';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  likePattern,
  LIMIT_DEFAULT,
  Page,
} from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { Household } from './entities/household.entity';
import { Member } from './entities/member.entity';
import { HouseholdsService } from './households.service';
import { MembersService } from './members.service';
import { normalisePassbookNumber } from './passbook-number';
import { TeamsService } from './teams.service';

export interface PassbookOwner {
  passbookNo: string;
  accountId: number;
  owner: { type: 'member'; member: Member } | { type: 'household'; household: Household };
}

/** A passbook's holder in one row: what the counter's redemption needs of it, no more. */
export interface PassbookHolder {
  passbookNo: string;
  accountId: number;
  type: 'member' | 'household';
  communityId: number;
  name: string;
  active: boolean;
  /** A household's verification; always true for a member. */
  verified: boolean;
}

/** One hit of the counter's search: enough to tell two people of one name apart, no more. */
export interface PassbookMatch {
  passbookNo: string;
  owner: { type: 'member' | 'household'; id: number; name: string };
  /** Always masked (138****5678); a household's contact likewise. */
  phone: string | null;
  /** Names of the member's teams. */
  teams: string[];
  active: boolean;
}

/** The search's keyset cursor: the last passbook number shown. */
const PASSBOOK_CURSOR = { tag: 'p', shape: /^[VH][0-9A-Z]{7}$/ };

/**
 * The people module's face to the others: finds passbooks (members' and households') and searches
 * them for the counter, and creates members, households and teams for the roster import and the
 * test fixtures. Each resource's own rules live in `MembersService`, `HouseholdsService` and
 * `TeamsService`, beside their controllers.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly members: MembersService,
    private readonly households: HouseholdsService,
    private readonly teams: TeamsService,
  ) {}

  /** Creates a member with a passbook and an account (`MembersService.createMember`). */
  createMember(
    input: Parameters<MembersService['createMember']>[0],
  ): ReturnType<MembersService['createMember']> {
    return this.members.createMember(input);
  }

  /** `HouseholdsService.createHousehold`. */
  createHousehold(
    input: Parameters<HouseholdsService['createHousehold']>[0],
  ): ReturnType<HouseholdsService['createHousehold']> {
    return this.households.createHousehold(input);
  }

  /** `TeamsService.createTeam`. */
  createTeam(
    input: Parameters<TeamsService['createTeam']>[0],
  ): ReturnType<TeamsService['createTeam']> {
    return this.teams.createTeam(input);
  }

  /** Puts a member into a team, with no check of who asks (`TeamsService.addTeamMember`). */
  addTeamMember(teamId: number, memberId: number): Promise<void> {
    return this.teams.addTeamMember(teamId, memberId);
  }

  /**
   * Resolves a passbook number (as typed or scanned) to its owner, or null. Passbook numbers are
   * unique across the service, so a scan names its community: the owner carries `communityId`, and
   * the caller decides (AccessPolicy.maySeePassbook) whether the viewer may see it.
   */
  async findPassbook(input: string): Promise<PassbookOwner | null> {
    const passbookNo = normalisePassbookNumber(input);
    if (!passbookNo) {
      return null;
    }
    return this.db.read(async (em) => {
      if (passbookNo.startsWith('V')) {
        const member = await em.findOneBy(Member, { passbookNo });
        return member
          ? { passbookNo, accountId: member.accountId, owner: { type: 'member', member } }
          : null;
      }
      const household = await em.findOneBy(Household, { passbookNo });
      return household
        ? { passbookNo, accountId: household.accountId, owner: { type: 'household', household } }
        : null;
    });
  }

  /**
   * `findPassbook` in one plain-SQL row (the counter's redemption reads it on every write): the
   * same number normalisation, the same member/household choice, only the columns it needs.
   */
  async findPassbookHolder(input: string): Promise<PassbookHolder | null> {
    const passbookNo = normalisePassbookNumber(input);
    if (!passbookNo) {
      return null;
    }
    const member = passbookNo.startsWith('V');
    return this.db.read(async (em) => {
      const rows: {
        account_id: unknown;
        community_id: unknown;
        name: string;
        active: unknown;
        verified: unknown;
      }[] = await em.query(
        sql(
          this.db,
          member
            ? `SELECT account_id, community_id, name, active, ${this.db.boolSql(true)} AS verified
               FROM members WHERE passbook_no = ?`
            : `SELECT account_id, community_id, name, active, verified
               FROM households WHERE passbook_no = ?`,
        ),
        [passbookNo],
      );
      const row = rows[0];
      return row
        ? {
            passbookNo,
            accountId: toSafeInteger(row.account_id),
            type: member ? 'member' : 'household',
            communityId: toSafeInteger(row.community_id),
            name: row.name,
            active: Boolean(row.active),
            verified: Boolean(row.verified),
          }
        : null;
    });
  }

  /**
   * The counter's "find a person without the passbook": by name (part of it), passbook number or
   * the last four digits of a phone, members and households alike. Shows what tells two people of
   * one name apart (masked phone, teams, passbook number) and nothing more; who may call it is the
   * endpoint's role list (clerk, admin). Only passbooks of `communityId` (the caller's) are found.
   */
  async searchPassbooks(query: {
    communityId: number;
    q: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<PassbookMatch>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const after = decodeKeyCursor(PASSBOOK_CURSOR.tag, query.cursor, PASSBOOK_CURSOR.shape) ?? '';
    const q = query.q.trim();
    const name = likePattern(q.toLowerCase());
    const passbookNo = normalisePassbookNumber(q) ?? '';
    // Only a whole last four: a clerk cannot walk a phone number digit by digit.
    const lastFour = /^\d{4}$/.test(q) ? `%${q}` : '';
    const phoneDigits = (col: string) => `REPLACE(REPLACE(${col}, ' ', ''), '-', '')`;
    return this.db.read(async (em) => {
      const raw: {
        passbook_no: string;
        owner_type: 'member' | 'household';
        id: unknown;
        name: string;
        phone: string | null;
        active: unknown;
      }[] = await em.query(
        sql(
          this.db,
          `SELECT * FROM (
             SELECT m.passbook_no, 'member' AS owner_type, m.id, m.name, m.phone, m.active
             FROM members m
             WHERE m.community_id = ? AND (LOWER(m.name) LIKE ? ESCAPE '\\' OR m.passbook_no = ?
               OR (? <> '' AND ${phoneDigits('m.phone')} LIKE ?))
             UNION ALL
             SELECT h.passbook_no, 'household' AS owner_type, h.id, h.name, h.contact AS phone, h.active
             FROM households h
             WHERE h.community_id = ? AND (LOWER(h.name) LIKE ? ESCAPE '\\' OR h.passbook_no = ?
               OR (? <> '' AND ${phoneDigits('h.contact')} LIKE ?))
           ) found
           WHERE passbook_no > ?
           ORDER BY passbook_no LIMIT ?`,
        ),
        [
          query.communityId,
          name,
          passbookNo,
          lastFour,
          lastFour,
          query.communityId,
          name,
          passbookNo,
          lastFour,
          lastFour,
          after,
          limit + 1,
        ],
      );
      const rows = raw.slice(0, limit);
      const memberIds = rows
        .filter((r) => r.owner_type === 'member')
        .map((r) => toSafeInteger(r.id));
      const teamNames = new Map<number, string[]>();
      if (memberIds.length) {
        const teamRows: { member_id: unknown; name: string }[] = await em.query(
          sql(
            this.db,
            `SELECT tm.member_id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id
             WHERE tm.member_id IN (${memberIds.map(() => '?').join(', ')}) ORDER BY t.name`,
          ),
          memberIds,
        );
        for (const t of teamRows) {
          const id = toSafeInteger(t.member_id);
          teamNames.set(id, [...(teamNames.get(id) ?? []), t.name]);
        }
      }
      return {
        items: rows.map((r) => {
          const id = toSafeInteger(r.id);
          return {
            passbookNo: r.passbook_no,
            owner: { type: r.owner_type, id, name: r.name },
            phone:
              r.phone === null
                ? null
                : r.owner_type === 'member'
                  ? maskPhone(r.phone)
                  : maskContact(r.phone),
            teams: r.owner_type === 'member' ? (teamNames.get(id) ?? []) : [],
            active: Boolean(r.active),
          };
        }),
        nextCursor:
          raw.length > limit
            ? encodeKeyCursor(PASSBOOK_CURSOR.tag, rows[rows.length - 1].passbook_no)
            : null,
      };
    });
  }
}
