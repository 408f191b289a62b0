import { Principal } from './principal';
import { SessionCache } from './session-cache';

const user = (userId: number): Principal => ({
  kind: 'user',
  userId,
  username: `u${userId}`,
  role: 'clerk',
  communityId: 1,
  streetOfficeId: null,
});
const member = (memberId: number): Principal => ({
  kind: 'member',
  memberId,
  passbookNo: `V${memberId}`,
  communityId: 1,
});
const FAR = 1e15;

describe(SessionCache.name, () => {
  it('should keep a principal for its lifetime, never past the session expiry', () => {
    const cache = new SessionCache(5_000);
    cache.put('a', user(1), FAR, 1_000);
    cache.put('b', user(2), 3_000, 1_000);
    expect(cache.get('a', 5_999)).toEqual(user(1));
    expect(cache.get('a', 6_000)).toBeUndefined();
    expect(cache.get('b', 2_999)).toEqual(user(2));
    expect(cache.get('b', 3_000)).toBeUndefined();
  });

  it('should keep nothing with a lifetime of 0', () => {
    const cache = new SessionCache(0);
    cache.put('a', user(1), FAR, 0);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should hold at most its bound, dropping the oldest first', () => {
    const cache = new SessionCache(5_000, 3);
    for (const [i, hash] of ['a', 'b', 'c', 'd'].entries()) {
      cache.put(hash, user(i), FAR, 0);
    }
    expect(cache.size).toBe(3);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('d', 1)).toEqual(user(3));
  });

  it('should forget a token, a user’s and a member’s entries, and refuse them for one lifetime', () => {
    const cache = new SessionCache(5_000);
    cache.put('t1', user(1), FAR, 0);
    cache.put('t2', user(1), FAR, 0);
    cache.put('t3', member(1), FAR, 0);
    cache.put('t4', user(2), FAR, 0);
    cache.forgetUser(1, 100);
    cache.forgetMember(1, 100);
    cache.forgetToken('t4', 100);
    expect(['t1', 't2', 't3', 't4'].map((t) => cache.get(t, 200))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // A lookup that raced the revocation cannot put the old principal back within the lifetime.
    cache.put('t1', user(1), FAR, 5_099);
    cache.put('t3', member(1), FAR, 5_099);
    cache.put('t4', user(2), FAR, 5_099);
    expect(cache.size).toBe(0);
    cache.put('t1', user(1), FAR, 5_100);
    expect(cache.get('t1', 5_100)).toEqual(user(1));
  });

  it('should keep nothing for a lifetime after more revocations than it can remember', () => {
    const cache = new SessionCache(5_000, 2);
    cache.put('a', user(9), FAR, 0);
    for (let i = 1; i <= 3; i++) {
      cache.forgetToken(`gone${i}`, 10);
    }
    expect(cache.get('a', 10)).toBeUndefined();
    cache.put('b', user(8), FAR, 5_009);
    expect(cache.size).toBe(0);
    cache.put('b', user(8), FAR, 5_010);
    expect(cache.get('b', 5_010)).toEqual(user(8));
  });
});
