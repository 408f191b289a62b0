import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The monthly 雷锋号便民大集 as it happens, end to end over HTTP on the configured store: a fair with
 * three items and twenty participants, half checked in and out by scanning their passbooks, half
 * logged by hand; hours from the times and from the standard's hoursPerTime; the hours grade moves;
 * an overlap with another event refused; a likely duplicate refused, then confirmed; the whole event
 * approved in one request; the rotating self check-in code refused when stale.
 */

/** 2026-06-15 at a Shanghai wall-clock time, as an instant. */
const at = (hhmm: string) => `2026-06-15T${hhmm}:00+08:00`;
const DAY = '2026-06-15';

describe('the monthly fair, from planning to approval (e2e)', () => {
  let t: TestApp;
  let config: ConfigDir;
  let f: ReturnType<typeof fixtures>;
  let leaderAuth: string;
  let team: { id: number };
  let scanned: Member[];
  let byHand: Member[];
  let keys = 0;
  const key = () => `fair-${++keys}`;

  beforeAll(async () => {
    config = configDir({
      'service-records.json': { approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' },
    });
    t = await createTestApp({ env: { CONFIG_DIR: config.dir } });
    f = fixtures(t.app);
    const leader = await f.newUser('leader');
    leaderAuth = await t.login(leader.username, 'password-123');
    scanned = [];
    byHand = [];
    for (let i = 0; i < 10; i++) {
      scanned.push(await f.newMember({ name: `扫码${i}` }));
      byHand.push(await f.newMember({ name: `手记${i}` }));
    }
    team = await f.newTeam({
      leaderUserIds: [leader.id],
      memberIds: [...scanned, ...byHand].map((m) => m.id),
    });
  });
  afterAll(async () => {
    await t.close();
    config.remove();
  });

  const as = (auth: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', auth),
    post: (path: string, body: object = {}, idempotencyKey?: string) => {
      const req = t.http.post(path).set('Authorization', auth);
      return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
    },
    put: (path: string, body: object) => t.http.put(path).set('Authorization', auth).send(body),
  });

  const planFair = async (title: string, startsAt: string, endsAt: string) => {
    t.clock.set(at('07:30'));
    const res = await as(leaderAuth).post('/api/events', {
      title,
      place: '社区文化广场',
      date: DAY,
      startsAt,
      endsAt,
      teamIds: [team.id],
      itemCodes: ['leifeng_fair', 'haircut', 'appliance_repair'],
    });
    expect(res.status).toBe(201);
    return res.body as { id: number; items: { code: string; hoursPerTime: string | null }[] };
  };

  it('should run the fair from planning to one-request approval, with hours for every item', async () => {
    // One volunteer already has 48.00 hours: the fair's hours take them over the first Dalian grade (50).
    t.clock.set(at('07:00'));
    const veteran = scanned[0];
    for (let d = 1; d <= 6; d++) {
      const res = await as(t.adminAuth).post(
        '/api/service-records',
        {
          memberId: veteran.id,
          itemCode: 'free_clinic',
          quantity: '8',
          serviceDate: `2026-06-0${d}`,
        },
        key(),
      );
      expect(res.status).toBe(201);
    }
    const before = await as(t.adminAuth).get(`/api/passbooks/${veteran.passbookNo}`);
    expect(before.body.hours.total).toBe('48.00');
    expect(before.body.hoursGrade.stars).toBe(0);

    const fair = await planFair('六月雷锋号便民大集', '08:30', '11:30');
    expect(fair.items.map((i) => [i.code, i.hoursPerTime])).toEqual([
      ['leifeng_fair', '3.00'],
      ['haircut', '0.50'],
      ['appliance_repair', null],
    ]);

    // Half arrive and are scanned in at the gate (early arrivals count from 08:30).
    t.clock.set(at('08:20'));
    for (const [i, m] of scanned.entries()) {
      const res = await as(leaderAuth).post(`/api/events/${fair.id}/check-in`, {
        passbookNo: m.passbookNo,
        itemCode: i % 2 === 0 ? 'appliance_repair' : 'leifeng_fair',
      });
      expect(res.status).toBe(200);
      expect(res.body.checkInMethod).toBe('scan');
    }
    // The other half are written down by the leader with what they did.
    for (const [i, m] of byHand.entries()) {
      const res = await as(leaderAuth).put(`/api/events/${fair.id}/attendance/${m.id}`, {
        itemCode: i % 2 === 0 ? 'haircut' : 'leifeng_fair',
        quantity: i % 2 === 0 ? '3' : '1',
      });
      expect(res.status).toBe(200);
    }
    // 11:10: they leave; 2 h 40 min within the fair rounds down to 2.50 hours (15-minute steps).
    t.clock.set(at('11:10'));
    for (const m of scanned) {
      const res = await as(leaderAuth).post(`/api/events/${fair.id}/check-out`, {
        passbookNo: m.passbookNo,
      });
      expect(res.status).toBe(200);
      expect(res.body.hours).toBe('2.50');
    }

    t.clock.set(at('12:00'));
    const closed = await as(leaderAuth).post(`/api/events/${fair.id}/close`, {}, key());
    expect(closed.status).toBe(201);
    expect(closed.body.event.status).toBe('closed');
    const records = closed.body.records as {
      id: number;
      memberId: number;
      itemCode: string;
      quantity: string;
      hours: string;
      points: string;
      status: string;
      hoursSource: string;
      eventId: number;
    }[];
    expect(records).toHaveLength(20);
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['pending']));
    expect(new Set(records.map((r) => r.eventId))).toEqual(new Set([fair.id]));
    const byMember = new Map(records.map((r) => [r.memberId, r]));
    // Scanned, hourly item: quantity and hours are the time served; 2.00 points an hour.
    expect(byMember.get(scanned[0].id)).toMatchObject({
      itemCode: 'appliance_repair',
      quantity: '2.50',
      hours: '2.50',
      points: '5.00',
      hoursSource: 'times',
    });
    // Scanned, per-time item: once, and the hours are the time served, not hoursPerTime.
    expect(byMember.get(scanned[1].id)).toMatchObject({
      itemCode: 'leifeng_fair',
      quantity: '1.00',
      hours: '2.50',
      hoursSource: 'times',
    });
    // By hand: three haircuts are 1.50 hours; a fair morning 3.00 hours (hoursPerTime).
    expect(byMember.get(byHand[0].id)).toMatchObject({
      itemCode: 'haircut',
      quantity: '3.00',
      hours: '1.50',
      hoursSource: 'item',
    });
    expect(byMember.get(byHand[1].id)).toMatchObject({
      itemCode: 'leifeng_fair',
      quantity: '1.00',
      hours: '3.00',
      hoursSource: 'item',
    });
    const totalHours = records.reduce((sum, r) => sum + Math.round(Number(r.hours) * 100), 0);
    expect(totalHours).toBe(10 * 250 + 5 * 150 + 5 * 300);

    // Pending records move nothing yet.
    const pending = await as(t.adminAuth).get(`/api/passbooks/${veteran.passbookNo}`);
    expect(pending.body.hours.total).toBe('48.00');

    // The whole event approved in one request.
    const approved = await as(t.adminAuth).post(`/api/events/${fair.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toBe(20);
    const listed = await as(t.adminAuth).get(`/api/service-records?eventId=${fair.id}&limit=50`);
    expect(listed.body.items).toHaveLength(20);
    expect(listed.body.items.every((r: { status: string }) => r.status === 'posted')).toBe(true);

    const after = await as(t.adminAuth).get(`/api/passbooks/${veteran.passbookNo}`);
    expect(after.body.hours.total).toBe('50.50');
    expect(after.body.hoursGrade.stars).toBe(1);
    expect(after.body.balance).toBe(
      (Number(before.body.balance) + Number(byMember.get(veteran.id)!.points)).toFixed(2),
    );
  });

  it('should refuse an overlapping event naming both, and a likely duplicate until it is confirmed', async () => {
    // The afternoon repair corner overlaps the morning fair of the first test for scanned[2].
    const corner = await planFair('家电维修角', '11:00', '12:30');
    t.clock.set(at('11:00'));
    const member = scanned[2];
    expect(
      (
        await as(leaderAuth).post(`/api/events/${corner.id}/check-in`, {
          passbookNo: member.passbookNo,
          itemCode: 'appliance_repair',
        })
      ).status,
    ).toBe(200);
    t.clock.set(at('12:30'));
    expect(
      (
        await as(leaderAuth).post(`/api/events/${corner.id}/check-out`, {
          passbookNo: member.passbookNo,
        })
      ).status,
    ).toBe(200);
    const refused = await as(leaderAuth).post(`/api/events/${corner.id}/close`, {}, key());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect(refused.body.details.reason).toBe('OVERLAPPING_SERVICE');
    expect(refused.body.message).toContain('六月雷锋号便民大集');
    expect(refused.body.message).toContain('家电维修角');
    expect(refused.body.details.overlaps[0]).toMatchObject({ memberId: member.id });
    const still = await as(leaderAuth).get(`/api/events/${corner.id}`);
    expect(still.body.status).toBe('planned');

    // The same haircuts of byHand[0] sent again through the one-record form: likely a copy.
    const body = {
      memberId: byHand[0].id,
      itemCode: 'haircut',
      quantity: '3',
      serviceDate: DAY,
    };
    const dup = await as(leaderAuth).post('/api/service-records', body, key());
    expect(dup.status).toBe(409);
    expect(dup.body.details.reason).toBe('LIKELY_DUPLICATE');
    expect(dup.body.details.duplicates[0]).toMatchObject({ memberId: byHand[0].id });
    const confirmed = await as(leaderAuth).post(
      '/api/service-records',
      { ...body, confirmDuplicate: true },
      key(),
    );
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.confirmedDistinctFrom).toBe(dup.body.details.duplicates[0].recordId);
  });

  it('should check a volunteer in by the rotating code on the screen, and refuse a stale one', async () => {
    const evening = await planFair('夜间巡逻', '19:00', '21:00');
    const volunteer = byHand[5];
    const login = await t.http
      .post('/api/auth/passbook-login')
      .send({ passbookNo: volunteer.passbookNo, pin: '123456' });
    expect(login.status).toBe(200);
    const volunteerAuth = `Bearer ${login.body.token}`;

    t.clock.set(at('18:55'));
    const shown = await as(leaderAuth).get(`/api/events/${evening.id}/check-in-code`);
    expect(shown.status).toBe(200);
    expect(shown.body.rotatesEverySeconds).toBe(60);
    expect(shown.body.path).toBe(`/me/check-in?event=${evening.id}&code=${shown.body.code}`);

    // A photo of the screen sent to a friend at home, used three minutes later: refused.
    t.clock.set(at('18:58'));
    const stale = await as(volunteerAuth).post(`/api/me/events/${evening.id}/check-in`, {
      code: shown.body.code,
    });
    expect(stale.status).toBe(403);
    expect(stale.body.details.reason).toBe('CHECKIN_CODE_INVALID');

    const fresh = await as(leaderAuth).get(`/api/events/${evening.id}/check-in-code`);
    expect(fresh.body.code).not.toBe(shown.body.code);
    const ok = await as(volunteerAuth).post(`/api/me/events/${evening.id}/check-in`, {
      code: fresh.body.code,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ memberId: volunteer.id, checkInMethod: 'self' });
  });
});
