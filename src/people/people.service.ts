import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { hashSecret, randomSecret } from '../auth/password';
import { User } from '../auth/entities/user.entity';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { Account } from '../ledger/entities/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Hardship, Household } from './entities/household.entity';
import { Member, MemberKind } from './entities/member.entity';
import { Team, TeamLeader, TeamMember } from './entities/team.entity';
import { newPassbookNumber, normalisePassbookNumber, PassbookPrefix } from './passbook-number';

export interface PassbookOwner {
  passbookNo: string;
  accountId: number;
  owner: { type: 'member'; member: Member } | { type: 'household'; household: Household };
}

/** Members, households and teams: who holds a passbook and who leads whom. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
  ) {}

  /** Creates a member with a passbook and an account; returns the PIN when it was generated. */
  async createMember(input: {
    name: string;
    kind: MemberKind;
    phone?: string | null;
    pin?: string;
  }): Promise<{ member: Member; generatedPin?: string }> {
    const pin = input.pin ?? randomSecret(6, '0123456789');
    const pinHash = await hashSecret(pin);
    const member = await this.db.write(async (em) => {
      const passbookNo = await this.freePassbookNumber('V');
      const account = await this.ledger.openAccount('member', input.name, passbookNo);
      const row = em.create(Member, {
        accountId: account.id,
        passbookNo,
        name: input.name,
        kind: input.kind,
        phone: input.phone ?? null,
        pinHash,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      return em.save(row);
    });
    return { member, generatedPin: input.pin === undefined ? pin : undefined };
  }

  async createHousehold(input: {
    name: string;
    hardship: Hardship;
    address?: string | null;
    contact?: string | null;
  }): Promise<Household> {
    return this.db.write(async (em) => {
      const passbookNo = await this.freePassbookNumber('H');
      const account = await this.ledger.openAccount('household', input.name, passbookNo);
      const row = em.create(Household, {
        accountId: account.id,
        passbookNo,
        name: input.name,
        hardship: input.hardship,
        address: input.address ?? null,
        contact: input.contact ?? null,
        verified: true,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      return em.save(row);
    });
  }

  async createTeam(input: {
    name: string;
    serviceType?: string | null;
    leaderUserIds?: number[];
  }): Promise<{
    team: Team;
    leaderUserIds: number[];
  }> {
    const leaderUserIds = [...new Set(input.leaderUserIds ?? [])];
    return this.db.write(async (em) => {
      if (await em.findOneBy(Team, { name: input.name })) {
        throw new DomainError(ErrorCode.CONFLICT, `a team named "${input.name}" already exists`, {
          field: 'name',
        });
      }
      if (leaderUserIds.length) {
        const leaders = await em.findBy(User, {
          id: In(leaderUserIds),
          role: 'leader',
          active: true,
        });
        if (leaders.length !== leaderUserIds.length) {
          throw DomainError.validation(
            'every leaderUserId must be an active user with role leader',
            {
              field: 'leaderUserIds',
            },
          );
        }
      }
      const team = await em.save(
        em.create(Team, {
          name: input.name,
          serviceType: input.serviceType ?? null,
          createdAt: this.clock.now().toISOString(),
        }),
      );
      for (const userId of leaderUserIds) {
        await em.insert(TeamLeader, { teamId: team.id, userId });
      }
      return { team, leaderUserIds };
    });
  }

  async addTeamMember(teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      if (!(await em.findOneBy(Team, { id: teamId }))) {
        throw DomainError.notFound('team');
      }
      if (!(await em.findOneBy(Member, { id: memberId }))) {
        throw DomainError.notFound('member');
      }
      if (!(await em.findOneBy(TeamMember, { teamId, memberId }))) {
        await em.insert(TeamMember, {
          teamId,
          memberId,
          createdAt: this.clock.now().toISOString(),
        });
      }
    });
  }

  /** Team ids a leader user leads. */
  async teamIdsLedBy(userId: number): Promise<number[]> {
    return this.db.read(async (em) =>
      (await em.findBy(TeamLeader, { userId })).map((l) => l.teamId),
    );
  }

  /** True when the member belongs to at least one team the user leads. */
  async leaderLeadsMember(userId: number, memberId: number): Promise<boolean> {
    return this.db.read(async (em) => {
      const rows: unknown[] = await em.query(
        this.db.dialect === 'postgres'
          ? 'SELECT 1 FROM team_members tm JOIN team_leaders tl ON tl.team_id = tm.team_id WHERE tl.user_id = $1 AND tm.member_id = $2 LIMIT 1'
          : 'SELECT 1 FROM team_members tm JOIN team_leaders tl ON tl.team_id = tm.team_id WHERE tl.user_id = ? AND tm.member_id = ? LIMIT 1',
        [userId, memberId],
      );
      return rows.length > 0;
    });
  }

  /** Resolves a passbook number (as typed or scanned) to its owner, or null. */
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

  async getMember(id: number): Promise<Member> {
    const member = await this.db.read((em) => em.findOneBy(Member, { id }));
    if (!member) {
      throw DomainError.notFound('member');
    }
    return member;
  }

  private async freePassbookNumber(prefix: PassbookPrefix): Promise<string> {
    const em = this.db.writeManager();
    for (;;) {
      const candidate = newPassbookNumber(prefix);
      if (!(await em.findOneBy(Account, { passbookNo: candidate }))) {
        return candidate;
      }
    }
  }
}
