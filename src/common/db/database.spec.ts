import { createTestContext, TestContext } from '../../../test/support/test-app';
import { Account } from '../../ledger/entities/account.entity';
import { Database } from './database';

describe(Database.name, () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const names = async (prefix: string): Promise<string[]> =>
    t.db.read(async (em) =>
      (await em.find(Account))
        .map((a) => a.name)
        .filter((n) => n.startsWith(prefix))
        .sort(),
    );

  it('should roll back a refused write alone when writes are committed together', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_v, i) =>
        t.db.write(async (em) => {
          await em.insert(Account, {
            communityId: 1,
            kind: 'member',
            name: `group-${String(i).padStart(2, '0')}`,
            passbookNo: null,
            createdAt: 'x',
          });
          if (i % 3 === 0) {
            throw new Error(`refused ${i}`);
          }
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 20 }, (_v, i) => (i % 3 === 0 ? 'rejected' : 'fulfilled')),
    );
    expect(await names('group-')).toEqual(
      Array.from({ length: 20 }, (_v, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => `group-${String(i).padStart(2, '0')}`),
    );
  });

  it('should let a nested write join the enclosing one and roll back with it', async () => {
    await expect(
      t.db.write(async (em) => {
        await em.insert(Account, {
          communityId: 1,
          kind: 'member',
          name: 'nested-outer',
          passbookNo: null,
          createdAt: 'x',
        });
        await t.db.write((inner) =>
          inner.insert(Account, {
            communityId: 1,
            kind: 'member',
            name: 'nested-inner',
            passbookNo: null,
            createdAt: 'x',
          }),
        );
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await names('nested-')).toEqual([]);
  });

  it('should run afterCommit callbacks once the write is visible, and never for a write that rolls back', async () => {
    const seen: [string, string[]][] = [];
    const after = (label: string, prefix: string) =>
      t.db.afterCommit(() => {
        // Runs after the commit: a read started now must see the row (checked below).
        seen.push([label, []]);
        void names(prefix).then((found) => seen.find(([l]) => l === label)![1].push(...found));
      });
    await t.db.write(async (em) => {
      await em.insert(Account, {
        communityId: 1,
        kind: 'member',
        name: 'after-ok',
        passbookNo: null,
        createdAt: 'x',
      });
      await t.db.write(async () => after('nested', 'after-ok'));
      after('kept', 'after-ok');
      expect(seen).toEqual([]);
    });
    await expect(
      t.db.write(async (em) => {
        await em.insert(Account, {
          communityId: 1,
          kind: 'member',
          name: 'after-no',
          passbookNo: null,
          createdAt: 'x',
        });
        after('refused', 'after-no');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    let outside = false;
    t.db.afterCommit(() => (outside = true));
    expect(outside).toBe(true);
    await names('after');
    expect(seen).toEqual([
      ['nested', ['after-ok']],
      ['kept', ['after-ok']],
    ]);
  });

  it('should show a read only what was committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writing = t.db.write(async (em) => {
      await em.insert(Account, {
        communityId: 1,
        kind: 'member',
        name: 'uncommitted-1',
        passbookNo: null,
        createdAt: 'x',
      });
      await gate;
      throw new Error('rolled back');
    });
    const reading = names('uncommitted-');
    release();
    await expect(writing).rejects.toThrow('rolled back');
    await expect(reading).resolves.toEqual([]);
  });

  it('should refuse a unit of work that throws before its first await and keep serving', async () => {
    const throwing = (): Promise<never> => {
      throw new Error('thrown synchronously');
    };
    await expect(t.db.read(throwing)).rejects.toThrow('thrown synchronously');
    await expect(t.db.write(throwing)).rejects.toThrow('thrown synchronously');
    await expect(t.db.read(async (em) => (await em.query('SELECT 1 AS one'))[0].one)).resolves.toBe(
      1,
    );
  });
});
