import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessPolicy, communityOf } from '../access/access.policy';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeIdCursor, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { TeamLeader } from '../people/entities/team.entity';
import { setTeamsLed } from '../people/team-leaders';
import { AuthService } from './auth.service';
import { StaffRole, User } from './entities/user.entity';
import { COMMUNITY_ROLES } from '../common/principal';
import { LockoutService, userSubject } from './lockout.service';
import { hashSecret, verifySecret } from './password';
import { Principal } from './principal';

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

/**
 * Staff accounts as admins manage them: list, role and teams, password reset, deactivation; an
 * admin manages the staff of their own community (others' are unknown to them, 404).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    private readonly lockout: LockoutService,
    private readonly access: AccessPolicy,
  ) {}

  /** Staff of the admin's community; street-office users are made by the operator (user:create). */
  async create(
    viewer: Principal,
    input: {
      username: string;
      password: string;
      role: StaffRole;
      teamIds?: number[];
    },
  ): Promise<UserView> {
    const communityId = communityOf(viewer);
    assertCommunityRole(input.role);
    const user = await this.auth.createUser(
      input.username,
      input.password,
      input.role,
      input.teamIds ?? [],
      { communityId },
    );
    return this.get(viewer, user.id);
  }

  async list(
    viewer: Principal,
    query: {
      role?: StaffRole;
      limit?: number;
      cursor?: string;
    },
  ): Promise<Page<UserView>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    const communityId = communityOf(viewer);
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(User, 'u')
        .where('u.community_id = :communityId', { communityId })
        .andWhere('u.id > :afterId', { afterId })
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

  async get(viewer: Principal, id: number): Promise<UserView> {
    return this.db.read(async (em) => {
      const user = await this.access.userToManage(viewer, id);
      return view(user, (await this.teamsLedBy(em, [id])).get(id) ?? []);
    });
  }

  /**
   * Changes role, teams led or password. A role other than leader leads no team; a new password
   * ends the user's sessions and lifts a lockout, and (set for someone else) asks the user to
   * choose their own at the next login; the last active admin keeps the admin role.
   */
  async update(
    viewer: Principal & { kind: 'user' },
    id: number,
    changes: { role?: StaffRole; teamIds?: number[]; password?: string },
  ): Promise<UserView> {
    const actorUserId = viewer.userId;
    if (changes.role !== undefined) {
      assertCommunityRole(changes.role);
    }
    await this.access.userToManage(viewer, id);
    const passwordHash = changes.password ? await hashSecret(changes.password) : undefined;
    await this.db.write(async (em) => {
      const user = await this.lockUser(em, viewer, id);
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
        await this.assertAnotherActiveAdmin(em, user);
      }
      if (changes.teamIds !== undefined) {
        const teamIds = await this.auth.checkTeamsToLead(role, changes.teamIds, user.communityId);
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
    return this.get(viewer, id);
  }

  /** Deactivation ends every session of the user at once; their history stays. */
  async setActive(
    viewer: Principal & { kind: 'user' },
    id: number,
    active: boolean,
  ): Promise<UserView> {
    await this.db.write(async (em) => {
      const user = await this.lockUser(em, viewer, id);
      if (!active) {
        if (id === viewer.userId) {
          throw new DomainError(ErrorCode.CONFLICT, 'you cannot deactivate your own account', {
            reason: 'SELF_DEACTIVATION',
          });
        }
        if (user.role === 'admin') {
          await this.assertAnotherActiveAdmin(em, user);
        }
      }
      await em.update(User, { id }, { active });
      if (!active) {
        await this.auth.revokeUserSessions(id);
      }
    });
    return this.get(viewer, id);
  }

  private async lockUser(em: EntityManager, viewer: Principal, id: number): Promise<User> {
    // Two admins demoting each other at once must not leave the community without an admin.
    await this.db.lockName(`users:admins:${communityOf(viewer)}`);
    return this.access.userToManage(viewer, id);
  }

  /** Every community keeps an active admin. */
  private async assertAnotherActiveAdmin(em: EntityManager, user: User): Promise<void> {
    const rows: { n: unknown }[] = await em.query(
      sql(
        this.db,
        "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = ? AND community_id = ? AND id <> ?",
      ),
      [this.db.bool(true), user.communityId, user.id],
    );
    if (Number(rows[0].n) === 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'this is the last active admin of the community; make another user admin first',
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

/**
 * An admin makes community staff only: a street-office user works for the street office and is
 * made by the operator (`npm run user:create`), not by one community's admin.
 */
function assertCommunityRole(role: StaffRole): void {
  if (!COMMUNITY_ROLES.includes(role)) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `an admin makes community staff (${COMMUNITY_ROLES.join(', ')}); a street-office user is made with npm run user:create`,
      { reason: 'ROLE_NOT_ALLOWED', field: 'role' },
    );
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
