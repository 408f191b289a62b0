import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Fixtures = ReturnType<typeof fixtures>;

/** The event day: 20 June 2026, 08:30 to 11:30 in Asia/Shanghai (00:30Z to 03:30Z). */
const DATE = '2026-06-20';
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 5, 20, h - 8, m)).toISOString();
};

const attendanceCount = (t: TestApp, eventId: number) =>
  t.db.read(async (em) =>
    Number(
      (await em.query(`SELECT COUNT(*) AS c FROM event_attendance WHERE event_id = ${eventId}`))[0]
        .c,
    ),
  );

describe('event attendance (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let leaderAuth: string;
  let otherLeaderAuth: string;
  let team: { id: number };
  let members: Member[];
  let outsider: Member;

  beforeAll(async () => {
    // Tokens outlive the days the clock is moved across.
    t = await createTestApp({ env: { TOKEN_TTL_SECONDS: String(30 * 86400) } });
    f = fixtures(t.app);
    const leader = await f.newUser('leader');
    leaderAuth = await f.bearer({ userId: leader.id });
    const other = await f.newLeaderWithTeam();
    otherLeaderAuth = other.auth;
    members = await f.newMembers(16);
    outsider = await f.newMember();
    team = await f.newTeam({ leaderUserIds: [leader.id], memberIds: members.map((m) => m.id) });
  });
  afterAll(() => t.close());

  /** A planned event of the leader's team on DATE; the clock stands before it. */
  const newEvent = async (itemCodes = ['event_security']) => {
    t.clock.set('2026-06-15T02:00:00Z');
    const res = await t.http
      .post('/api/events')
      .set('Authorization', leaderAuth)
      .send({
        title: '六月便民大集',
        place: '社区文化广场',
        date: DATE,
        startsAt: '08:30',
        endsAt: '11:30',
        teamIds: [team.id],
        itemCodes,
      });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const post = (path: string, body: Record<string, unknown>, auth = leaderAuth) =>
    t.http.post(path).set('Authorization', auth).send(body);
  const list = async (eventId: number) => {
    const res = await t.http
      .get(`/api/events/${eventId}/attendance`)
      .set('Authorization', leaderAuth);
    expect(res.status).toBe(200);
    return res.body.items as Record<string, unknown>[];
  };

  describe('check-in and check-out by the leader', () => {
    let eventId: number;
    beforeAll(async () => {
      eventId = await newEvent();
    });

    it('should check in a scanned passbook at the time of the clock, its item the only one', async () => {
      t.clock.set(at('08:40'));
      const member = members[0];
      const res = await post(`/api/events/${eventId}/check-in`, {
        passbookNo: member.passbookNo.toLowerCase(),
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        memberId: member.id,
        name: member.name,
        passbookNo: member.passbookNo,
        itemCode: 'event_security',
        quantity: null,
        checkInAt: at('08:40'),
        checkInMethod: 'scan',
        checkOutAt: null,
        checkOutMethod: null,
        correction: null,
        note: null,
        hours: null,
      });

      t.clock.set(at('08:45'));
      const again = await post(`/api/events/${eventId}/check-in`, { memberId: member.id });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
    });

    it('should read the number from a scanned address ending in it', async () => {
      t.clock.set(at('08:41'));
      const member = members[1];
      const res = await post(`/api/events/${eventId}/check-in`, {
        passbookNo: `https://aixin.example.org/p/${member.passbookNo}`,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ memberId: member.id, checkInMethod: 'scan' });
    });

    it('should check in a tapped name and check out with the hours closing will count', async () => {
      const member = members[2];
      t.clock.set(at('08:20'));
      const checkIn = await post(`/api/events/${eventId}/check-in`, { memberId: member.id });
      expect(checkIn.status).toBe(200);
      expect(checkIn.body).toMatchObject({ checkInAt: at('08:20'), checkInMethod: 'name' });

      // From 08:30 (the event's start) to 10:52: 2 h 22 min, counted in quarter hours down.
      t.clock.set(at('10:52'));
      const out = await post(`/api/events/${eventId}/check-out`, { passbookNo: member.passbookNo });
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({
        checkOutAt: at('10:52'),
        checkOutMethod: 'scan',
        hours: '2.25',
      });
      t.clock.set(at('11:00'));
      const again = await post(`/api/events/${eventId}/check-out`, { memberId: member.id });
      expect(again.body).toEqual(out.body);
    });

    it('should refuse a check-out of someone not checked in', async () => {
      t.clock.set(at('09:00'));
      const res = await post(`/api/events/${eventId}/check-out`, { memberId: members[3].id });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'NOT_CHECKED_IN', memberId: members[3].id },
      });
      expect((await list(eventId)).map((r) => r.memberId)).not.toContain(members[3].id);
    });

    it('should refuse a check-in on another day and change nothing', async () => {
      const before = await attendanceCount(t, eventId);
      t.clock.set('2026-06-19T10:00:00Z'); // 18:00 on the 19th in Shanghai
      const res = await post(`/api/events/${eventId}/check-in`, { memberId: members[4].id });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'NOT_EVENT_DAY', date: DATE, today: '2026-06-19' },
      });
      t.clock.set('2026-06-20T16:30:00Z'); // 00:30 on the 21st
      const after = await post(`/api/events/${eventId}/check-in`, { memberId: members[4].id });
      expect(after.body.details).toMatchObject({ reason: 'NOT_EVENT_DAY', today: '2026-06-21' });
      expect(await attendanceCount(t, eventId)).toBe(before);
    });

    it('should answer 404 for an unknown number, another community and another leader', async () => {
      t.clock.set(at('09:00'));
      const unknown = await post(`/api/events/${eventId}/check-in`, { passbookNo: 'V2345679' });
      expect(unknown.status).toBe(404);
      const community = await f.newCommunity();
      const stranger = await f.newMember({ communityId: community.id });
      const foreign = await post(`/api/events/${eventId}/check-in`, {
        passbookNo: stranger.passbookNo,
      });
      expect(foreign.status).toBe(404);
      const byOther = await post(
        `/api/events/${eventId}/check-in`,
        { memberId: members[5].id },
        otherLeaderAuth,
      );
      expect(byOther.status).toBe(404);
      const both = await post(`/api/events/${eventId}/check-in`, {
        memberId: members[5].id,
        passbookNo: members[5].passbookNo,
      });
      expect(both.status).toBe(400);
    });

    it('should refuse a member of no team of the event and an inactive member', async () => {
      t.clock.set(at('09:00'));
      const res = await post(`/api/events/${eventId}/check-in`, { memberId: outsider.id });
      expect(res.status).toBe(403);
      expect(res.body.details).toEqual({ reason: 'NOT_TAKING_PART', memberId: outsider.id });
      await t.db.write((em) => em.update(Member, { id: members[6].id }, { active: false }));
      const inactive = await post(`/api/events/${eventId}/check-in`, { memberId: members[6].id });
      expect(inactive.status).toBe(409);
      expect(inactive.body.details).toEqual({ reason: 'MEMBER_INACTIVE', memberId: members[6].id });
      const ids = (await list(eventId)).map((r) => r.memberId);
      expect(ids).not.toContain(outsider.id);
      expect(ids).not.toContain(members[6].id);
    });

    it('should refuse an item that is not of the event', async () => {
      t.clock.set(at('09:00'));
      const res = await post(`/api/events/${eventId}/check-in`, {
        memberId: members[7].id,
        itemCode: 'haircut',
      });
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual({
        reason: 'NOT_AN_EVENT_ITEM',
        itemCode: 'haircut',
        itemCodes: ['event_security'],
      });
    });
  });

  describe('补录 and hand-logged participants', () => {
    let eventId: number;
    beforeAll(async () => {
      eventId = await newEvent(['haircut', 'appliance_repair']);
    });

    it('should keep the item unchosen when the event has several, until it is set', async () => {
      t.clock.set(at('08:35'));
      const member = members[8];
      const res = await post(`/api/events/${eventId}/check-in`, { memberId: member.id });
      expect(res.body).toMatchObject({ itemCode: null, hours: null });
      t.clock.set(at('10:35'));
      const out = await post(`/api/events/${eventId}/check-out`, { memberId: member.id });
      expect(out.body).toMatchObject({ itemCode: null, hours: null });
      const put = await t.http
        .put(`/api/events/${eventId}/attendance/${member.id}`)
        .set('Authorization', leaderAuth)
        .send({ itemCode: 'appliance_repair', note: '修了三台电扇' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        itemCode: 'appliance_repair',
        note: '修了三台电扇',
        hours: '2.00',
      });
    });

    it('should log a participant by hand with whole times of a per-time item', async () => {
      t.clock.set(at('12:00'));
      const member = members[9];
      const path = `/api/events/${eventId}/attendance/${member.id}`;
      const half = await t.http
        .put(path)
        .set('Authorization', leaderAuth)
        .send({ itemCode: 'haircut', quantity: '2.5' });
      expect(half.status).toBe(400);
      expect(half.body.code).toBe('VALIDATION_FAILED');
      expect((await list(eventId)).map((r) => r.memberId)).not.toContain(member.id);
      const res = await t.http
        .put(path)
        .set('Authorization', leaderAuth)
        .send({ itemCode: 'haircut', quantity: 3 });
      expect(res.status).toBe(200);
      // Three haircuts at 0.50 hours each.
      expect(res.body).toMatchObject({
        itemCode: 'haircut',
        quantity: '3.00',
        checkInAt: null,
        hours: '1.50',
      });
    });

    it('should set forgotten times by hand with the reason shown (补录)', async () => {
      t.clock.set(at('12:00'));
      const member = members[10];
      const res = await post(`/api/events/${eventId}/attendance/${member.id}/correction`, {
        checkInAt: '2026-06-20T08:30:00+08:00',
        checkOutAt: '2026-06-20T11:00:00+08:00',
        reason: '手机没电，未能签到',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        memberId: member.id,
        checkInAt: at('08:30'),
        checkInMethod: 'corrected',
        checkOutAt: at('11:00'),
        checkOutMethod: 'corrected',
        correction: {
          reason: '手机没电，未能签到',
          by: expect.stringMatching(/^user:/),
          at: at('12:00'),
        },
      });
      const row = (await list(eventId)).find((r) => r.memberId === member.id);
      expect(row).toEqual(res.body);
    });

    it('should refuse a check-out before the check-in, and a time on another day', async () => {
      t.clock.set(at('09:00'));
      const member = members[11];
      await post(`/api/events/${eventId}/check-in`, { memberId: member.id });
      t.clock.set(at('12:00'));
      const before = await post(`/api/events/${eventId}/attendance/${member.id}/correction`, {
        checkOutAt: '2026-06-20T08:50:00+08:00',
        reason: '忘记签退',
      });
      expect(before.status).toBe(400);
      expect(before.body.code).toBe('VALIDATION_FAILED');
      const otherDay = await post(`/api/events/${eventId}/attendance/${member.id}/correction`, {
        checkOutAt: '2026-06-21T08:50:00+08:00',
        reason: '忘记签退',
      });
      expect(otherDay.status).toBe(400);
      const row = (await list(eventId)).find((r) => r.memberId === member.id);
      expect(row).toMatchObject({ checkInAt: at('09:00'), checkOutAt: null, correction: null });

      const ok = await post(`/api/events/${eventId}/attendance/${member.id}/correction`, {
        checkOutAt: '2026-06-20T11:30:00+08:00',
        reason: '忘记签退',
      });
      expect(ok.body).toMatchObject({
        checkInMethod: 'name',
        checkOutMethod: 'corrected',
        correction: { reason: '忘记签退' },
      });
    });

    it('should remove a participant of a planned event and no longer once it is closed', async () => {
      const member = members[10];
      const path = `/api/events/${eventId}/attendance/${member.id}`;
      const res = await t.http.delete(path).set('Authorization', leaderAuth);
      expect(res.status).toBe(204);
      expect((await list(eventId)).map((r) => r.memberId)).not.toContain(member.id);
      const again = await t.http.delete(path).set('Authorization', leaderAuth);
      expect(again.status).toBe(404);

      await t.db.write((em) =>
        em.query(`UPDATE events SET status = 'closed' WHERE id = ${eventId}`),
      );
      const closed = await t.http
        .delete(`/api/events/${eventId}/attendance/${members[9].id}`)
        .set('Authorization', leaderAuth);
      expect(closed.status).toBe(409);
      expect(closed.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'closed' });
      t.clock.set(at('11:00'));
      const checkIn = await post(`/api/events/${eventId}/check-in`, { memberId: members[12].id });
      expect(checkIn.status).toBe(409);
      expect(checkIn.body.details.reason).toBe('EVENT_NOT_PLANNED');
    });
  });

  describe('self check-in with the rotating code', () => {
    let eventId: number;
    beforeAll(async () => {
      eventId = await newEvent();
    });
    const codeNow = async () => {
      const res = await t.http
        .get(`/api/events/${eventId}/check-in-code`)
        .set('Authorization', leaderAuth);
      expect(res.status).toBe(200);
      return res.body as { code: string; path: string; validUntil: string };
    };

    it('should check a volunteer in and out with the code of this or the previous minute', async () => {
      t.clock.set('2026-06-20T00:45:10Z');
      const shown = await codeNow();
      expect(shown).toEqual({
        code: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/),
        path: `/me/check-in?event=${eventId}&code=${shown.code}`,
        validUntil: '2026-06-20T00:47:00.000Z',
        rotatesEverySeconds: 60,
      });
      const member = members[13];
      const auth = await f.memberAuth(member.id);
      t.clock.set('2026-06-20T00:46:30Z');
      const res = await post(`/api/me/events/${eventId}/check-in`, { code: shown.code }, auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        memberId: member.id,
        checkInAt: '2026-06-20T00:46:30.000Z',
        checkInMethod: 'self',
      });

      t.clock.set(at('11:31'));
      const out = await post(
        `/api/me/events/${eventId}/check-out`,
        { code: (await codeNow()).code },
        auth,
      );
      expect(out.status).toBe(200);
      // 08:46:30 to 11:30 (the event's end): 2 h 43 min 30 s, ten whole quarter hours.
      expect(out.body).toMatchObject({ checkOutMethod: 'self', hours: '2.50' });
    });

    it('should refuse the code of two minutes ago with 403 CHECKIN_CODE_INVALID', async () => {
      t.clock.set('2026-06-20T01:00:05Z');
      const { code } = await codeNow();
      t.clock.set('2026-06-20T01:02:00Z');
      const member = members[14];
      const auth = await f.memberAuth(member.id);
      const res = await post(`/api/me/events/${eventId}/check-in`, { code }, auth);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        code: 'FORBIDDEN',
        details: { reason: 'CHECKIN_CODE_INVALID' },
      });
      expect((await list(eventId)).map((r) => r.memberId)).not.toContain(member.id);
    });

    it('should limit attempts per member so the code cannot be guessed', async () => {
      t.clock.set('2026-06-20T01:10:00Z');
      const member = members[15];
      const auth = await f.memberAuth(member.id);
      for (let i = 0; i < 10; i++) {
        const res = await post(`/api/me/events/${eventId}/check-in`, { code: 'AAAAAAAA' }, auth);
        expect(res.status).toBe(403);
      }
      const { code } = await codeNow();
      const limited = await post(`/api/me/events/${eventId}/check-in`, { code }, auth);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      t.clock.set('2026-06-20T01:11:00Z');
      const next = await post(`/api/me/events/${eventId}/check-in`, { code }, auth);
      expect(next.status).toBe(200);
    });

    it('should refuse a volunteer of no team of the event even with the right code', async () => {
      t.clock.set('2026-06-20T01:20:00Z');
      const { code } = await codeNow();
      const res = await post(
        `/api/me/events/${eventId}/check-in`,
        { code },
        await f.memberAuth(outsider.id),
      );
      expect(res.status).toBe(403);
      expect(res.body.details.reason).toBe('NOT_TAKING_PART');
    });
  });

  describe('a burst of check-ins', () => {
    it('should leave one row per member when 10 members are checked in twice at once', async () => {
      const eventId = await newEvent();
      t.clock.set(at('08:30'));
      const ten = members.slice(0, 6).concat(members.slice(7, 11));
      const results = await Promise.all(
        [...ten, ...ten].map((m, i) =>
          post(
            `/api/events/${eventId}/check-in`,
            i % 2 === 0 ? { memberId: m.id } : { passbookNo: m.passbookNo },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(await attendanceCount(t, eventId)).toBe(10);
      const rows = await list(eventId);
      expect(rows.map((r) => r.memberId).sort((a, b) => Number(a) - Number(b))).toEqual(
        ten.map((m) => m.id).sort((a, b) => a - b),
      );
      expect(rows.every((r) => r.checkInAt === at('08:30'))).toBe(true);
    });
  });
});
