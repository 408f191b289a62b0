import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Session } from './entities/session.entity';
import { StaffRole, User } from './entities/user.entity';
import { DUMMY_HASH, hashSecret, randomSecret, verifySecret } from './password';
import { Principal } from './principal';

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** First start on an empty database: create `admin` from ADMIN_PASSWORD or a printed random one. */
  async onApplicationBootstrap(): Promise<void> {
    const hasUsers = await this.db.read((em) => em.count(User));
    if (hasUsers > 0) {
      return;
    }
    const password = this.config.adminPassword ?? randomSecret(16);
    const passwordHash = await hashSecret(password);
    await this.db.write(async (em) => {
      if ((await em.count(User)) === 0) {
        await em.insert(User, {
          username: 'admin',
          passwordHash,
          role: 'admin',
          active: true,
          createdAt: this.clock.now().toISOString(),
        });
      }
    });
    if (!this.config.adminPassword) {
      // Printed once, on purpose: it is the only way into a fresh installation.
      this.logger.warn(
        `Created user "admin" with generated password: ${password} (change it after first login)`,
      );
    }
  }

  async createUser(username: string, password: string, role: StaffRole): Promise<User> {
    const passwordHash = await hashSecret(password);
    return this.db.write(async (em) => {
      if (await em.findOneBy(User, { username })) {
        throw new DomainError(ErrorCode.CONFLICT, `username "${username}" is already taken`, {
          field: 'username',
        });
      }
      const user = em.create(User, {
        username,
        passwordHash,
        role,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      await em.save(user);
      return user;
    });
  }

  /** Checks a username and password; the same 401 for an unknown user and a wrong password. */
  async login(username: string, password: string): Promise<{ token: IssuedToken; user: User }> {
    const user = await this.db.read((em) => em.findOneBy(User, { username }));
    const ok = await verifySecret(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'username or password is wrong');
    }
    return { token: await this.issueToken({ userId: user.id }), user };
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

  /** Resolves a bearer token to its principal, or null when unknown, expired or deactivated. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      return null;
    }
    const nowIso = this.clock.now().toISOString();
    return this.db.read(async (em) => {
      const session = await em.findOneBy(Session, {
        tokenHash: sha256(token),
        expiresAt: MoreThan(nowIso),
      });
      if (!session) {
        return null;
      }
      if (session.userId !== null) {
        const user = await em.findOneBy(User, { id: session.userId });
        return user?.active
          ? { kind: 'user', userId: user.id, username: user.username, role: user.role }
          : null;
      }
      const rows: { id: number; passbook_no: string; active: boolean | number }[] = await em.query(
        this.db.dialect === 'postgres'
          ? 'SELECT id, passbook_no, active FROM members WHERE id = $1'
          : 'SELECT id, passbook_no, active FROM members WHERE id = ?',
        [session.memberId],
      );
      const m = rows[0];
      return m && Boolean(m.active)
        ? { kind: 'member', memberId: m.id, passbookNo: m.passbook_no }
        : null;
    });
  }

  /** Ends every session of a user (on deactivation or password change). */
  async revokeUserSessions(userId: number): Promise<void> {
    await this.db.write((em) => em.delete(Session, { userId }));
  }

  async revokeMemberSessions(memberId: number): Promise<void> {
    await this.db.write((em) => em.delete(Session, { memberId }));
  }
}
