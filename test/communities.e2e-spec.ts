import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashSecret } from '../src/auth/password';
import { sql } from '../src/common/db/database';
import { CommunitiesService } from '../src/communities/communities.service';
import { Community } from '../src/communities/entities/community.entity';
import { LedgerService } from '../src/ledger/ledger.service';
import { configDir, shippedStandard } from './support/config-dir';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue #15's "done when", on both stores: two communities under one street office, with the same
 * item codes at different points. Staff of A see nothing of B (404, as for unknown ids) and move
 * nothing there; the street-office user reads both and changes neither; each community's books
 * verify alone, and a change in one names that community and seq; a volunteer moved from A to B
 * keeps their hours. Everything goes through HTTP as the pages would, so it holds on the merged app.
 */
const SERVICE_DATE = '2026-06-14';
const PASSWORD = 'password-123';

interface Side {
  community: Community;
  admin: string;
  leader: string;
  clerk: string;
  memberId: number;
  passbookNo: string;
  teamId: number;
  itemId: number;
  householdId: number;
}

describe('many communities (e2e)', () => {
  let t: TestApp;
  let a: Side;
  let b: Side;
  let office: string;
  let n = 0;
  const key = (prefix: string) => `${prefix}-${++n}`;

  // Community b scores the free clinic at 5.00 an hour; the shared default (community A) at 3.00.
  const standard = shippedStandard();
  for (const category of standard.categories) {
    for (const item of category.items) {
      if (item.code === 'free_clinic') {
        item.pointsPerUnit = '5.00';
      }
    }
  }
  const config = configDir();
  mkdirSync(join(config.dir, 'communities', 'b'), { recursive: true });
  config.write(join('communities', 'b', 'scoring-standard.json'), standard);

  /** A staff user of a community (or, with `office`, of street office 1), written as the CLI does. */
  async function staff(role: string, place: { communityId: number } | { streetOfficeId: number }) {
    const username = key(role);
    await t.db.write(async (em) =>
      em.query(
        sql(
          t.db,
          `INSERT INTO users (username, password_hash, role, active, created_at, must_change_password, community_id, street_office_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        [
          username,
          await hashSecret(PASSWORD),
          role,
          true,
          new Date().toISOString(),
          false,
          'communityId' in place ? place.communityId : null,
          'streetOfficeId' in place ? place.streetOfficeId : null,
        ],
      ),
    );
    return t.login(username, PASSWORD);
  }

  /** The body of a setup request that must succeed (what it created: an id, a passbook number). */
  function ok(
    res: { status: number; body: unknown },
    status: number,
    what: string,
  ): { id: number; passbookNo: string } {
    if (res.status !== status) {
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as { id: number; passbookNo: string };
  }

  /** A community's staff, a member with points in a team, a household, an item and an open window. */
  async function side(community: Community): Promise<Side> {
    const admin = await staff('admin', { communityId: community.id });
    const clerk = await staff('clerk', { communityId: community.id });
    const leaderName = key('leader');
    const leaderUser = ok(
      await t.http
        .post('/api/users')
        .set('Authorization', admin)
        .send({ username: leaderName, password: PASSWORD, role: 'leader' }),
      201,
      'leader',
    );
    const member = ok(
      await t.http
        .post('/api/members')
        .set('Authorization', admin)
        .send({ name: `${community.code}志愿者`, kind: 'resident', pin: '123456' }),
      201,
      'member',
    );
    const team = ok(
      await t.http
        .post('/api/teams')
        .set('Authorization', admin)
        .send({ name: '义诊服务队', leaderUserIds: [leaderUser.id] }),
      201,
      'team',
    );
    ok(
      await t.http
        .post(`/api/teams/${team.id}/members`)
        .set('Authorization', admin)
        .send({ memberId: member.id }),
      201,
      'team member',
    );
    // The same item name in both communities: names are unique per community only.
    const item = ok(
      await t.http
        .post('/api/catalog-items')
        .set('Authorization', admin)
        .send({ name: '大米5kg', kind: 'goods', price: '1.00', stock: 100 }),
      201,
      'item',
    );
    const household = ok(
      await t.http
        .post('/api/households')
        .set('Authorization', admin)
        .send({ name: `${community.code}困难家庭`, hardship: 'low_income' }),
      201,
      'household',
    );
    ok(
      await t.http
        .post('/api/redemption-windows')
        .set('Authorization', admin)
        .send({ opensAt: '2026-06-15T00:00:00+08:00', closesAt: '2026-06-20T00:00:00+08:00' }),
      201,
      'window',
    );
    ok(
      await t.http
        .post('/api/service-records')
        .set('Authorization', admin)
        .set('Idempotency-Key', key('earn'))
        .send({
          memberId: member.id,
          itemCode: 'free_clinic',
          quantity: 2,
          serviceDate: SERVICE_DATE,
        }),
      201,
      'earn',
    );
    return {
      community,
      admin,
      leader: await t.login(leaderName, PASSWORD),
      clerk,
      memberId: member.id,
      passbookNo: member.passbookNo,
      teamId: team.id,
      itemId: item.id,
      householdId: household.id,
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: config.dir } });
    const communities = t.app.get(CommunitiesService);
    const first = (await communities.find(1))!;
    const second = await communities.create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
    a = await side(first);
    b = await side(second);
    office = await staff('office', { streetOfficeId: 1 });
  });
  afterAll(async () => {
    await t.close();
    config.remove();
  });

  it('should score the same item code by each community’s own standard', async () => {
    const passbook = async (s: Side) =>
      (await t.http.get(`/api/passbooks/${s.passbookNo}`).set('Authorization', s.admin)).body;
    expect(await passbook(a)).toMatchObject({ balance: '6.00', hours: { thisYear: '2.00' } });
    expect(await passbook(b)).toMatchObject({ balance: '10.00', hours: { thisYear: '2.00' } });
    const pointsOf = async (auth: string) => {
      const res = await t.http.get('/api/standard').set('Authorization', auth);
      return res.body.categories
        .flatMap((c: { items: { code: string; pointsPerUnit: string }[] }) => c.items)
        .find((i: { code: string }) => i.code === 'free_clinic').pointsPerUnit;
    };
    expect([await pointsOf(a.admin), await pointsOf(b.admin)]).toEqual(['3.00', '5.00']);
  });

  it('should list only the own community’s members, teams, catalog and households', async () => {
    const ids = async (path: string, auth: string) =>
      ((await t.http.get(path).set('Authorization', auth)).body.items as { id: number }[]).map(
        (i) => i.id,
      );
    expect(await ids('/api/members', a.admin)).toEqual([a.memberId]);
    expect(await ids('/api/members', b.admin)).toEqual([b.memberId]);
    expect(await ids('/api/teams', a.admin)).toEqual([a.teamId]);
    expect(await ids('/api/catalog-items', a.clerk)).toEqual([a.itemId]);
    expect(await ids('/api/catalog-items', b.clerk)).toEqual([b.itemId]);
    expect(await ids('/api/households', a.clerk)).toEqual([a.householdId]);
  });

  /** What A's staff asks for on B's rows: each must answer exactly as an unknown id, and 404. */
  const reads: [string, (s: Side) => string, string][] = [
    ['passbook', (s) => `/api/passbooks/${s.passbookNo}`, '/api/passbooks/V2222222'],
    ['member', (s) => `/api/members/${s.memberId}`, '/api/members/99999999'],
    ['team', (s) => `/api/teams/${s.teamId}`, '/api/teams/99999999'],
    ['catalog item', (s) => `/api/catalog-items/${s.itemId}`, '/api/catalog-items/99999999'],
    ['household', (s) => `/api/households/${s.householdId}`, '/api/households/99999999'],
  ];

  it.each(['admin', 'leader', 'clerk'] as const)(
    'should answer A’s %s for B’s passbook, member, team, catalog item and household as for an unknown id',
    async (role) => {
      for (const [what, path, unknown] of reads) {
        const own = await t.http.get(path(a)).set('Authorization', a[role]);
        const other = await t.http.get(path(b)).set('Authorization', a[role]);
        const none = await t.http.get(unknown).set('Authorization', a[role]);
        // Where the role may read such rows at all, B's are 404; elsewhere the role's own refusal.
        expect({ what, status: other.status, code: other.body.code }).toEqual({
          what,
          status: none.status,
          code: none.body.code,
        });
        if (own.status === 200) {
          expect({ what, status: other.status }).toEqual({ what, status: 404 });
        }
        expect(JSON.stringify(other.body)).not.toContain(b.passbookNo);
      }
    },
  );

  it('should let none of A’s staff credit, redeem, give or correct in B, and change nothing there', async () => {
    const ledger = t.app.get(LedgerService);
    const before = await ledger.verify(b.community.id);
    const attempts = [
      {
        who: a.admin,
        path: '/api/service-records',
        body: {
          memberId: b.memberId,
          itemCode: 'free_clinic',
          quantity: 1,
          serviceDate: SERVICE_DATE,
        },
      },
      {
        who: a.leader,
        path: '/api/service-records',
        body: {
          memberId: b.memberId,
          itemCode: 'free_clinic',
          quantity: 1,
          serviceDate: SERVICE_DATE,
        },
      },
      {
        who: a.admin,
        path: '/api/activities',
        body: {
          teamId: b.teamId,
          itemCode: 'free_clinic',
          title: '便民大集',
          serviceDate: SERVICE_DATE,
          participants: [{ memberId: b.memberId, quantity: 1 }],
        },
      },
      {
        who: a.clerk,
        path: '/api/redemptions',
        body: { passbookNo: b.passbookNo, lines: [{ catalogItemId: a.itemId, quantity: 1 }] },
      },
      {
        who: a.clerk,
        path: '/api/redemptions',
        body: { passbookNo: a.passbookNo, lines: [{ catalogItemId: b.itemId, quantity: 1 }] },
        // Another community's item is answered as an unknown one (UNKNOWN_ITEM, NOT_IN_CATALOG).
        status: 422,
      },
      {
        who: a.admin,
        path: '/api/ledger/adjustments',
        body: { passbookNo: b.passbookNo, amount: '+1.00', reason: '纸质存折结转' },
      },
      {
        who: a.admin,
        path: '/api/donations',
        body: { householdId: b.householdId, points: '1.00', passbookNo: a.passbookNo },
      },
      {
        who: a.admin,
        path: `/api/teams/${b.teamId}/members`,
        body: { memberId: a.memberId },
      },
      {
        who: a.admin,
        path: `/api/teams/${a.teamId}/members`,
        body: { memberId: b.memberId },
      },
    ];
    for (const attempt of attempts) {
      const res = await t.http
        .post(attempt.path)
        .set('Authorization', attempt.who)
        .set('Idempotency-Key', key('cross'))
        .send(attempt.body);
      expect({ path: attempt.path, body: attempt.body, status: res.status }).toEqual({
        path: attempt.path,
        body: attempt.body,
        status: attempt.status ?? 404,
      });
    }
    expect(await ledger.verify(b.community.id)).toEqual(before);
    const balance = await t.http
      .get(`/api/passbooks/${b.passbookNo}`)
      .set('Authorization', b.admin);
    expect(balance.body.balance).toBe('10.00');
  });

  it('should report to A’s admin A’s figures only, and refuse B’s report (404)', async () => {
    const own = await t.http.get('/api/reports/quarter/2026/2').set('Authorization', a.admin);
    expect(own.status).toBe(200);
    expect(own.body.earned.points).toBe('6.00');
    const other = await t.http
      .get('/api/reports/quarter/2026/2?community=b')
      .set('Authorization', a.admin);
    expect(other.status).toBe(404);
    const ratings = await t.http.post('/api/star-ratings/2026/run').set('Authorization', a.admin);
    expect(ratings.status).toBe(200);
    expect((ratings.body.ratings as { passbookNo: string }[]).map((r) => r.passbookNo)).toEqual([
      a.passbookNo,
    ]);
  });

  it('should let the street-office user read both communities’ reports and verify results', async () => {
    const report = async (code: string) =>
      t.http.get(`/api/reports/quarter/2026/2?community=${code}`).set('Authorization', office);
    const [ra, rb] = [await report('default'), await report('b')];
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect([ra.body.earned.points, rb.body.earned.points]).toEqual(['6.00', '10.00']);
    const overview = await t.http
      .get('/api/office/overview?year=2026')
      .set('Authorization', office);
    expect(overview.status).toBe(200);
    const verify = await t.http.get('/api/office/verify').set('Authorization', office);
    expect(verify.status).toBe(200);
    expect(JSON.stringify(verify.body)).toContain('"code":"b"');
    // A's admin drafted 2026 above; the office reads it by naming the community.
    const rating = await t.http
      .get('/api/star-ratings/2026?community=default')
      .set('Authorization', office);
    expect(rating.status).toBe(200);
    expect((rating.body.ratings as { passbookNo: string }[]).map((r) => r.passbookNo)).toEqual([
      a.passbookNo,
    ]);
  });

  it('should let the street-office user change nothing in either community (403)', async () => {
    const writes: [string, object][] = [
      ['/api/members', { name: '街道代录', kind: 'resident' }],
      ['/api/teams', { name: '街道服务队' }],
      ['/api/households', { name: '街道困难家庭', hardship: 'other' }],
      ['/api/catalog-items', { name: '街道商品', kind: 'goods', price: '1.00', stock: 1 }],
      [
        '/api/service-records',
        { memberId: a.memberId, itemCode: 'free_clinic', quantity: 1, serviceDate: SERVICE_DATE },
      ],
      [
        '/api/service-records',
        { memberId: b.memberId, itemCode: 'free_clinic', quantity: 1, serviceDate: SERVICE_DATE },
      ],
      [
        '/api/redemptions',
        { passbookNo: b.passbookNo, lines: [{ catalogItemId: b.itemId, quantity: 1 }] },
      ],
      ['/api/ledger/adjustments', { passbookNo: a.passbookNo, amount: '+1.00', reason: '街道' }],
      ['/api/donations', { householdId: b.householdId, points: '1.00', passbookNo: b.passbookNo }],
      ['/api/star-ratings/2026/run', {}],
      ['/api/star-ratings/2025/publish', {}],
      ['/api/users', { username: 'office-made', password: PASSWORD, role: 'clerk' }],
    ];
    for (const [path, body] of writes) {
      const res = await t.http
        .post(path)
        .set('Authorization', office)
        .set('Idempotency-Key', key('office'))
        .send(body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const passbook = await t.http
      .get(`/api/passbooks/${a.passbookNo}`)
      .set('Authorization', office);
    // Passbooks are not the street office's to read at all: refused by role.
    expect(passbook.status).toBe(403);
  });

  it('should move a volunteer from A to B with their hours history, and keep A’s books whole', async () => {
    const created = ok(
      await t.http
        .post('/api/members')
        .set('Authorization', a.admin)
        .send({ name: '搬家的志愿者', kind: 'resident', pin: '123456' }),
      201,
      'mover',
    );
    ok(
      await t.http
        .post('/api/service-records')
        .set('Authorization', a.admin)
        .set('Idempotency-Key', key('mover-earn'))
        .send({
          memberId: created.id,
          itemCode: 'free_clinic',
          quantity: 3,
          serviceDate: SERVICE_DATE,
        }),
      201,
      'mover earn',
    );
    // Points stay in the community that issued them: with 9.00 left the move is refused.
    const refused = await t.http
      .post(`/api/members/${created.id}/transfer`)
      .set('Authorization', a.admin)
      .set('Idempotency-Key', key('move'))
      .send({ toCommunity: 'b', reason: '搬到B社区' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'BALANCE_NOT_ZERO', balance: '9.00' });
    ok(
      await t.http
        .post('/api/donations')
        .set('Authorization', a.admin)
        .set('Idempotency-Key', key('mover-gift'))
        .send({ householdId: a.householdId, points: '9.00', passbookNo: created.passbookNo }),
      201,
      'mover gift',
    );
    ok(
      await t.http
        .post(`/api/members/${created.id}/transfer`)
        .set('Authorization', a.admin)
        .set('Idempotency-Key', key('move'))
        .send({ toCommunity: 'b', reason: '搬到B社区' }),
      201,
      'transfer',
    );
    const [row]: { passbook_no: string; community_id: unknown }[] = await t.db.read((em) =>
      em.query(sql(t.db, 'SELECT passbook_no, community_id FROM members WHERE id = ?'), [
        created.id,
      ]),
    );
    expect(Number(row.community_id)).toBe(b.community.id);
    expect(row.passbook_no).not.toBe(created.passbookNo);
    const inB = await t.http.get(`/api/passbooks/${row.passbook_no}`).set('Authorization', b.admin);
    expect(inB.status).toBe(200);
    expect(inB.body).toMatchObject({ balance: '0.00', hours: { total: '3.00' } });
    expect(inB.body.transfers).toEqual([
      expect.objectContaining({
        fromPassbookNo: created.passbookNo,
        toPassbookNo: row.passbook_no,
        hours: '3.00',
      }),
    ]);
    expect(
      (await t.http.get(`/api/members/${created.id}`).set('Authorization', a.admin)).status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/members/${created.id}`).set('Authorization', b.admin)).status,
    ).toBe(200);
    const ledger = t.app.get(LedgerService);
    expect(await ledger.verify(a.community.id)).toMatchObject({ ok: true });
    expect(await ledger.verify(b.community.id)).toMatchObject({ ok: true });
  });

  // Last: it breaks community b's books on purpose.
  it('should verify each community alone, and name the community and seq of a changed row', async () => {
    const ledger = t.app.get(LedgerService);
    const [va, vb] = [await ledger.verify(a.community.id), await ledger.verify(b.community.id)];
    expect(va).toMatchObject({ ok: true, community: { id: a.community.id, code: 'default' } });
    expect(vb).toMatchObject({ ok: true, community: { id: b.community.id, code: 'b' } });
    // Both chains count from 1: seq is per community.
    const seqs: { community_id: unknown; min: unknown }[] = await t.db.read((em) =>
      em.query(
        'SELECT community_id, MIN(seq) AS min FROM ledger_transactions GROUP BY community_id ORDER BY community_id',
      ),
    );
    expect(seqs.map((r) => Number(r.min))).toEqual([1, 1]);

    const [target]: { seq: unknown; account_id: unknown }[] = await t.db.read((em) =>
      em.query(
        sql(
          t.db,
          `SELECT p.seq, p.account_id FROM postings p JOIN accounts a ON a.id = p.account_id
            WHERE a.passbook_no = ?`,
        ),
        [b.passbookNo],
      ),
    );
    const isPg = t.db.dialect === 'postgres';
    await t.db.write(async (em) => {
      await em.query('DROP TRIGGER postings_no_update' + (isPg ? ' ON postings' : ''));
      await em.query(
        sql(
          t.db,
          'UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500 WHERE seq = ? AND account_id = ?',
        ),
        [target.seq, target.account_id],
      );
    });
    expect(await ledger.verify(a.community.id)).toMatchObject({ ok: true });
    expect(await ledger.verify(b.community.id)).toEqual({
      ok: false,
      firstBadSeq: Number(target.seq),
      reason: expect.any(String),
      community: { id: b.community.id, code: 'b' },
    });
    expect(await ledger.verifyAll()).toMatchObject({
      ok: false,
      firstBadSeq: Number(target.seq),
      community: { code: 'b' },
    });
    const own = await t.http.get('/api/ledger/verify').set('Authorization', a.admin);
    expect(own.body).toMatchObject({ ok: true, community: { code: 'default' } });
    const bad = await t.http.get('/api/ledger/verify').set('Authorization', b.admin);
    expect(bad.body).toMatchObject({
      ok: false,
      firstBadSeq: Number(target.seq),
      community: { code: 'b' },
    });
  });
});
