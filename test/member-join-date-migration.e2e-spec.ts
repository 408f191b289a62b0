import { createDataSource } from '../src/common/db/data-source';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { createTestStore, TestStore } from './support/test-db';

/**
 * Migration MemberJoinDate on a store with members in it: `joined_on` is backfilled from
 * `created_at` as a local date in COMMUNITY_TZ, and `deactivated_on` starts empty.
 */
describe('MemberJoinDate migration (e2e)', () => {
  let store: TestStore;
  const zone = process.env.COMMUNITY_TZ;

  beforeAll(async () => {
    store = await createTestStore();
    const t = await createTestApp({ share: { store } as TestApp });
    const f = fixtures(t.app);
    // 23:30 and 00:30 Shanghai time either side of 1 April; and one deactivated later.
    t.clock.set('2026-03-31T15:30:00Z');
    await f.newMember({ name: '三月' });
    t.clock.set('2026-03-31T16:30:00Z');
    const april = await f.newMember({ name: '四月' });
    t.clock.set('2026-05-10T02:00:00Z');
    const off = await t.http
      .patch(`/api/members/${april.id}`)
      .set('Authorization', await t.login('admin'))
      .send({ active: false });
    expect(off.status).toBe(200);
    await t.close();
  });
  afterAll(async () => {
    if (zone === undefined) {
      delete process.env.COMMUNITY_TZ;
    } else {
      process.env.COMMUNITY_TZ = zone;
    }
    await store.drop();
  });

  /** Undoes the migration (and those after it), runs them again in `timeZone`, and reads the members' two dates. */
  async function rerunIn(timeZone: string) {
    process.env.COMMUNITY_TZ = timeZone;
    const ds = createDataSource(store.database);
    await ds.initialize();
    try {
      // The later migrations are undone first (newest first), then this one.
      const index = ds.migrations.findIndex((m) => m.name === 'MemberJoinDate1764020200000');
      expect(index).toBeGreaterThan(0);
      for (let i = ds.migrations.length - 1; i >= index; i--) {
        await ds.undoLastMigration({ transaction: 'each' });
      }
      const columns = await ds.query<Record<string, unknown>[]>('SELECT * FROM members');
      expect(Object.keys(columns[0])).not.toContain('joined_on');
      await ds.runMigrations({ transaction: 'each' });
      return await ds.query<{ name: string; joined_on: string; deactivated_on: string | null }[]>(
        'SELECT name, joined_on, deactivated_on FROM members ORDER BY id',
      );
    } finally {
      await ds.destroy();
    }
  }

  // Nothing recorded the day 四月 was deactivated before the migration: deactivated_on stays null.
  it('should backfill joined_on from created_at in the community zone', async () => {
    expect(await rerunIn('Asia/Shanghai')).toEqual([
      { name: '三月', joined_on: '2026-03-31', deactivated_on: null },
      { name: '四月', joined_on: '2026-04-01', deactivated_on: null },
    ]);
  });

  it('should read the zone from COMMUNITY_TZ', async () => {
    expect(await rerunIn('UTC')).toEqual([
      { name: '三月', joined_on: '2026-03-31', deactivated_on: null },
      { name: '四月', joined_on: '2026-03-31', deactivated_on: null },
    ]);
  });
});
