import { Account } from '../../src/ledger/entities/account.entity';
import { createTestContext, TestContext } from '../support/test-app';

/**
 * TypeORM 1.x's SQLite driver writes number parameters into the SQL text; `createDataSource` binds
 * the integers instead (src/common/db/data-source.ts). What that must keep: the same values stored
 * and read back as the literal gave, and one prepared statement per query shape, not one per id.
 */
describe('SQLite: integer parameters of find/insert/update are bound', () => {
  let t: TestContext;
  let prepared: string[];

  beforeAll(async () => {
    t = await createTestContext();
    const dataSource = t.db.dataSource;
    if (dataSource.options.type !== 'better-sqlite3') {
      throw new Error('test/sqlite runs on SQLite only');
    }
    // Count what the driver asks better-sqlite3 to prepare from here on.
    const connection = (
      dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): unknown } }
    ).databaseConnection;
    const prepare = connection.prepare.bind(connection);
    prepared = [];
    connection.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
  });
  afterAll(() => t.close());

  const newAccount = (name: string) =>
    t.db.write(async (em) => {
      const r = await em.insert(Account, {
        communityId: 1,
        kind: 'member',
        name,
        passbookNo: null,
        createdAt: '2026-06-15T02:00:00.000Z',
      });
      return Number(r.identifiers[0].id);
    });

  it('should prepare a find by id once for any number of ids, and read back numbers', async () => {
    const ids = [
      await newAccount('bound-a'),
      await newAccount('bound-b'),
      await newAccount('bound-c'),
    ];
    prepared.length = 0;
    const found = await t.db.read(async (em) => {
      const rows = [];
      for (const id of ids) {
        rows.push(await em.findOneByOrFail(Account, { id, communityId: 1 }));
      }
      return rows;
    });
    expect(found.map((a) => [a.id, a.communityId, a.name])).toEqual([
      [ids[0], 1, 'bound-a'],
      [ids[1], 1, 'bound-b'],
      [ids[2], 1, 'bound-c'],
    ]);
    expect(found.every((a) => typeof a.id === 'number' && typeof a.communityId === 'number')).toBe(
      true,
    );
    // Statements the cache already held are not prepared again; the three look-ups are one text.
    const lookUps = prepared.filter((s) => s.includes('FROM "accounts"'));
    expect(lookUps.length).toBeLessThanOrEqual(1);
    expect(lookUps.every((s) => !ids.some((id) => s.includes(`= ${id}`)))).toBe(true);
  });

  it('should store an integer as the literal did: an INTEGER in an integer column, "5" in a text one', async () => {
    const id = await newAccount('bound-literal');
    await t.db.write((em) => em.update(Account, { id }, { name: 5 as unknown as string }));
    const [row] = await t.db.read((em) =>
      em.query(
        'SELECT name, typeof(name) AS t, typeof(community_id) AS c FROM accounts WHERE id = ?',
        [id],
      ),
    );
    expect(row).toEqual({ name: '5', t: 'text', c: 'integer' });
  });
});
