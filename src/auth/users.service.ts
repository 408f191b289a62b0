import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeIdCursor, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { TeamLeader } from '../people/entities/team.entity';
import { setTeamsLed } from '../people/team-leaders';
import { AuthService } from './auth.service';
import { StaffRole, User } from './entities/user.entity';
import { LockoutService, userSubject } from './lockout.service';
import { hashSecret, verifySecret } from './password';

export interface UserView {
  id: number;
  username: string;
  role: StaffRole;
  active: boolean;
  teamIds: number[];
  createdAt: string;
  /** The password was chosen by someone else; the pages ask the user for their own. */
  mustChangePassword: boolean;
}

/** Staff accounts as admins manage them: list, role and teams, password reset, deactivation. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    private readonly lockout: LockoutService,
  ) {}

  async create(input: {
    username: string;
    password: string;
    role: StaffRole;
    teamIds?: number[];
  }): Promise<UserView> {
    const user = await this.auth.createUser(
      input.username,
      input.password,
      input.role,
      input.teamIds ?? [],
    );
    return this.get(user.id);
  }

  async list(query: {
    role?: StaffRole;
    limit?: number;
    cursor?: string;
  }): Promise<Page<UserView>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(User, 'u')
        .where('u.id > :afterId', { afterId })
        .orderBy('u.id', 'ASC')
        .take(limit + 1);
      if (query.role) {
        qb.andWhere('u.role = :role', { role: query.role });
      }
      const rows = await qb.getMany();
      const teams = await this.teamsLedBy(
        em,
        rows.map((u) => u.id),
      );
      return toPage(rows, limit, (u) => view(u, teams.get(u.id) ?? []));
    });
  }

  async get(id: number): Promise<UserView> {
    return this.db.read(async (em) => {
      const user = await em.findOneBy(User, { id });
      if (!user) {
        throw DomainError.notFound('user');
      }
      return view(user, (await this.teamsLedBy(em, [id])).get(id) ?? []);
    });
  }

  /**
   * Changes role, teams led or password. A role other than leader leads no team; a new password
   * ends the user's sessions and lifts a lockout, and (set for someone else) asks the user to
   * choose their own at the next login; the last active admin keeps the admin role.
   */
  async update(
    id: number,
    changes: { role?: StaffRole; teamIds?: number[]; password?: string },
    actorUserId: number,
  ): Promise<UserView> {
    const passwordHash = changes.password ? await hashSecret(changes.password) : undefined;
    await this.db.write(async (em) => {
      const user = await this.lockUser(em, id);
      if (
        id === actorUserId &&
        changes.password &&
        (await verifySecret(changes.password, user.passwordHash))
      ) {
        // An admin's own new password, like anyone's, must differ from the current one.
        throw DomainError.validation('the new password is the current one', {
          field: 'password',
          reason: 'SAME_AS_CURRENT',
        });
      }
      const role = changes.role ?? user.role;
      if (user.role === 'admin' && role !== 'admin' && user.active) {
        await this.assertAnotherActiveAdmin(em, id);
      }
      if (changes.teamIds !== undefined) {
        const teamIds = await this.auth.checkTeamsToLead(role, changes.teamIds);
        await setTeamsLed(em, id, teamIds);
      } else if (role !== 'leader') {
        await setTeamsLed(em, id, []);
      }
      if (changes.role !== undefined || passwordHash !== undefined) {
        await em.update(
          User,
          { id },
          {
            role,
            ...(passwordHash ? { passwordHash, mustChangePassword: id !== actorUserId } : {}),
          },
        );
      }
      if (changes.role !== undefined && changes.role !== user.role) {
        // The cached principal carries the role.
        this.auth.forgetUser(id);
      }
      if (passwordHash !== undefined) {
        await this.auth.revokeUserSessions(id);
        await this.lockout.clear(userSubject(user.username));
      }
    });
    return this.get(id);
  }

  /** Deactivation ends every session of the user at once; their history stays. */
  async setActive(id: number, active: boolean, actorUserId: number): Promise<UserView> {
    await this.db.write(async (em) => {
      const user = await this.lockUser(em, id);
      if (!active) {
        if (id === actorUserId) {
          throw new DomainError(ErrorCode.CONFLICT, 'you cannot deactivate your own account', {
            reason: 'SELF_DEACTIVATION',
          });
        }
        if (user.role === 'admin') {
          await this.assertAnotherActiveAdmin(em, id);
        }
      }
      await em.update(User, { id }, { active });
      if (!active) {
        await this.auth.revokeUserSessions(id);
      }
    });
    return this.get(id);
  }

  private async lockUser(em: EntityManager, id: number): Promise<User> {
    // Two admins demoting each other at once must not leave the community without an admin.
    await this.db.lockName('users:admins');
    const user = await em.findOneBy(User, { id });
    if (!user) {
      throw DomainError.notFound('user');
    }
    return user;
  }

  private async assertAnotherActiveAdmin(em: EntityManager, id: number): Promise<void> {
    const rows: { n: unknown }[] = await em.query(
      sql(
        this.db,
        "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = ? AND id <> ?",
      ),
      [this.db.bool(true), id],
    );
    if (Number(rows[0].n) === 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'this is the last active admin; make another user admin first',
        { reason: 'LAST_ADMIN' },
      );
    }
  }

  private async teamsLedBy(em: EntityManager, userIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (userIds.length === 0) {
      return out;
    }
    const rows = await em.find(TeamLeader, {
      where: { userId: In(userIds) },
      order: { teamId: 'ASC' },
    });
    for (const r of rows) {
      out.set(r.userId, [...(out.get(r.userId) ?? []), r.teamId]);
    }
    return out;
  }
}

function view(user: User, teamIds: number[]): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    active: Boolean(user.active),
    teamIds,
    createdAt: user.createdAt,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
}
