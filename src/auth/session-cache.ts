import { Principal } from './principal';

/** Most principals one instance keeps; the oldest go first beyond it. */
export const SESSION_CACHE_MAX = 10_000;

interface Entry {
  principal: Principal;
  /** Epoch ms: the sooner of the cache lifetime and the session's own expiry. */
  until: number;
}

/**
 * Checked bearer tokens (by their hash) and the principal each resolved to, for a few seconds, so a
 * request need not read its session and user again. Only this instance's revocations are seen at
 * once: `forget*` drops the entries and, for one lifetime, refuses to keep them again, so a lookup
 * that raced the revoking transaction (PostgreSQL reads do not wait for it) cannot put the old
 * principal back. What another instance (or a command-line tool) revokes is seen here at most one
 * lifetime late.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Token hashes, 'user:ID' and 'member:ID' revoked lately, with when the refusal ends. */
  private readonly revoked = new Map<string, number>();
  /** Set when more was revoked in one lifetime than can be remembered: nothing is kept until then. */
  private keepNothingUntil = 0;

  constructor(
    private readonly lifetimeMs: number,
    private readonly max = SESSION_CACHE_MAX,
  ) {}

  get enabled(): boolean {
    return this.lifetimeMs > 0;
  }

  get(tokenHash: string, now: number): Principal | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) {
      return undefined;
    }
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /** Keeps a principal read from the database at `now`, unless it was revoked within a lifetime. */
  put(tokenHash: string, principal: Principal, sessionExpiresAt: number, now: number): void {
    if (
      !this.enabled ||
      now < this.keepNothingUntil ||
      this.isRevoked(tokenHash, now) ||
      this.isRevoked(ownerKey(principal), now)
    ) {
      return;
    }
    if (this.entries.size >= this.max) {
      // Map order is insertion order: the first key is the oldest entry.
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(tokenHash, {
      principal,
      until: Math.min(now + this.lifetimeMs, sessionExpiresAt),
    });
  }

  forgetToken(tokenHash: string, now: number): void {
    this.entries.delete(tokenHash);
    this.markRevoked(tokenHash, now);
  }

  forgetUser(userId: number, now: number): void {
    this.forgetOwner(`user:${userId}`, now);
  }

  forgetMember(memberId: number, now: number): void {
    this.forgetOwner(`member:${memberId}`, now);
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetOwner(key: string, now: number): void {
    for (const [hash, entry] of this.entries) {
      if (ownerKey(entry.principal) === key) {
        this.entries.delete(hash);
      }
    }
    this.markRevoked(key, now);
  }

  private isRevoked(key: string, now: number): boolean {
    const until = this.revoked.get(key);
    return until !== undefined && until > now;
  }

  private markRevoked(key: string, now: number): void {
    if (!this.enabled) {
      return;
    }
    for (const [k, until] of this.revoked) {
      if (until <= now) {
        this.revoked.delete(k);
      }
    }
    this.revoked.delete(key);
    this.revoked.set(key, now + this.lifetimeMs);
    if (this.revoked.size > this.max) {
      // More revocations in one lifetime than can be remembered: keep nothing for a lifetime.
      this.entries.clear();
      this.revoked.clear();
      this.keepNothingUntil = now + this.lifetimeMs;
    }
  }
}

function ownerKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `member:${principal.memberId}`;
}
