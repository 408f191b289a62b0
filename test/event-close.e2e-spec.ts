import { EventAttendance } from '../src/events/entities';
import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Fixtures = ReturnType<typeof fixtures>;

let keys = 0;
const key = () => `close-${++keys}`;

/** 2026-06-14 in Shanghai: 08:00 is 00:00 UTC. The clock stands on 2026-06-15 10:00 Shanghai. */
const DATE = '2026-06-14';
const at = (hhmm: string) => `2026-06-14T${hhmm}:00.000Z`;

const count = (t: TestApp, sql: string, params: unknown[] = []) =>
  t.db.read(async (em) => Number((await em.query(sql, params))[0].c));

/** Rows a refused close must leave untouched. */
const footprint = async (t: TestApp) => [
  await count(t, 'SELECT COUNT(*) AS c FROM service_records'),
  await count(t, 'SELECT COUNT(*) AS c FROM ledger_transactions'),
  await count(t, "SELECT COUNT(*) AS c FROM events WHERE status = 'closed'"),
];

type Row = Partial<EventAttendance> & { memberId: number };

/** Attendance rows as the attendance service writes them (check-in by scan, check-out by scan). */
async function attend(t: TestApp, eventId: number, rows: Row[]): Promise<void> {
  await t.db.write((em) =>
    em.insert(
      EventAttendance,
      rows.map((r) => ({
        eventId,
        itemCode: null,
        quantity: null,
        checkInAt: null,
        checkInMethod: r.checkInAt ? 'scan' : null,
        checkOutAt: null,
        checkOutMethod: r.checkOutAt ? 'scan' : null,
        correctionReason: null,
        correctedBy: null,
        correctedAt: null,
        note: null,
        createdBy: 'system:test',
        updatedAt: '2026-06-14T00:00:00.000Z',
        ...r,
      })),
    ),
  );
}

describe('closing an event into service records (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let leader: { auth: string; team: { id: number } };
  let members: Member[];
  let titles = 0;

  const newEvent = async (
    body: Partial<{ startsAt: string; endsAt: string; itemCodes: string[]; teamIds: number[] }>,
    auth = t.adminAuth,
  ): Promise<number> => {
    const res = await t.http
      .post('/api/events')
      .set('Authorization', auth)
      .send({
        title: `六月便民大集${++titles}`,
        place: '社区文化广场',
        date: DATE,
        startsAt: '08:00',
        endsAt: '12:00',
        teamIds: [leader.team.id],
        itemCodes: ['appliance_repair', 'leifeng_fair'],
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const close = (id: number, body: object = {}, auth = t.adminAuth, k = key()) =>
    t.http
      .post(`/api/events/${id}/close`)
      .set('Authorization', auth)
      .set('Idempotency-Key', k)
      .send(body);

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    members = await f.newMembers(12);
    leader = await f.newLeaderWithTeam(members.slice(0, 10).map((m) => m.id));
  });
  afterAll(() => t.close());

  it('should log hours from the times (15 minutes down, within the event), from hoursPerTime, and from the quantity', async () => {
    const other = await f.newTeam({ memberIds: [members[10].id] });
    const id = await newEvent({ teamIds: [leader.team.id, other.id] }, leader.auth);
    const [a, b, c, d, e] = [members[0], members[1], members[2], members[3], members[10]];
    await attend(t, id, [
      // Came 10 minutes before 08:00, left at 10:20: 08:00–10:20 counts, 2.25 hours.
      {
        memberId: a.id,
        itemCode: 'appliance_repair',
        checkInAt: '2026-06-13T23:50:00.000Z',
        checkOutAt: at('02:20'),
      },
      // Logged by hand: one time of the fair is 3 hours.
      { memberId: b.id, itemCode: 'leifeng_fair' },
      // Logged by hand: 1.5 hours of repair.
      { memberId: c.id, itemCode: 'appliance_repair', quantity: 150 },
      // A forgotten check-out set by the leader (补录): left at 13:00, counted until 12:00.
      {
        memberId: d.id,
        itemCode: 'leifeng_fair',
        checkInAt: at('01:05'),
        checkOutAt: at('05:00'),
        checkOutMethod: 'corrected',
        correctionReason: '忘记签退',
        correctedBy: 'system:test',
        correctedAt: at('05:10'),
      },
      // A member of the event's second team only.
      { memberId: e.id, itemCode: 'appliance_repair', quantity: 300, note: '修了三台电扇' },
    ]);

    const res = await close(id, {}, leader.auth);

    expect(res.status).toBe(201);
    expect(res.body.event).toMatchObject({ id, status: 'closed', closedBy: expect.any(String) });
    expect(res.body.event.closedAt).toBe(t.clock.now().toISOString());
    const byMember = new Map(
      (res.body.records as Record<string, unknown>[]).map((r) => [r.memberId, r]),
    );
    expect(byMember.get(a.id)).toMatchObject({
      eventId: id,
      teamId: leader.team.id,
      itemCode: 'appliance_repair',
      quantity: '2.25',
      hours: '2.25',
      points: '4.50',
      startedAt: at('00:00'),
      endedAt: at('02:20'),
      hoursSource: 'times',
      status: 'posted',
      serviceDate: DATE,
    });
    expect(byMember.get(b.id)).toMatchObject({
      itemCode: 'leifeng_fair',
      quantity: '1.00',
      hours: '3.00',
      points: '3.00',
      startedAt: null,
      hoursSource: 'item',
    });
    expect(byMember.get(c.id)).toMatchObject({
      quantity: '1.50',
      hours: '1.50',
      points: '3.00',
      hoursSource: 'item',
    });
    // 09:05–12:00 is 2 h 55 min: 2.75 hours, one time of the fair.
    expect(byMember.get(d.id)).toMatchObject({
      quantity: '1.00',
      hours: '2.75',
      points: '3.00',
      startedAt: at('01:05'),
      endedAt: at('04:00'),
      hoursSource: 'corrected',
    });
    expect(byMember.get(e.id)).toMatchObject({
      teamId: other.id,
      quantity: '3.00',
      hours: '3.00',
      points: '6.00',
      note: '修了三台电扇',
    });
    const listed = await t.http
      .get(`/api/service-records?eventId=${id}`)
      .set('Authorization', t.adminAuth);
    expect(listed.status).toBe(200);
    expect((listed.body.items as { id: number }[]).map((r) => r.id).sort((x, y) => x - y)).toEqual(
      (res.body.records as { id: number }[]).map((r) => r.id).sort((x, y) => x - y),
    );
    const balance = await f.balanceOf(a.accountId);
    expect(balance).toBe(450);
    const again = await close(id, {}, leader.auth);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'closed' });
  });

  it('should write nothing and keep the event planned when one row cannot be logged', async () => {
    const [a, b, c] = [members[4], members[5], members[6]];
    const id = await newEvent({});
    await attend(t, id, [
      {
        memberId: a.id,
        itemCode: 'appliance_repair',
        checkInAt: at('00:00'),
        checkOutAt: at('01:00'),
      },
      // Two items and none chosen.
      { memberId: b.id },
      // An hourly item logged by hand without hours.
      { memberId: c.id, itemCode: 'appliance_repair' },
    ]);
    const before = await footprint(t);

    const res = await close(id);

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([
      {
        field: `attendance[memberId=${b.id}]`,
        memberId: b.id,
        reason: 'ITEM_NOT_CHOSEN',
        problems: [`${b.name}: choose the item member ${b.id} served`],
      },
      {
        field: `attendance[memberId=${c.id}]`,
        memberId: c.id,
        reason: 'QUANTITY_REQUIRED',
        problems: [
          `${c.name}: member ${c.id} has no check-in and check-out: give the hours served as the quantity`,
        ],
      },
    ]);
    expect(res.body.message).toContain(b.name);
    expect(await footprint(t)).toEqual(before);
    const event = await t.http.get(`/api/events/${id}`).set('Authorization', t.adminAuth);
    expect(event.body).toMatchObject({ status: 'planned', closedBy: null, closedAt: null });
  });

  it('should refuse a close while someone is checked in and not out, and one nobody attended', async () => {
    const empty = await newEvent({});
    const before = await footprint(t);
    const none = await close(empty);
    expect(none.status).toBe(409);
    expect(none.body.details).toEqual({ reason: 'EVENT_EMPTY' });

    const id = await newEvent({ itemCodes: ['appliance_repair'] });
    await attend(t, id, [
      { memberId: members[7].id, checkInAt: at('00:00'), checkOutAt: at('01:00') },
      { memberId: members[8].id, checkInAt: at('00:10') },
    ]);
    const open = await close(id);
    expect(open.status).toBe(409);
    expect(open.body.details).toEqual({ reason: 'ATTENDANCE_OPEN', memberIds: [members[8].id] });
    expect(await footprint(t)).toEqual(before);
  });

  it('should refuse an overlap, naming both events, then the same member in two events at once', async () => {
    const m = members[9];
    const morning = await newEvent({ itemCodes: ['appliance_repair'] });
    await attend(t, morning, [{ memberId: m.id, checkInAt: at('00:30'), checkOutAt: at('02:30') }]);
    expect((await close(morning)).status).toBe(201);
    // 10:00–14:00 of the same day, checked in at 10:00 while the morning ran until 10:30.
    const noon = await newEvent({ startsAt: '10:00', endsAt: '14:00', itemCodes: ['free_clinic'] });
    await attend(t, noon, [{ memberId: m.id, checkInAt: at('02:00'), checkOutAt: at('04:00') }]);
    const before = await footprint(t);

    const res = await close(noon);

    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({
      reason: 'OVERLAPPING_SERVICE',
      overlaps: [
        {
          memberId: m.id,
          eventId: morning,
          startedAt: at('00:30'),
          endedAt: at('02:30'),
        },
      ],
    });
    const titlesOf = await Promise.all(
      [morning, noon].map(
        async (id) =>
          (await t.http.get(`/api/events/${id}`).set('Authorization', t.adminAuth)).body.title,
      ),
    );
    expect(res.body.message).toContain(titlesOf[0]);
    expect(res.body.message).toContain(titlesOf[1]);
    expect(await footprint(t)).toEqual(before);
  });

  it('should refuse a likely duplicate of a record logged by hand, then log it when confirmed', async () => {
    const m = await f.newMember();
    const first = await t.http
      .post('/api/service-records')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', key())
      .send({ memberId: m.id, itemCode: 'haircut', quantity: 2, serviceDate: DATE });
    expect(first.status).toBe(201);
    const id = await newEvent({ itemCodes: ['haircut'] });
    await attend(t, id, [{ memberId: m.id, quantity: 300 }]);
    const before = await footprint(t);

    const refused = await close(id);

    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({
      reason: 'LIKELY_DUPLICATE',
      duplicates: [{ memberId: m.id, recordId: first.body.id, eventId: null, itemCode: 'haircut' }],
    });
    expect(await footprint(t)).toEqual(before);

    const confirmed = await close(id, { confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.records).toEqual([
      expect.objectContaining({
        memberId: m.id,
        quantity: '3.00',
        hours: '1.50',
        confirmedDistinctFrom: first.body.id,
        eventId: id,
      }),
    ]);
  });

  it('should replay a close repeated with its key', async () => {
    const m = await f.newMember();
    const id = await newEvent({ itemCodes: ['free_clinic'] });
    await attend(t, id, [{ memberId: m.id, checkInAt: at('00:00'), checkOutAt: at('02:00') }]);
    const k = key();
    const first = await close(id, {}, t.adminAuth, k);
    const records = await footprint(t);
    const repeat = await close(id, {}, t.adminAuth, k);
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(await footprint(t)).toEqual(records);
  });

  it('should close once when two closes with different keys race', async () => {
    const ms = await f.newMembers(5);
    const id = await newEvent({ itemCodes: ['cleanup'] });
    await attend(
      t,
      id,
      ms.map((m) => ({ memberId: m.id, checkInAt: at('00:00'), checkOutAt: at('01:00') })),
    );
    const [x, y] = await Promise.all([close(id), close(id)]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'closed' });
    expect(
      await count(
        t,
        'SELECT COUNT(*) AS c FROM service_records WHERE event_id = $1'.replace('$1', String(id)),
      ),
    ).toBe(5);
  });

  it('should still log an activity the old way', async () => {
    const m = members[11];
    const team = await f.newTeam({ memberIds: [m.id] });
    const res = await t.http
      .post('/api/activities')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', key())
      .send({
        teamId: team.id,
        itemCode: 'leifeng_fair',
        title: '六月雷锋号便民大集',
        serviceDate: DATE,
        participants: [{ memberId: m.id, quantity: 1 }],
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ participants: 1, totalPoints: '3.00', totalHours: '3.00' });
    expect(res.body.records[0]).toMatchObject({ eventId: null, hoursSource: 'item' });
  });
});

describe('approving many records at once (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let dir: ConfigDir;

  beforeAll(async () => {
    dir = configDir({ 'service-records.json': { approvalRequired: true } });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    f = fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  const post = (path: string, body: object, auth = t.adminAuth) =>
    t.http.post(path).set('Authorization', auth).send(body);

  it('should close a leader’s fair of 200 into pending records and approve them in one request', async () => {
    const ms = await f.newMembers(200);
    const leader = await f.newLeaderWithTeam(ms.map((m) => m.id));
    const created = await post(
      '/api/events',
      {
        title: '六月雷锋号便民大集',
        place: '社区文化广场',
        date: DATE,
        startsAt: '08:00',
        endsAt: '12:00',
        teamIds: [leader.team.id],
        itemCodes: ['leifeng_fair'],
      },
      leader.auth,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    await attend(
      t,
      id,
      ms.map((m, i) =>
        i % 2 === 0
          ? {
              memberId: m.id,
              itemCode: 'leifeng_fair',
              checkInAt: at('00:00'),
              checkOutAt: at('03:00'),
            }
          : { memberId: m.id, itemCode: 'leifeng_fair' },
      ),
    );
    const closed = await t.http
      .post(`/api/events/${id}/close`)
      .set('Authorization', leader.auth)
      .set('Idempotency-Key', key())
      .send({});
    expect(closed.status).toBe(201);
    expect(closed.body.records).toHaveLength(200);
    expect(new Set(closed.body.records.map((r: { status: string }) => r.status))).toEqual(
      new Set(['pending']),
    );
    expect(await f.balanceOf(ms[0].accountId)).toBe(0);
    // The leader may not decide their own event's records.
    expect((await post(`/api/events/${id}/approve`, {}, leader.auth)).status).toBe(403);

    const started = performance.now();
    const res = await post(`/api/events/${id}/approve`, {});
    const ms200 = Math.round(performance.now() - started);
    // eslint-disable-next-line no-console
    console.log(`approving 200 records of an event in one request took ${ms200} ms`);

    expect(res.status).toBe(200);
    expect(res.body.approved).toBe(200);
    expect(res.body.unchanged).toEqual([]);
    expect(res.body.records).toHaveLength(200);
    expect(new Set(res.body.records.map((r: { status: string }) => r.status))).toEqual(
      new Set(['posted']),
    );
    expect(await f.balanceOf(ms[0].accountId)).toBe(300);
    expect(await f.balanceOf(ms[1].accountId)).toBe(300);
    // Again: nothing pending is left.
    const again = await post(`/api/events/${id}/approve`, {});
    expect(again.body).toEqual({ approved: 0, unchanged: [], records: [] });
  });

  it('should decide selected records of an event, and refuse ids not of it', async () => {
    const ms = await f.newMembers(3);
    const leader = await f.newLeaderWithTeam(ms.map((m) => m.id));
    const id = (
      await post(
        '/api/events',
        {
          title: '楼道清理',
          place: '3号楼',
          date: DATE,
          startsAt: '08:00',
          endsAt: '12:00',
          teamIds: [leader.team.id],
          itemCodes: ['cleanup'],
        },
        leader.auth,
      )
    ).body.id as number;
    await attend(
      t,
      id,
      ms.map((m) => ({ memberId: m.id, checkInAt: at('00:00'), checkOutAt: at('01:00') })),
    );
    const closed = await t.http
      .post(`/api/events/${id}/close`)
      .set('Authorization', leader.auth)
      .set('Idempotency-Key', key())
      .send({});
    const [r1, r2, r3] = (closed.body.records as { id: number }[]).map((r) => r.id);
    const foreign = await post(`/api/events/${id}/reject`, {
      reason: '未到岗',
      recordIds: [r1, 999_999],
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ ids: [999_999] });

    const rejected = await post(`/api/events/${id}/reject`, { reason: '未到岗', recordIds: [r1] });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ rejected: 1, unchanged: [] });
    expect(rejected.body.records[0]).toMatchObject({
      id: r1,
      status: 'rejected',
      rejectReason: '未到岗',
    });

    const approved = await post(`/api/events/${id}/approve`, {});
    expect(approved.body).toMatchObject({ approved: 2, unchanged: [] });
    expect(approved.body.records.map((r: { id: number }) => r.id)).toEqual([r2, r3]);
  });

  it('should approve and reject lists of records in one transaction, reporting the decided ones unchanged', async () => {
    const ms = await f.newMembers(4);
    const leader = await f.newLeaderWithTeam(ms.map((m) => m.id));
    const ids: number[] = [];
    for (const m of ms) {
      const res = await t.http
        .post('/api/service-records')
        .set('Authorization', leader.auth)
        .set('Idempotency-Key', key())
        .send({ memberId: m.id, itemCode: 'cleanup', quantity: 1, serviceDate: DATE });
      expect(res.body.status).toBe('pending');
      ids.push(res.body.id as number);
    }
    // A pending record of community b, logged by b's own leader.
    const b = await f.newCommunity();
    const bMember = await f.newMember({ communityId: b.id });
    const bLeader = await f.newUser('leader', undefined, { communityId: b.id });
    await f.newTeam({ communityId: b.id, leaderUserIds: [bLeader.id], memberIds: [bMember.id] });
    const bRecord = await t.http
      .post('/api/service-records')
      .set('Authorization', await f.bearer({ userId: bLeader.id }))
      .set('Idempotency-Key', key())
      .send({ memberId: bMember.id, itemCode: 'cleanup', quantity: 1, serviceDate: DATE });
    expect(bRecord.body.status).toBe('pending');
    const before = await footprint(t);
    const foreign = await post('/api/service-records/approve', { ids: [ids[0], bRecord.body.id] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toEqual({ ids: [bRecord.body.id] });
    expect(await footprint(t)).toEqual(before);
    // An id of nothing: 404 for the whole request, nothing decided.
    const unknown = await post('/api/service-records/approve', { ids: [ids[0], 99_999_999] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual({ ids: [99_999_999] });
    expect(await footprint(t)).toEqual(before);

    const tooMany = await post('/api/service-records/approve', {
      ids: Array.from({ length: 501 }, (_, i) => i + 1),
    });
    expect(tooMany.status).toBe(400);
    expect((await post('/api/service-records/approve', { ids: [] })).status).toBe(400);
    expect((await post('/api/service-records/reject', { ids: [ids[0]] })).status).toBe(400);
    expect(
      (await post('/api/service-records/approve', { ids: [ids[0]] }, leader.auth)).status,
    ).toBe(403);

    const rejected = await post('/api/service-records/reject', { ids: [ids[0]], reason: '重复' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ rejected: 1, unchanged: [] });

    const approved = await post('/api/service-records/approve', { ids: [ids[0], ids[1], ids[2]] });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approved: 2, unchanged: [ids[0]] });
    expect(
      approved.body.records.map((r: { id: number; status: string }) => [r.id, r.status]),
    ).toEqual([
      [ids[0], 'rejected'],
      [ids[1], 'posted'],
      [ids[2], 'posted'],
    ]);
    const second = await post('/api/service-records/reject', {
      ids: [ids[1], ids[3]],
      reason: '未到岗',
    });
    expect(second.body).toMatchObject({ rejected: 1, unchanged: [ids[1]] });
    expect(second.body.records[0]).toMatchObject({ id: ids[1], status: 'posted' });
    expect(second.body.records[1]).toMatchObject({ id: ids[3], status: 'rejected' });
  });
});
