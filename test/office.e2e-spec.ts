import { CommunitiesService } from '../src/communities/communities.service';
import { StreetOffice } from '../src/communities/entities/community.entity';
import { Cents } from '../src/common/points';
import { LedgerService } from '../src/ledger/ledger.service';
import { TransactionKind } from '../src/ledger/entities/ledger-transaction.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The street office (街道) over two communities, A (community 1, as an upgraded installation has it)
 * and B: it sees both side by side and summed, manages communities and their admins, and changes no
 * community's people, points or shop; community staff get 403 on its endpoints; another street
 * office's community is 404 to it.
 */
describe('street office over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let ledger: LedgerService;
  let office: string;
  let adminA: string;
  let otherOffice: string;
  let communityB: number;
  let communityC: number;
  let memberB: { id: number; accountId: number };

  /** An entry of `kind` from `from` to `to` in the community's books, dated `effectiveDate`. */
  const post = (
    communityId: number,
    kind: TransactionKind,
    fromAccount: number,
    toAccount: number,
    cents: Cents,
    effectiveDate: string,
  ) =>
    t.db.write(() =>
      ledger.post({
        communityId,
        kind,
        actor: 'system:test',
        description: `test ${kind}`,
        effectiveDate,
        postings: [
          { accountId: fromAccount, amount: -cents },
          { accountId: toAccount, amount: cents },
        ],
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    ledger = t.app.get(LedgerService);
    const communities = t.app.get(CommunitiesService);
    communityB = (await communities.create({ streetOfficeId: 1, code: 'b', name: 'B社区' })).id;
    const other = await t.db.write(async (em) =>
      em.save(em.create(StreetOffice, { name: '其他街道', createdAt: new Date().toISOString() })),
    );
    communityC = (await communities.create({ streetOfficeId: other.id, code: 'c', name: 'C社区' }))
      .id;

    office = await f.bearer({ userId: (await f.newUser('office', 'office1')).id });
    otherOffice = await f.bearer({
      userId: (await f.newUser('office', 'office2', { streetOfficeId: other.id })).id,
    });
    adminA = t.adminAuth;

    // A: two members, one team, a household; 10.00 + 2.50 earned in Q2, 3.00 of it reversed,
    // 4.00 redeemed, 1.50 donated to the household; 7.00 earned in Q1 (passbooks hold 14.00 + 1.50).
    const issuanceA = await ledger.systemAccountId(1, 'issuance');
    const shopA = await ledger.systemAccountId(1, 'shop');
    const a1 = await f.newMember({ communityId: 1 });
    await f.newMember({ communityId: 1 });
    await f.newTeam({ communityId: 1, memberIds: [a1.id] });
    const household = await f.newHousehold({ communityId: 1 });
    await post(1, 'earn', issuanceA, a1.accountId, 1000, '2026-04-10');
    const corrected = await post(1, 'earn', issuanceA, a1.accountId, 300, '2026-05-10');
    await t.db.write(() =>
      ledger.post({
        communityId: 1,
        kind: 'reversal',
        actor: 'system:test',
        description: 'test reversal',
        reverses: corrected.id,
        postings: [
          { accountId: a1.accountId, amount: -300 },
          { accountId: issuanceA, amount: 300 },
        ],
      }),
    );
    await post(1, 'earn', issuanceA, a1.accountId, 250, '2026-06-01');
    await post(1, 'earn', issuanceA, a1.accountId, 700, '2026-02-01');
    await post(1, 'redeem', a1.accountId, shopA, 400, '2026-06-02');
    await post(1, 'donation', a1.accountId, household.accountId, 150, '2026-06-03');

    // B: one member, two teams; 20.00 earned in Q2, 5.00 redeemed.
    const issuanceB = await ledger.systemAccountId(communityB, 'issuance');
    const shopB = await ledger.systemAccountId(communityB, 'shop');
    memberB = await f.newMember({ communityId: communityB });
    await f.newTeam({ communityId: communityB, memberIds: [memberB.id] });
    await f.newTeam({ communityId: communityB });
    await post(communityB, 'earn', issuanceB, memberB.accountId, 2000, '2026-05-20');
    await post(communityB, 'redeem', memberB.accountId, shopB, 500, '2026-06-10');
  });

  afterAll(async () => {
    await t.close();
  });

  it("should show each community's quarter side by side and summed, with verify status", async () => {
    const res = await t.http
      .get('/api/office/overview?year=2026&quarter=2')
      .set('Authorization', office);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({
      year: 2026,
      quarter: 2,
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(
      res.body.communities.map((c: { community: { code: string } }) => c.community.code),
    ).toEqual(['default', 'b']);
    const [a, b] = res.body.communities;
    expect(a.figures).toEqual({
      volunteers: 2,
      servingVolunteers: 0,
      teams: 1,
      hours: '0.00',
      earned: '12.50',
      redeemed: '4.00',
      donated: '1.50',
      outstanding: '15.50',
    });
    expect(b.figures).toEqual({
      volunteers: 1,
      servingVolunteers: 0,
      teams: 2,
      hours: '0.00',
      earned: '20.00',
      redeemed: '5.00',
      donated: '0.00',
      outstanding: '15.00',
    });
    expect(res.body.total).toEqual({
      volunteers: 3,
      servingVolunteers: 0,
      teams: 3,
      hours: '0.00',
      earned: '32.50',
      redeemed: '9.00',
      donated: '1.50',
      outstanding: '30.50',
    });
    expect(a.verify).toEqual({ ok: true, transactions: 7, lastHash: expect.any(String) });
    expect(b.verify).toEqual({ ok: true, transactions: 2, lastHash: expect.any(String) });
    expect(res.body.verifiedAll).toBe(true);
  });

  it('should count the whole year without a quarter, and a quarter before any entry as nothing', async () => {
    const year = await t.http.get('/api/office/overview?year=2026').set('Authorization', office);
    expect(year.status).toBe(200);
    expect(year.body.period).toEqual({
      year: 2026,
      quarter: null,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(year.body.total).toMatchObject({
      earned: '39.50',
      redeemed: '9.00',
      outstanding: '30.50',
    });
    const q1 = await t.http
      .get('/api/office/overview?year=2025&quarter=1')
      .set('Authorization', office);
    expect(q1.body.total).toMatchObject({ earned: '0.00', redeemed: '0.00', outstanding: '0.00' });
    const bad = await t.http
      .get('/api/office/overview?year=2026&quarter=5')
      .set('Authorization', office);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('should list, create and rename communities of its own street office only', async () => {
    const list = await t.http.get('/api/office/communities').set('Authorization', office);
    expect(list.status).toBe(200);
    // The contact its certificates print (none set yet).
    const noContact = { personInCharge: null, contactPhone: null, contactAddress: null };
    expect(list.body.items).toEqual([
      {
        id: 1,
        code: 'default',
        name: null,
        issuer: null,
        created: expect.any(String),
        ...noContact,
      },
      {
        id: communityB,
        code: 'b',
        name: 'B社区',
        issuer: 'B社区志愿服务站',
        created: expect.any(String),
        ...noContact,
      },
    ]);

    const created = await t.http
      .post('/api/office/communities')
      .set('Authorization', office)
      .send({ code: 'lingnan', name: '岭南社区', issuer: '岭南社区党总支' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      code: 'lingnan',
      name: '岭南社区',
      issuer: '岭南社区党总支',
      created: expect.any(String),
      ...noContact,
    });
    const again = await t.http
      .post('/api/office/communities')
      .set('Authorization', office)
      .send({ code: 'lingnan', name: '又一个' });
    expect(again.status).toBe(409);
    const badCode = await t.http
      .post('/api/office/communities')
      .set('Authorization', office)
      .send({ code: 'Bad Code', name: '坏' });
    expect(badCode.status).toBe(400);

    const renamed = await t.http
      .patch(`/api/office/communities/${created.body.id}`)
      .set('Authorization', office)
      .send({ name: '岭南新社区' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '岭南新社区', issuer: '岭南社区党总支' });

    const verify = await t.http.get('/api/office/verify').set('Authorization', office);
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    expect(
      verify.body.communities.map((c: { community: { code: string } }) => c.community.code),
    ).toEqual(['default', 'b', 'lingnan']);
  });

  it('should give a community its admin, who works in that community', async () => {
    const res = await t.http
      .post(`/api/office/communities/${communityB}/admins`)
      .set('Authorization', office)
      .send({ username: 'b-admin', password: 'password-b-123' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      username: 'b-admin',
      role: 'admin',
      communityId: communityB,
    });
    const adminB = await t.login('b-admin', 'password-b-123');
    const me = await t.http.get('/api/me/community').set('Authorization', adminB);
    expect(me.status).toBe(200);
    expect(me.body.community).toMatchObject({ id: communityB, code: 'b', name: 'B社区' });
    expect(me.body.streetOffice).toEqual({ id: 1, name: null });
    const dup = await t.http
      .post(`/api/office/communities/${communityB}/admins`)
      .set('Authorization', office)
      .send({ username: 'b-admin', password: 'password-b-123' });
    expect(dup.status).toBe(409);
  });

  it("should answer another street office's community as unknown (404)", async () => {
    for (const req of [
      t.http.patch(`/api/office/communities/${communityC}`).send({ name: 'X' }),
      t.http
        .post(`/api/office/communities/${communityC}/admins`)
        .send({ username: 'c-admin', password: 'password-c-123' }),
      t.http.patch('/api/office/communities/999999').send({ name: 'X' }),
    ]) {
      const res = await req.set('Authorization', office);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const theirs = await t.http
      .get('/api/office/overview?year=2026')
      .set('Authorization', otherOffice);
    expect(
      theirs.body.communities.map((c: { community: { code: string } }) => c.community.code),
    ).toEqual(['c']);
  });

  it('should refuse community staff on every street-office endpoint (403)', async () => {
    const clerk = await f.bearer({ userId: (await f.newUser('clerk', 'clerk-a')).id });
    const volunteer = await f.memberAuth(memberB.id);
    for (const auth of [adminA, clerk, volunteer]) {
      for (const req of [
        t.http.get('/api/office/communities'),
        t.http.post('/api/office/communities').send({ code: 'x', name: 'X' }),
        t.http.patch(`/api/office/communities/${communityB}`).send({ name: 'X' }),
        t.http
          .post(`/api/office/communities/${communityB}/admins`)
          .send({ username: 'sneaky', password: 'password-123' }),
        t.http.get('/api/office/overview?year=2026'),
        t.http.get('/api/office/verify'),
      ]) {
        const res = await req.set('Authorization', auth);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
  });

  it('should tell each page its community, publicly by ?community= and to whoever is logged in', async () => {
    const first = await t.http.get('/api/public/community');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      code: 'default',
      name: null,
      issuer: null,
      timeZone: 'Asia/Shanghai',
    });
    const b = await t.http.get('/api/public/community?community=b');
    expect(b.body).toMatchObject({
      code: 'b',
      name: 'B社区',
      issuer: 'B社区志愿服务站',
      today: '2026-06-15',
    });
    expect((await t.http.get('/api/public/community?community=nope')).status).toBe(404);

    const mine = await t.http.get('/api/me/community').set('Authorization', office);
    expect(mine.status).toBe(200);
    expect(mine.body.community).toBeNull();
    expect(mine.body.streetOffice).toEqual({ id: 1, name: null });
    expect(mine.body.communities.map((c: { code: string }) => c.code)).toEqual([
      'default',
      'b',
      'lingnan',
    ]);
    const volunteer = await t.http
      .get('/api/me/community')
      .set('Authorization', await f.memberAuth(memberB.id));
    expect(volunteer.body.community).toMatchObject({ id: communityB, name: 'B社区' });
  });

  it("should count a community's verified service hours and who served", async () => {
    const before = await t.http
      .get('/api/office/overview?year=2026&quarter=2')
      .set('Authorization', office);
    const member = await f.newMember({ communityId: 1 });
    const res = await t.http
      .post('/api/service-records')
      .set('Authorization', adminA)
      .set('Idempotency-Key', 'office-hours-1')
      .send({
        memberId: member.id,
        itemCode: 'appliance_repair',
        quantity: '2.5',
        serviceDate: '2026-06-14',
      });
    expect(res.status).toBe(201);
    expect(res.body.points).toBe('5.00');
    const after = await t.http
      .get('/api/office/overview?year=2026&quarter=2')
      .set('Authorization', office);
    expect(after.body.communities[0].figures).toEqual({
      ...before.body.communities[0].figures,
      volunteers: before.body.communities[0].figures.volunteers + 1,
      servingVolunteers: 1,
      hours: '2.50',
      earned: '17.50',
      outstanding: '20.50',
    });
    expect(after.body.communities[1].figures).toEqual(before.body.communities[1].figures);
    expect(after.body.total).toMatchObject({
      hours: '2.50',
      servingVolunteers: 1,
      earned: '37.50',
    });
  });

  it('should name the community and seq of a changed row, and keep the others verified', async () => {
    const isPg = t.db.dialect === 'postgres';
    const rows: { seq: unknown }[] = await t.db.read((em) =>
      em.query(
        isPg
          ? 'SELECT seq FROM postings WHERE account_id = $1 ORDER BY seq LIMIT 1'
          : 'SELECT seq FROM postings WHERE account_id = ? ORDER BY seq LIMIT 1',
        [memberB.accountId],
      ),
    );
    const seq = Number(rows[0].seq);
    await t.db.write(async (em) => {
      await em.query('DROP TRIGGER postings_no_update' + (isPg ? ' ON postings' : ''));
      await em.query(
        isPg
          ? 'UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500 WHERE seq = $1 AND account_id = $2'
          : 'UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500 WHERE seq = ? AND account_id = ?',
        [seq, memberB.accountId],
      );
    });
    const res = await t.http.get('/api/office/verify').set('Authorization', office);
    expect(res.body.ok).toBe(false);
    const byCode = Object.fromEntries(
      res.body.communities.map((c: { community: { code: string }; verify: unknown }) => [
        c.community.code,
        c.verify,
      ]),
    );
    expect(byCode.default).toMatchObject({ ok: true });
    expect(byCode.b).toEqual({ ok: false, firstBadSeq: seq, reason: expect.any(String) });
    const overview = await t.http
      .get('/api/office/overview?year=2026')
      .set('Authorization', office);
    expect(overview.body.verifiedAll).toBe(false);
  });
});
