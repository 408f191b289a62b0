import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Member } from '../people/entities/member.entity';
import { Team, TeamLeader } from '../people/entities/team.entity';
import { setTeamsLed } from '../people/team-leaders';
import { normalisePassbookNumber } from '../people/passbook-number';
import { Community, StreetOffice } from '../communities/entities/community.entity';
import { Session } from './entities/session.entity';
import { StaffRole, User } from './entities/user.entity';
import { DUMMY_HASH, hashSecret, randomSecret, verifySecret } from './password';
import { LockoutService, passbookSubject, userSubject } from './lockout.service';
import { Principal } from './principal';
import { SessionCache } from './session-cache';
import { placeColumns, StaffPlace } from './staff-place';

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** The start of the one log line that holds the first admin's generated password. */
export const GENERATED_ADMIN_LINE = 'Created user "admin" with generated password';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Whether this start created the first admin with a generated password (for the start-up lines). */
  private generatedFirstAdmin = false;
  /** Tokens this instance checked lately (SESSION_CACHE_SECONDS); see SessionCache. */
  private readonly sessions: SessionCache;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lockout: LockoutService,
  ) {
    this.sessions = new SessionCache(config.sessionCacheSeconds * 1000);
  }

  /** First start on an empty database: create `admin` from ADMIN_PASSWORD or a printed random one. */
  async onApplicationBootstrap(): Promise<void> {
    const hasUsers = await this.db.read((em) => em.count(User));
    if (hasUsers > 0) {
      return;
    }
    const password = this.config.adminPassword ?? randomSecret(16);
    const generated = !this.config.adminPassword;
    const passwordHash = await hashSecret(password);
    const created = await this.db.write(async (em) => {
      // Instances starting together on an empty database: one creates admin, the others see it.
      await this.db.lockName('username:admin');
      if ((await em.count(User)) > 0) {
        return false;
      }
      await em.insert(User, {
        username: 'admin',
        passwordHash,
        role: 'admin',
        active: true,
        // The first administrator works in the first community (the only one, at first start).
        communityId: 1,
        createdAt: this.clock.now().toISOString(),
        mustChangePassword: generated,
      });
      return true;
    });
    if (created && generated) {
      this.generatedFirstAdmin = true;
      // Printed once, on purpose: it is the only way into a fresh installation.
      this.logger.warn(
        `${GENERATED_ADMIN_LINE}: ${password} (the pages ask for a new one at the first login)`,
      );
    }
  }

  /** True when this start created `admin` with a generated password, printed in the log above. */
  createdAdminWithGeneratedPassword(): boolean {
    return this.generatedFirstAdmin;
  }

  /**
   * A staff user: community staff (admin, leader, clerk) in a community, a street-office user
   * (office) for a street office (`placeColumns`); a leader may be given teams of their community.
   * The community or street office must exist (else 404).
   */
  async createUser(
    username: string,
    password: string,
    role: StaffRole,
    teamIds: number[],
    place: StaffPlace,
  ): Promise<User> {
    const columns = placeColumns(role, place);
    const passwordHash = await hashSecret(password);
    return this.db.write(async (em) => {
      if (
        columns.communityId !== null &&
        !(await em.findOneBy(Community, { id: columns.communityId }))
      ) {
        throw DomainError.notFound('community');
      }
      if (
        columns.streetOfficeId !== null &&
        !(await em.findOneBy(StreetOffice, { id: columns.streetOfficeId }))
      ) {
        throw DomainError.notFound('street office');
      }
      // Two admins creating the same username at once: one wins, the other gets CONFLICT.
      await this.db.lockName(`username:${username}`);
      if (await em.findOneBy(User, { username })) {
        throw new DomainError(ErrorCode.CONFLICT, `username "${username}" is already taken`, {
          reason: 'DUPLICATE_NAME',
          field: 'username',
        });
      }
      const led = await this.checkTeamsToLead(role, teamIds, columns.communityId);
      const user = em.create(User, {
        username,
        passwordHash,
        role,
        ...columns,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      await em.save(user);
      await setTeamsLed(em, user.id, led);
      return user;
    });
  }

  /**
   * Only leaders lead teams, and only teams of their community (another community's team is as
   * unknown); returns the ids without repeats.
   */
  async checkTeamsToLead(
    role: StaffRole,
    teamIds: number[],
    communityId: number | null,
  ): Promise<number[]> {
    const ids = [...new Set(teamIds)];
    if (ids.length === 0) {
      return ids;
    }
    if (role !== 'leader') {
      throw DomainError.validation('only a user with role leader can lead teams', {
        field: 'teamIds',
      });
    }
    const found = await this.db.read((em) =>
      em.findBy(Team, { id: In(ids), communityId: communityId ?? -1 }),
    );
    const unknown = ids.filter((id) => !found.some((t) => t.id === id));
    if (unknown.length) {
      throw DomainError.validation(`no team with id ${unknown.join(', ')}`, {
        field: 'teamIds',
        unknown,
      });
    }
    return ids;
  }

  /**
   * Checks a username and password; the same 401 for an unknown user and a wrong password.
   * Repeated failures lock the username for a while, even against the right password.
   */
  async login(
    username: string,
    password: string,
    address: string,
  ): Promise<{ token: IssuedToken; user: User }> {
    const subject = userSubject(username);
    const user = await this.db.read((em) => em.findOneBy(User, { username }));
    const ok = await this.checkSecret(subject, address, password, user?.passwordHash);
    if (!user || !ok || !user.active) {
      await this.lockout.fail();
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'username or password is wrong');
    }
    return this.db.write(async () => {
      await this.lockout.succeed(subject, address);
      return { token: await this.issueToken({ userId: user.id }), user };
    });
  }

  /**
   * A volunteer logs in with the number printed on the passbook and a PIN. Typed numbers are
   * normalised; repeated failures lock the passbook for a while.
   */
  async passbookLogin(
    passbookNo: string,
    pin: string,
    address: string,
  ): Promise<{ token: IssuedToken; member: Member }> {
    const wrong = () =>
      new DomainError(ErrorCode.UNAUTHENTICATED, 'passbook number or PIN is wrong');
    const normalised = normalisePassbookNumber(passbookNo);
    if (!normalised) {
      await verifySecret(pin, DUMMY_HASH);
      throw wrong();
    }
    const subject = passbookSubject(normalised);
    const member = await this.db.read((em) => em.findOneBy(Member, { passbookNo: normalised }));
    const ok = await this.checkSecret(subject, address, pin, member?.pinHash);
    if (!member || !ok || !member.active) {
      await this.lockout.fail();
      throw wrong();
    }
    return this.db.write(async () => {
      await this.lockout.succeed(subject, address);
      return { token: await this.issueToken({ memberId: member.id }), member };
    });
  }

  /**
   * Reserves an attempt at the subject (ACCOUNT_LOCKED when none is left, without looking at the
   * secret), then verifies it; an unknown subject is checked against a dummy hash so timing says
   * nothing. The caller reports the outcome to the lockout.
   */
  private async checkSecret(
    subject: string,
    address: string,
    secret: string,
    storedHash: string | undefined,
  ): Promise<boolean> {
    await this.lockout.reserve(subject, address);
    return verifySecret(secret, storedHash ?? DUMMY_HASH);
  }

  /** Ends the session of one bearer token (logout). */
  async revokeToken(token: string): Promise<void> {
    const tokenHash = sha256(token);
    this.sessions.forgetToken(tokenHash, this.clock.now().getTime());
    await this.db.write(async (em) => {
      await em.delete(Session, { tokenHash });
      // Again once the delete is visible: a lookup between the two must not cache the session anew.
      this.db.afterCommit(() => this.sessions.forgetToken(tokenHash, this.clock.now().getTime()));
    });
  }

  async issueToken(owner: { userId?: number; memberId?: number }): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.tokenTtlSeconds * 1000).toISOString();
    await this.db.write(async (em) => {
      await em.insert(Session, {
        tokenHash: sha256(token),
        userId: owner.userId ?? null,
        memberId: owner.memberId ?? null,
        expiresAt,
        createdAt: now.toISOString(),
      });
    });
    return { token, expiresAt };
  }

  /**
   * Resolves a bearer token to its principal, or null when unknown, expired or deactivated: from
   * this instance's session cache when it checked the token lately, else in one query (session and
   * its user or member).
   */
  async authenticate(token: string): Promise<Principal | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      return null;
    }
    const tokenHash = sha256(token);
    const now = this.clock.now();
    const cached = this.sessions.get(tokenHash, now.getTime());
    if (cached) {
      return cached;
    }
    const rows: {
      expires_at: string;
      user_id: unknown;
      username: string | null;
      role: StaffRole | null;
      user_active: boolean | number | null;
      user_community_id: unknown;
      street_office_id: unknown;
      member_id: unknown;
      member_community_id: unknown;
      passbook_no: string | null;
      member_active: boolean | number | null;
    }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT s.expires_at, u.id AS user_id, u.username, u.role, u.active AS user_active,
                  u.community_id AS user_community_id, u.street_office_id,
                  m.id AS member_id, m.passbook_no, m.active AS member_active,
                  m.community_id AS member_community_id
           FROM sessions s
           LEFT JOIN users u ON s.user_id IS NOT NULL AND u.id = s.user_id
           LEFT JOIN members m ON s.user_id IS NULL AND m.id = s.member_id
           WHERE s.token_hash = ? AND s.expires_at > ?`,
        ),
        [tokenHash, now.toISOString()],
      ),
    );
    const row = rows[0];
    let principal: Principal | null = null;
    if (row && row.user_id !== null && Boolean(row.user_active)) {
      principal = {
        kind: 'user',
        userId: Number(row.user_id),
        username: row.username!,
        role: row.role!,
        communityId: row.user_community_id === null ? null : Number(row.user_community_id),
        streetOfficeId: row.street_office_id === null ? null : Number(row.street_office_id),
      };
    } else if (row && row.member_id !== null && Boolean(row.member_active)) {
      principal = {
        kind: 'member',
        memberId: Number(row.member_id),
        passbookNo: row.passbook_no!,
        communityId: Number(row.member_community_id),
      };
    }
    if (principal) {
      this.sessions.put(tokenHash, principal, Date.parse(row.expires_at), now.getTime());
    }
    return principal;
  }

  /**
   * Drops a user's cached principal on this instance without ending their sessions (a changed
   * role); call it inside the write that makes the change: it forgets now and once more after that
   * write commits, so a lookup in between cannot cache the old principal anew.
   */
  forgetUser(userId: number): void {
    this.sessions.forgetUser(userId, this.clock.now().getTime());
    this.db.afterCommit(() => this.sessions.forgetUser(userId, this.clock.now().getTime()));
  }

  /**
   * A staff user changes their own password; a wrong current password counts towards the
   * username's lockout like a failed login. Every session of the user ends, this one included.
   */
  async changePassword(
    userId: number,
    current: string,
    next: string,
    address: string,
  ): Promise<void> {
    const user = await this.db.read((em) => em.findOneBy(User, { id: userId }));
    if (!user) {
      throw DomainError.notFound('user');
    }
    const subject = userSubject(user.username);
    if (!(await this.checkSecret(subject, address, current, user.passwordHash))) {
      await this.lockout.fail();
      throw DomainError.validation('the current password is wrong', { field: 'currentPassword' });
    }
    if (next === current) {
      // Choosing the password one was given is not choosing one's own (mustChangePassword).
      throw DomainError.validation('the new password is the current one', {
        field: 'newPassword',
        reason: 'SAME_AS_CURRENT',
      });
    }
    const passwordHash = await hashSecret(next);
    await this.db.write(async (em) => {
      await this.lockout.succeed(subject, address);
      await em.update(User, { id: userId }, { passwordHash, mustChangePassword: false });
      await this.revokeUserSessions(userId);
    });
  }

  /**
   * A volunteer changes their own PIN; a wrong current PIN counts towards the passbook's lockout.
   * Every session of the volunteer ends, this one included, as with a staff password change.
   */
  async changePin(memberId: number, current: string, next: string, address: string): Promise<void> {
    const member = await this.db.read((em) => em.findOneBy(Member, { id: memberId }));
    if (!member) {
      throw DomainError.notFound('member');
    }
    const subject = passbookSubject(member.passbookNo);
    if (!(await this.checkSecret(subject, address, current, member.pinHash))) {
      await this.lockout.fail();
      throw DomainError.validation('the current PIN is wrong', { field: 'currentPin' });
    }
    if (next === current) {
      throw DomainError.validation('the new PIN is the current one', {
        field: 'newPin',
        reason: 'SAME_AS_CURRENT',
      });
    }
    const pinHash = await hashSecret(next);
    await this.db.write(async (em) => {
      await this.lockout.succeed(subject, address);
      await em.update(Member, { id: memberId }, { pinHash });
      await this.revokeMemberSessions(memberId);
    });
  }

  /** Who the caller is, for the pages to greet them and show what they may do. */
  async describe(principal: Principal): Promise<
    | {
        kind: 'user';
        id: number;
        username: string;
        role: StaffRole;
        teamIds: number[];
        mustChangePassword: boolean;
      }
    | { kind: 'member'; id: number; passbookNo: string; name: string }
  > {
    return this.db.read(async (em) => {
      if (principal.kind === 'user') {
        const teams = await em.find(TeamLeader, {
          where: { userId: principal.userId },
          order: { teamId: 'ASC' },
        });
        const user = await em.findOneByOrFail(User, { id: principal.userId });
        return {
          kind: 'user' as const,
          id: principal.userId,
          username: principal.username,
          role: principal.role,
          teamIds: teams.map((t) => t.teamId),
          mustChangePassword: Boolean(user.mustChangePassword),
        };
      }
      const member = await em.findOneByOrFail(Member, { id: principal.memberId });
      return {
        kind: 'member' as const,
        id: member.id,
        passbookNo: member.passbookNo,
        name: member.name,
      };
    });
  }

  /** Ends every session of a user (on deactivation or password change). */
  async revokeUserSessions(userId: number): Promise<void> {
    await this.db.write(async (em) => {
      this.forgetUser(userId);
      await em.delete(Session, { userId });
    });
  }

  /** Ends every session of a volunteer (on deactivation, PIN change or reset). */
  async revokeMemberSessions(memberId: number): Promise<void> {
    this.sessions.forgetMember(memberId, this.clock.now().getTime());
    await this.db.write(async (em) => {
      await em.delete(Session, { memberId });
      this.db.afterCommit(() => this.sessions.forgetMember(memberId, this.clock.now().getTime()));
    });
  }
}
