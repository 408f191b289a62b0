import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { ErrorCode } from '../common/errors';
import { RedemptionWindowsJob } from './redemption-windows.job';
import { RedemptionWindowsService } from './redemption-windows.service';
import { parseRedemptionRule } from './redemption-rule';
import { CommunityRules } from '../communities/community-rules';

describe(RedemptionWindowsService.name, () => {
  let t: TestContext;
  let windows: RedemptionWindowsService;
  let job: RedemptionWindowsJob;

  beforeEach(async () => {
    t = await createTestContext();
    windows = t.ctx.get(RedemptionWindowsService);
    job = t.ctx.get(RedemptionWindowsJob);
  });
  afterEach(() => t.close());

  const eventsOf = async (id: number) =>
    (await windows.get(id, 1)).events.map((e) => ({ kind: e.kind, at: e.at, actor: e.actor }));

  it('should open the quarterly window when the clock reaches 25 March 09:00 local time', async () => {
    t.clock.set('2026-03-25T00:59:59Z'); // 08:59:59 in Shanghai
    const first = await job.run();
    expect(first.created).toEqual(['2026-Q1', '2026-Q2']);
    const before = await windows.current(1);
    expect(before.open).toBe(false);
    expect(before.window).toBeNull();
    expect(before.next).toMatchObject({
      periodKey: '2026-Q1',
      opensAt: '2026-03-25T01:00:00.000Z',
      closesAt: '2026-03-31T10:00:00.000Z',
    });

    // Open is decided from the stored window and the clock: no tick is needed.
    t.clock.set('2026-03-25T01:00:00Z');
    const open = await windows.current(1);
    expect(open.open).toBe(true);
    expect(open.window).toMatchObject({ periodKey: '2026-Q1', kind: 'scheduled' });
    expect(open.next).toMatchObject({ periodKey: '2026-Q2', opensAt: '2026-06-25T01:00:00.000Z' });

    const second = await job.run();
    expect(second).toEqual({ created: [], rescheduled: [], opened: [open.window!.id], closed: [] });
    await expect(job.run()).resolves.toEqual({
      created: [],
      rescheduled: [],
      opened: [],
      closed: [],
    });
    expect(await eventsOf(open.window!.id)).toEqual([
      { kind: 'created', at: '2026-03-25T00:59:59.000Z', actor: 'system:scheduler' },
      { kind: 'opened', at: '2026-03-25T01:00:00.000Z', actor: 'system:scheduler' },
    ]);

    t.clock.set('2026-03-31T09:59:59Z');
    await expect(windows.current(1)).resolves.toMatchObject({ open: true });
    t.clock.set('2026-03-31T10:00:00Z');
    await expect(windows.current(1)).resolves.toMatchObject({ open: false, window: null });
  });

  it('should record an opening and closing missed while the service was down at their true times', async () => {
    t.clock.set('2026-05-01T00:00:00Z');
    await job.run();
    const q2 = (await windows.current(1)).next!;
    t.clock.set('2026-07-02T03:00:00Z'); // the service slept through the whole window
    const result = await job.run();
    expect(result).toEqual({
      created: ['2026-Q4'],
      rescheduled: [],
      opened: [q2.id],
      closed: [q2.id],
    });
    expect((await eventsOf(q2.id)).slice(1)).toEqual([
      { kind: 'opened', at: '2026-06-25T01:00:00.000Z', actor: 'system:scheduler' },
      { kind: 'closed', at: '2026-06-30T10:00:00.000Z', actor: 'system:scheduler' },
    ]);
    const log = await windows.get(q2.id, 1);
    expect(log.events[1].recordedAt).toBe('2026-07-02T03:00:00.000Z');
  });

  it('should move a window not yet open to a changed rule and leave an open one alone', async () => {
    t.clock.set('2026-06-26T00:00:00Z'); // Q2 window open, Q3 ahead
    await job.run();
    const changed = new RedemptionWindowsService(
      t.db,
      t.clock,
      t.ctx.get<AppConfig>(APP_CONFIG),
      // Community 1's rules as they would read after its redemption.json changed.
      {
        of: async (communityId: number) => ({
          ...(await t.ctx.get(CommunityRules).of(communityId)),
          redemption: parseRedemptionRule(
            {
              every: 'quarter',
              opens: { day: 20, time: '09:00' },
              closes: { day: 'last', time: '17:00' },
            },
            'test',
          ),
        }),
      } as unknown as CommunityRules,
    );
    const result = await changed.sync();
    expect(result.rescheduled).toEqual(['2026-Q3']);
    const current = await windows.current(1);
    expect(current.window).toMatchObject({
      periodKey: '2026-Q2',
      opensAt: '2026-06-25T01:00:00.000Z',
    });
    expect(current.next).toMatchObject({
      periodKey: '2026-Q3',
      opensAt: '2026-09-20T01:00:00.000Z',
      closesAt: '2026-09-30T09:00:00.000Z',
    });
    expect((await eventsOf(current.next!.id)).map((e) => e.kind)).toEqual([
      'created',
      'rescheduled',
    ]);
  });

  it('should close a window early and keep it closed through later runs of the job', async () => {
    t.clock.set('2026-06-26T00:00:00Z');
    await job.run();
    const { window } = await windows.current(1);
    t.clock.advance(3_600_000);
    const closed = await windows.close(window!.id, 'user:1', 1, '货品已兑完');
    expect(closed).toMatchObject({
      closesAt: '2026-06-26T01:00:00.000Z',
      closedEarly: { by: 'user:1', at: '2026-06-26T01:00:00.000Z' },
    });
    await job.run();
    await expect(windows.current(1)).resolves.toMatchObject({ open: false, window: null });
    const events = await windows.get(window!.id, 1);
    expect(events.events.map((e) => [e.kind, e.actor])).toEqual([
      ['created', 'system:scheduler'],
      ['opened', 'system:scheduler'],
      ['closed', 'user:1'],
    ]);
    expect(events.events[2].note).toBe(
      'closed early; planned to close at 2026-06-30T10:00:00.000Z; 货品已兑完',
    );
    await expect(windows.close(window!.id, 'user:1', 1)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
  });

  it('should cancel a window that has not opened so that it never opens', async () => {
    t.clock.set('2026-06-01T00:00:00Z');
    await job.run();
    const { next } = await windows.current(1);
    await windows.close(next!.id, 'user:1', 1);
    t.clock.set('2026-06-27T00:00:00Z');
    await expect(windows.current(1)).resolves.toMatchObject({ open: false, window: null });
    const result = await job.run();
    expect(result.opened).toEqual([]);
    expect((await eventsOf(next!.id)).map((e) => e.kind)).toEqual(['created', 'closed']);
  });

  it('should add an ad-hoc window in local time or with an offset and refuse bad ones', async () => {
    const local = await windows.createAdHoc(
      { opensAt: '2026-07-01T09:00', closesAt: '2026-07-03T18:00:00+08:00', note: '加开' },
      'user:1',
      1,
    );
    expect(local).toMatchObject({
      kind: 'ad_hoc',
      periodKey: null,
      opensAt: '2026-07-01T01:00:00.000Z',
      closesAt: '2026-07-03T10:00:00.000Z',
      note: '加开',
    });
    const refusals: [Record<string, string>, string][] = [
      [{ opensAt: '2026-07-01', closesAt: '2026-07-02T09:00Z' }, 'opensAt'],
      [{ opensAt: '2026-07-02T09:00Z', closesAt: '2026-07-01T09:00Z' }, 'closesAt'],
      [{ opensAt: '2026-06-01T09:00Z', closesAt: '2026-06-02T09:00Z' }, 'closesAt'],
      [{ opensAt: '2026-07-01T09:00Z', closesAt: '2026-12-01T09:00Z' }, 'closesAt'],
      [{ opensAt: '2026-02-30T09:00Z', closesAt: '2026-07-01T09:00Z' }, 'opensAt'],
      [{ opensAt: '2026-07-01T25:00Z', closesAt: '2026-07-02T09:00Z' }, 'opensAt'],
    ];
    for (const [input, field] of refusals) {
      await expect(
        windows.createAdHoc(input as { opensAt: string; closesAt: string }, 'user:1', 1),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: { field } });
    }
  });

  it('should start an ad-hoc window asked to open in the past at the moment it is added', async () => {
    const w = await windows.createAdHoc(
      { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-16T00:00:00Z' },
      'user:1',
      1,
    );
    expect(w.opensAt).toBe('2026-06-15T02:00:00.000Z');
    await expect(windows.current(1)).resolves.toMatchObject({ open: true, window: { id: w.id } });
    expect((await eventsOf(w.id)).map((e) => [e.kind, e.at])).toEqual([
      ['created', '2026-06-15T02:00:00.000Z'],
      ['opened', '2026-06-15T02:00:00.000Z'],
    ]);
  });

  it('should refuse with REDEMPTION_WINDOW_CLOSED naming when the next window opens', async () => {
    await expect(windows.requireOpenWindow(1)).rejects.toMatchObject({
      code: ErrorCode.REDEMPTION_WINDOW_CLOSED,
      details: { opensAt: null, next: null },
    });
    await job.run();
    await expect(windows.requireOpenWindow(1)).rejects.toMatchObject({
      code: ErrorCode.REDEMPTION_WINDOW_CLOSED,
      details: {
        opensAt: '2026-06-25T01:00:00.000Z',
        next: { opensAt: '2026-06-25T01:00:00.000Z', closesAt: '2026-06-30T10:00:00.000Z' },
      },
    });
  });
});
