import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommunitiesService } from '../src/communities/communities.service';
import { Community } from '../src/communities/entities/community.entity';
import { sql } from '../src/common/db/database';
import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { TeamMember } from '../src/people/entities/team.entity';
import { Clock } from '../src/common/clock';
import { addDays } from '../src/standard/standard.service';
import { configDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** 记录转移接续: a volunteer moves from community A (1, `default`) to B of the same street office. */
describe('member transfers (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let b: Community;
  let adminB: string;
  let keys = 0;
  const rules = configDir({
    'service-records.json': { approvalRequired: false, backDatingDays: 90, maxHoursPerDay: '12' },
  });

  /** A staff user of a community (created, then placed there: createUser names no community yet). */
  async function staffOf(
    communityId: number,
    role: 'admin' | 'leader' | 'clerk',
    username: string,
  ): Promise<{ id: number; auth: string }> {
    const user = await f.newUser(role, username);
    await t.db.write((em) =>
      em.query(sql(t.db, 'UPDATE users SET community_id = ? WHERE id = ?'), [communityId, user.id]),
    );
    return { id: user.id, auth: await f.bearer({ userId: user.id }) };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: rules.dir } });
    f = fixtures(t.app);
    const communities = t.app.get(CommunitiesService);
    b = await communities.create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
    // Community C belongs to another street office.
    await t.db.write((em) =>
      em.query(sql(t.db, "INSERT INTO street_offices (name, created_at) VALUES ('其他街道', ?)"), [
        new Date().toISOString(),
      ]),
    );
    const offices: { id: unknown }[] = await t.db.read((em) =>
      em.query('SELECT MAX(id) AS id FROM street_offices'),
    );
    await communities.create({ streetOfficeId: Number(offices[0].id), code: 'c', name: 'C社区' });
    adminB = (await staffOf(b.id, 'admin', 'admin-b')).auth;
  });
  afterAll(async () => {
    await t.close();
    rules.remove();
  });

  const transfer = (memberId: number, body: object, auth = t.adminAuth, key = `tr-${++keys}`) =>
    t.http
      .post(`/api/members/${memberId}/transfer`)
      .set('Authorization', auth)
      .set('Idempotency-Key', key)
      .send(body);

  /** Service of `hours` hours (emergency rescue, posted at once by A's admin), then spent to 0. */
  async function servedAndSpent(member: Member, hours: number): Promise<void> {
    const today = t.app.get(Clock).today('Asia/Shanghai');
    for (let left = hours, day = 1; left > 0; left -= 12, day++) {
      const res = await t.http
        .post('/api/service-records')
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `served-${++keys}`)
        .send({
          memberId: member.id,
          itemCode: 'emergency_rescue',
          quantity: Math.min(12, left),
          serviceDate: addDays(today, -(keys % 60) - 1),
        });
      expect(res.status).toBe(201);
    }
    const balance = await f.balanceOf(member.accountId);
    if (balance > 0) {
      await f.redeem(member.accountId, balance);
    }
  }

  const passbook = (no: string, auth: string) =>
    t.http.get(`/api/passbooks/${no}`).set('Authorization', auth);

  it('should move a volunteer with their hours, a new passbook in B, and the old books still verifying', async () => {
    const member = await f.newMember({ name: '转移甲' });
    const team = await f.newTeam({ memberIds: [member.id] });
    await servedAndSpent(member, 60);
    const before = await passbook(member.passbookNo, t.adminAuth);
    expect(before.status).toBe(200);
    expect(before.body.hours.total).toBe('60.00');
    expect(before.body.balance).toBe('0.00');
    const oldStatement = before.body.entries;
    const volunteerAuth = await f.memberAuth(member.id);
    expect((await t.http.get('/api/me/passbook').set('Authorization', volunteerAuth)).status).toBe(
      200,
    );

    const key = `move-${member.id}`;
    const res = await transfer(member.id, { toCommunity: 'b', reason: '搬家' }, t.adminAuth, key);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      memberId: member.id,
      fromCommunity: 'default',
      toCommunity: 'b',
      fromPassbookNo: member.passbookNo,
      toPassbookNo: expect.stringMatching(/^V[0-9A-Z]{7}$/),
      hours: '60.00',
      reason: '搬家',
      createdBy: expect.stringMatching(/^user:\d+$/),
      date: expect.any(String),
    });
    const newNo: string = res.body.toPassbookNo;
    expect(newNo).not.toBe(member.passbookNo);

    // The same key replays the move; it happens once.
    const replay = await transfer(
      member.id,
      { toCommunity: 'b', reason: '搬家' },
      t.adminAuth,
      key,
    );
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(res.body);

    // The member row moved: B's community, a new account of B's books, out of A's teams.
    const moved = await t.db.read((em) => em.findOneByOrFail(Member, { id: member.id }));
    expect(moved.communityId).toBe(b.id);
    expect(moved.passbookNo).toBe(newNo);
    expect(moved.accountId).not.toBe(member.accountId);
    const accounts: { id: unknown; community_id: unknown; passbook_no: string }[] = await t.db.read(
      (em) =>
        em.query(
          sql(
            t.db,
            'SELECT id, community_id, passbook_no FROM accounts WHERE id IN (?, ?) ORDER BY id',
          ),
          [member.accountId, moved.accountId],
        ),
    );
    expect(accounts.map((a) => [Number(a.community_id), a.passbook_no])).toEqual([
      [1, member.passbookNo],
      [b.id, newNo],
    ]);
    expect(await t.db.read((em) => em.findBy(TeamMember, { teamId: team.id }))).toEqual([]);

    // Their sessions ended: the old token no longer works.
    expect((await t.http.get('/api/me/passbook').set('Authorization', volunteerAuth)).status).toBe(
      401,
    );

    // B's admin sees the new passbook with A's hours carried, and the grade that goes with them.
    const inB = await passbook(newNo, adminB);
    expect(inB.status).toBe(200);
    expect(inB.body.balance).toBe('0.00');
    expect(inB.body.hours).toEqual({ thisYear: '0.00', total: '60.00' });
    expect(inB.body.hoursGrade).toEqual(before.body.hoursGrade);
    expect(inB.body.entries).toEqual([]);
    expect(inB.body.transfers).toEqual([
      {
        fromCommunity: 'default',
        toCommunity: 'b',
        fromPassbookNo: member.passbookNo,
        toPassbookNo: newNo,
        hours: '60.00',
        date: res.body.date,
      },
    ]);
    // The volunteer, logged in anew, sees it on their own page.
    const mine = await t.http
      .get('/api/me/passbook')
      .set('Authorization', await f.memberAuth(member.id));
    expect(mine.status).toBe(200);
    expect(mine.body.hours.total).toBe('60.00');
    expect(mine.body.passbookNo).toBe(newNo);

    // Their old passbook, closed in A's books, stays readable to them with its whole statement.
    const left = await passbook(member.passbookNo, await f.memberAuth(member.id));
    expect(left.status).toBe(200);
    expect(left.body.passbookNo).toBe(member.passbookNo);
    expect(left.body.balance).toBe('0.00');
    expect(left.body.hours.total).toBe('60.00');
    expect(left.body.entries).toEqual(oldStatement);

    // A's admin no longer sees them: neither passbook, nor the member.
    expect((await passbook(newNo, t.adminAuth)).status).toBe(404);
    expect((await passbook(member.passbookNo, t.adminAuth)).status).toBe(404);
    expect((await passbook(member.passbookNo, adminB)).status).toBe(404);

    // A's books keep the closed account with its whole statement, and still verify.
    const ledger = t.app.get(LedgerService);
    const statement = await t.db.read(() =>
      ledger.statement(member.accountId, { limit: 200, beforeSeq: undefined }),
    );
    expect(statement.entries.map((e) => e.transactionId)).toEqual(
      oldStatement.map((e: { transactionId: string }) => e.transactionId),
    );
    expect(await f.balanceOf(member.accountId)).toBe(0);
    const verifyA = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verifyA.status).toBe(200);
    expect(verifyA.body).toEqual({
      ok: true,
      community: { id: 1, code: 'default' },
      transactions: expect.any(Number),
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const verifyB = await t.http.get('/api/ledger/verify').set('Authorization', adminB);
    expect(verifyB.status).toBe(200);
    expect(verifyB.body).toEqual({
      ok: true,
      community: { id: b.id, code: 'b' },
      transactions: 0,
      lastHash: expect.any(String),
    });

    // Admins of either community read the move; the history names both.
    for (const auth of [t.adminAuth, adminB]) {
      const list = await t.http
        .get(`/api/members/${member.id}/transfers`)
        .set('Authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [res.body] });
    }
    // Moving on again is B's admin's to do, not A's.
    expect((await transfer(member.id, { toCommunity: 'default', reason: '再搬' })).status).toBe(
      404,
    );
  });

  it('should carry the hours of earlier moves on to the next community', async () => {
    const member = await f.newMember();
    await servedAndSpent(member, 24);
    const first = await transfer(member.id, { toCommunity: 'b', reason: '搬家' });
    expect(first.status).toBe(201);
    const back = await transfer(member.id, { toCommunity: 'default', reason: '搬回' }, adminB);
    expect(back.status).toBe(201);
    expect(back.body.hours).toBe('24.00');
    const view = await passbook(back.body.toPassbookNo, t.adminAuth);
    expect(view.status).toBe(200);
    expect(view.body.hours.total).toBe('24.00');
    expect(
      view.body.transfers.map(
        (x: { fromCommunity: string; toCommunity: string; hours: string }) => [
          x.fromCommunity,
          x.toCommunity,
          x.hours,
        ],
      ),
    ).toEqual([
      ['default', 'b', '24.00'],
      ['b', 'default', '24.00'],
    ]);
  });

  it('should refuse a move with points left (BALANCE_NOT_ZERO) and change nothing', async () => {
    const member = await f.newMember();
    const team = await f.newTeam({ memberIds: [member.id] });
    await f.earn(member.accountId, 350);
    const res = await transfer(member.id, { toCommunity: 'b', reason: '搬家' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: expect.any(String),
      details: { reason: 'BALANCE_NOT_ZERO', balance: '3.50', passbookNo: member.passbookNo },
    });
    const after = await t.db.read((em) => em.findOneByOrFail(Member, { id: member.id }));
    expect(after).toEqual(member);
    expect(await t.db.read((em) => em.findBy(TeamMember, { teamId: team.id }))).toHaveLength(1);
    const rows: unknown[] = await t.db.read((em) =>
      em.query(sql(t.db, 'SELECT id FROM member_transfers WHERE member_id = ?'), [member.id]),
    );
    expect(rows).toEqual([]);
    expect((await passbook(member.passbookNo, t.adminAuth)).status).toBe(200);
  });

  it('should refuse a move while a service record waits for approval (RECORDS_PENDING), then allow it once decided', async () => {
    // Community p needs approval of its leaders' records (its own service-records.json).
    mkdirSync(join(rules.dir, 'communities', 'p'), { recursive: true });
    writeFileSync(
      join(rules.dir, 'communities', 'p', 'service-records.json'),
      JSON.stringify({ approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' }),
    );
    const p = await t.app
      .get(CommunitiesService)
      .create({ streetOfficeId: 1, code: 'p', name: 'P社区' });
    const member = await f.newMember({ communityId: p.id });
    const leader = await f.newUser('leader', 'leader-p', { communityId: p.id });
    await f.newTeam({ communityId: p.id, leaderUserIds: [leader.id], memberIds: [member.id] });
    const adminP = await staffOf(p.id, 'admin', 'admin-p');
    const logged = await t.http
      .post('/api/service-records')
      .set('Authorization', await f.bearer({ userId: leader.id }))
      .set('Idempotency-Key', `pending-${++keys}`)
      .send({
        memberId: member.id,
        itemCode: 'free_clinic',
        quantity: 1,
        serviceDate: t.app.get(Clock).today('Asia/Shanghai'),
      });
    expect({ status: logged.status, state: logged.body.status }).toEqual({
      status: 201,
      state: 'pending',
    });
    const refused = await transfer(member.id, { toCommunity: 'b', reason: '搬家' }, adminP.auth);
    expect({ status: refused.status, details: refused.body.details }).toEqual({
      status: 409,
      details: { reason: 'RECORDS_PENDING', pending: 1, memberId: member.id },
    });
    expect(await t.db.read((em) => em.findOneByOrFail(Member, { id: member.id }))).toEqual(member);
    const rejected = await t.http
      .post(`/api/service-records/${logged.body.id}/reject`)
      .set('Authorization', adminP.auth)
      .send({ reason: '重复登记' });
    expect(rejected.status).toBe(201);
    const moved = await transfer(member.id, { toCommunity: 'b', reason: '搬家' }, adminP.auth);
    expect(moved.status).toBe(201);
  });

  it('should answer 404 for an unknown community, one of another street office, or the same one', async () => {
    const member = await f.newMember();
    for (const toCommunity of ['nowhere', 'c', 'default']) {
      const res = await transfer(member.id, { toCommunity, reason: '搬家' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(
      (await t.db.read((em) => em.findOneByOrFail(Member, { id: member.id }))).communityId,
    ).toBe(1);
  });

  it('should keep a member of another community out of reach (404) and refuse other roles (403)', async () => {
    const member = await f.newMember();
    expect((await transfer(member.id, { toCommunity: 'b', reason: 'x' }, adminB)).status).toBe(404);
    expect(
      (await t.http.get(`/api/members/${member.id}/transfers`).set('Authorization', adminB)).status,
    ).toBe(404);
    const own = await t.http
      .get(`/api/members/${member.id}/transfers`)
      .set('Authorization', t.adminAuth);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ items: [] });
    const clerk = await staffOf(1, 'clerk', 'clerk-a-transfer');
    expect((await transfer(member.id, { toCommunity: 'b', reason: 'x' }, clerk.auth)).status).toBe(
      403,
    );
    const missingKey = await t.http
      .post(`/api/members/${member.id}/transfer`)
      .set('Authorization', t.adminAuth)
      .send({ toCommunity: 'b', reason: 'x' });
    expect(missingKey.status).toBe(400);
    expect(missingKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});
