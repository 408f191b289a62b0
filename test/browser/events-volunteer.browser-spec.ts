import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  Json,
  launchBrowser,
  newPage,
  noonZone,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  SCREENSHOT_DIR,
  textOf,
  textWith,
} from './browser-harness';

/** A 375 px phone at 200 % zoom: about 188 × 370 CSS pixels. */
const PHONE_ZOOM_200 = {
  viewport: { width: 188, height: 370 },
  deviceScaleFactor: 4,
  isMobile: true,
  hasTouch: true,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The community's zone in this run: about noon now, so today's event never crosses midnight. */
const ZONE = noonZone();

/** The community's wall clock `minutes` from now: its date and "HH:MM". */
function local(minutes = 0): { date: string; time: string } {
  const d = new Date(Date.now() + ZONE.offsetHours * 3600_000 + minutes * 60_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "09:02" in the community's zone of an ISO instant, as the pages show it. */
function localTime(iso: string): string {
  const d = new Date(Date.parse(iso) + ZONE.offsetHours * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Issue 16 on the volunteer's phone and the admin's desk, in real Chromium against the built
 * service with approval on: sign-up, self check-in by the rotating code's address (and an expired
 * code explained), a whole event approved in one click, and a leader's likely duplicate confirmed.
 */
describe('Events: the volunteer, the approvals and the duplicate check', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let configDir: string;
  let leaderToken: string;
  let teamId: number;
  const members: { id: number; passbookNo: string; name: string }[] = [];

  beforeAll(async () => {
    // The shipped standard, with leader-logged records pending until an admin approves them.
    configDir = mkdtempSync(join(tmpdir(), 'passbook-events-config-'));
    cpSync('config', configDir, { recursive: true });
    writeFileSync(
      join(configDir, 'service-records.json'),
      JSON.stringify({ approvalRequired: true, backDatingDays: 30, maxHoursPerDay: '12' }),
    );
    app = await RunningApp.start({ CONFIG_DIR: configDir, COMMUNITY_TZ: ZONE.timeZone });
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const leader = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'leader-fair', password: 'password-123', role: 'leader' },
    });
    leaderToken = await app.loginStaff('leader-fair', 'password-123');
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '雷锋志愿服务队', leaderUserIds: [leader.id] },
    });
    teamId = team.id;
    for (const name of ['王秀兰', '李建国', '赵桂芝', '孙立平', '周慧敏']) {
      const m = await app.ok('POST', '/members', {
        token: admin,
        body: { name, kind: 'resident', pin: '246810' },
      });
      await app.ok('POST', `/teams/${teamId}/members`, { token: admin, body: { memberId: m.id } });
      members.push({ id: m.id, passbookNo: m.passbookNo, name });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  /** An event of the team today around now, as the leader plans it. */
  async function planEvent(
    title: string,
    signup?: { capacity?: number; deadline?: string },
    itemCodes = ['haircut', 'appliance_repair'],
  ): Promise<Json> {
    const start = local(-60);
    const end = local(120);
    return app.ok('POST', '/events', {
      token: leaderToken,
      body: {
        title,
        place: '岭南社区广场',
        date: local().date,
        // Kept inside today (a run near midnight still plans a valid day).
        startsAt: start.date === local().date ? start.time : '00:00',
        endsAt: end.date === local().date ? end.time : '23:59',
        teamIds: [teamId],
        itemCodes,
        signup: signup ? { audience: 'teams', ...signup } : undefined,
      },
    });
  }

  async function volunteerLogin(page: Page, m: { passbookNo: string }): Promise<void> {
    await page.locator('input[name=passbookNo]').fill(m.passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
  }

  async function adminLogin(page: Page): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  async function memberToken(m: { passbookNo: string }): Promise<string> {
    const res = await app.ok('POST', '/auth/passbook-login', {
      body: { passbookNo: m.passbookNo, pin: '246810' },
      status: 200,
    });
    return res.token as string;
  }

  it('should let a volunteer on a 375 px phone sign up, be told plainly when it is full, and check in by the code', async () => {
    const deadline = new Date(Date.now() + 90 * 60_000).toISOString();
    const fair = await planEvent('十二月雷锋号便民大集', { capacity: 3, deadline });
    const small = await planEvent('义务理发（小场）', { capacity: 1, deadline });
    const [wang, li] = members;

    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await volunteerLogin(page, wang);
    const card = page.getByTestId(`event-${fair.id}`);
    expect(await textWith(card, '十二月雷锋号便民大集')).toContain('岭南社区广场');
    expect(await textWith(card.getByTestId('places'), '还剩 3 个名额（共 3 个）')).toContain(
      '还剩 3 个名额（共 3 个）',
    );
    expect(await textWith(card, fair.startsAt)).toContain(`${fair.startsAt}–${fair.endsAt}`);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-volunteer-list-375');

    await card.getByRole('button', { name: '我要报名' }).click();
    expect(await textWith(card.getByTestId('event-done'), '报名成功')).toContain('岭南社区广场');
    expect(await textOf(card.getByTestId('my-state'), '✓ 您已报名')).toBe('✓ 您已报名');
    expect(await textWith(card.getByTestId('places'), '还剩 2 个名额')).toContain(
      '还剩 2 个名额（共 3 个）',
    );
    const signups = await app.ok('GET', `/events/${fair.id}/signups`, { token: leaderToken });
    expect(signups.items.map((s: Json) => ({ memberId: s.memberId, status: s.status }))).toEqual([
      { memberId: wang.id, status: 'signed_up' },
    ]);

    // The small event's last place goes to someone else while this page still shows it free.
    const smallCard = page.getByTestId(`event-${small.id}`);
    expect(await textWith(smallCard.getByTestId('places'), '还剩 1 个名额')).toContain(
      '还剩 1 个名额（共 1 个）',
    );
    await app.ok('POST', `/me/events/${small.id}/signup`, { token: await memberToken(li) });
    await smallCard.getByRole('button', { name: '我要报名' }).click();
    expect(
      await textOf(
        smallCard.getByTestId('event-error'),
        '报名人数已满（共 1 个名额），这次报不上了。',
      ),
    ).toBe('报名人数已满（共 1 个名额），这次报不上了。');
    expect(await textWith(smallCard.getByTestId('places'), '名额已满')).toContain(
      '名额已满（共 1 个）',
    );
    expect(await smallCard.getByRole('button', { name: '我要报名' }).count()).toBe(0);
    await screenshot(page, 'events-volunteer-signed-up-375');
    const zoomed = await newPage(browser, PHONE_ZOOM_200);
    await zoomed.page.goto(`${app.baseUrl}/`);
    await volunteerLogin(zoomed.page, wang);
    await zoomed.page.getByTestId(`event-${fair.id}`).getByTestId('my-state').waitFor();
    expect(await overflowing(zoomed.page)).toEqual([]);
    await screenshot(zoomed.page, 'events-volunteer-list-phone-zoom200');
    await zoomed.page
      .getByTestId('my-events')
      .screenshot({ path: join(SCREENSHOT_DIR, 'events-volunteer-section-phone-zoom200.png') });
    await zoomed.context.close();

    // Withdrawing asks first, then frees the place.
    await card.getByRole('button', { name: '取消报名' }).click();
    await card.getByTestId('withdraw-confirm').waitFor();
    await card.getByRole('button', { name: '确定取消报名' }).click();
    expect(await textOf(card.getByTestId('my-state'), '您已取消报名')).toBe('您已取消报名');
    expect(await textWith(card.getByTestId('places'), '还剩 3 个名额')).toContain(
      '还剩 3 个名额（共 3 个）',
    );
    await card.getByRole('button', { name: '我要报名' }).click();
    expect(await textOf(card.getByTestId('my-state'), '✓ 您已报名')).toBe('✓ 您已报名');
    await context.close();

    // At the event: the phone opens the address of the leader's code, logged out.
    const code = await app.ok('GET', `/events/${fair.id}/check-in-code`, { token: leaderToken });
    expect(code.path).toBe(`/me/check-in?event=${fair.id}&code=${code.code}`);
    const phone = await newPage(browser, PHONE);
    await phone.page.goto(`${app.baseUrl}${code.path}`);
    expect(await textWith(phone.page.getByTestId('login-intro'), '登录后自动为您签到')).toContain(
      '请先用存折号和密码登录',
    );
    await volunteerLogin(phone.page, wang);
    const result = phone.page.getByTestId('check-in-result');
    const said = await textWith(result, '签到成功');
    const attendance = await app.ok('GET', `/events/${fair.id}/attendance`, {
      token: leaderToken,
    });
    const mine = attendance.items.find((a: Json) => a.memberId === wang.id);
    expect(mine.checkInMethod).toBe('self');
    expect(mine.checkOutAt).toBeNull();
    expect(said).toContain(`签到成功 ${localTime(mine.checkInAt)}`);
    expect(new URL(phone.page.url()).search).toBe(`?event=${fair.id}&code=${code.code}`);
    expect(
      await textWith(phone.page.getByTestId('checkin-event'), '十二月雷锋号便民大集'),
    ).toContain('岭南社区广场');
    expect(await overflowing(phone.page)).toEqual([]);
    await screenshot(phone.page, 'events-check-in-done-375');

    // Scanned again on the way out: already in, so the page offers the check-out.
    const fresh = await app.ok('GET', `/events/${fair.id}/check-in-code`, { token: leaderToken });
    await phone.page.goto(`${app.baseUrl}${fresh.path}`);
    expect(await textWith(result, '已签到')).toContain(`已签到 ${localTime(mine.checkInAt)}`);
    await phone.page.getByTestId('check-out').click();
    const out = await textWith(result, '签退成功');
    const after = await app.ok('GET', `/events/${fair.id}/attendance`, { token: leaderToken });
    const done = after.items.find((a: Json) => a.memberId === wang.id);
    expect(done.checkOutMethod).toBe('self');
    expect(out).toContain(`签退成功 ${localTime(done.checkOutAt)}`);
    await screenshot(phone.page, 'events-check-out-done-375');
    await phone.page.getByRole('button', { name: 'English' }).click();
    expect(await textWith(result, 'Checked out')).toContain(
      `Checked out ${localTime(done.checkOutAt)}`,
    );
    await phone.page.goto(`${app.baseUrl}/me`);
    expect(
      await textWith(phone.page.getByTestId(`event-${fair.id}`).getByTestId('my-state'), 'out'),
    ).toBe(
      `✓ You are signed up · checked in ${localTime(done.checkInAt)} · checked out ${localTime(done.checkOutAt)}`,
    );
    await screenshot(phone.page, 'events-volunteer-english-375');
    await phone.page.getByRole('button', { name: '中文' }).click();
    await phone.context.close();
  });

  it('should explain an expired or wrong code in words and check nobody in', async () => {
    const patrol = await planEvent('周末治安巡逻', undefined, ['daily_patrol']);
    const zhao = members[2];
    for (const [device, tag] of [
      [PHONE, '375'],
      [PHONE_ZOOM_200, 'phone-zoom200'],
    ] as const) {
      const { context, page } = await newPage(browser, device);
      // Not the code of this minute or the last: what a photo sent home holds when it is opened
      // later (the service answers a stale code and a wrong one alike).
      const now = await app.ok('GET', `/events/${patrol.id}/check-in-code`, { token: leaderToken });
      const stale = `${now.code[0] === 'A' ? 'B' : 'A'}${now.code.slice(1)}`;
      await page.goto(`${app.baseUrl}/me/check-in?event=${patrol.id}&code=${stale}`);
      await volunteerLogin(page, zhao);
      expect(
        await textOf(
          page.getByTestId('check-in-error'),
          '二维码已过期，请重新扫描现场屏幕上的二维码。',
        ),
      ).toBe('二维码已过期，请重新扫描现场屏幕上的二维码。');
      expect(await page.getByTestId('check-in-result').count()).toBe(0);
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `events-check-in-expired-${tag}`);
      await context.close();
    }
    const attendance = await app.ok('GET', `/events/${patrol.id}/attendance`, {
      token: leaderToken,
    });
    expect(attendance.items).toEqual([]);
  });

  it('should let an admin approve a whole closed event in one click and ticked records in another', async () => {
    const [wang, li, zhao, sun, zhou] = members;
    const fair = await planEvent('十二月便民大集（审核）');
    // Three checked in and out by the leader's scan (their arrival put back by 补录, so they
    // served a counted time), two logged by hand (a time item).
    for (const m of [wang, li, zhao]) {
      await app.ok('POST', `/events/${fair.id}/check-in`, {
        token: leaderToken,
        body: { passbookNo: m.passbookNo, itemCode: 'appliance_repair' },
        status: 200,
      });
      await app.ok('POST', `/events/${fair.id}/attendance/${m.id}/correction`, {
        token: leaderToken,
        body: {
          checkInAt: new Date(Date.now() - 50 * 60_000).toISOString(),
          reason: '到场时忘了扫码',
        },
        status: 200,
      });
      await app.ok('POST', `/events/${fair.id}/check-out`, {
        token: leaderToken,
        body: { passbookNo: m.passbookNo },
        status: 200,
      });
    }
    for (const m of [sun, zhou]) {
      await app.ok('PUT', `/events/${fair.id}/attendance/${m.id}`, {
        token: leaderToken,
        body: { itemCode: 'haircut', quantity: '2' },
        status: 200,
      });
    }
    const closed = await app.ok('POST', `/events/${fair.id}/close`, {
      token: leaderToken,
      idempotent: true,
      body: {},
    });
    expect(closed.records.map((r: Json) => r.status)).toEqual(Array(5).fill('pending'));
    // Two records logged by the old form, pending too.
    const byForm = await app.ok('POST', '/activities', {
      token: leaderToken,
      idempotent: true,
      body: {
        teamId,
        itemCode: 'cleanup',
        title: '楼道清扫',
        serviceDate: local().date,
        participants: [
          { memberId: wang.id, quantity: '1' },
          { memberId: li.id, quantity: '1' },
        ],
      },
    });

    // On a phone the groups and their records fit too.
    const phone = await newPage(browser, PHONE);
    await adminLogin(phone.page);
    await phone.page.goto(`${app.baseUrl}/admin/approvals`);
    await phone.page.getByTestId(`pending-group-${fair.id}`).locator('summary').click();
    await phone.page.getByTestId(`pending-group-${fair.id}`).locator('tbody tr').first().waitFor();
    expect(await overflowing(phone.page)).toEqual([]);
    await screenshot(phone.page, 'events-approvals-375');
    await phone.context.close();

    const { context, page } = await newPage(browser, DESKTOP);
    await adminLogin(page);
    await page.goto(`${app.baseUrl}/admin/approvals`);
    const group = page.getByTestId(`pending-group-${fair.id}`);
    expect(await textWith(group, '十二月便民大集（审核）')).toContain('岭南社区广场');
    expect(await textWith(group.getByTestId('group-totals'), '5 条待审核')).toContain(
      '5 条待审核 · 5 人',
    );
    expect(await textWith(page.getByTestId('pending-summary'), '共 7 条')).toBe(
      '共 7 条待审核，来自 1 个活动。',
    );
    await screenshot(page, 'events-approvals-grouped');
    await group.locator('summary').click();
    expect(await group.locator('tbody tr').count()).toBe(5);
    expect(await textWith(group.locator('tbody'), '（补录）')).toContain('王秀兰');
    await screenshot(page, 'events-approvals-event-open');
    await group.getByTestId('approve-event').click();
    expect(
      await textOf(
        page.getByTestId('approvals-done'),
        '已通过「十二月便民大集（审核）」的 5 条记录。',
      ),
    ).toBe('已通过「十二月便民大集（审核）」的 5 条记录。');
    await group.waitFor({ state: 'detached' });
    const approved = await app.ok('GET', `/service-records?eventId=${fair.id}`, { token: admin });
    expect(approved.items.map((r: Json) => r.status)).toEqual(Array(5).fill('posted'));

    // The form's two: ticked at once, approved in one request.
    const forms = page.getByTestId('pending-group-forms');
    await forms.getByTestId('tick-all').check();
    await forms.getByTestId('approve-ticked').click();
    expect(await textOf(page.getByTestId('approvals-done'), '已通过 2 条记录。')).toBe(
      '已通过 2 条记录。',
    );
    expect(await textWith(page.getByTestId('admin-page'), '没有待审核的记录。')).toContain(
      '没有待审核的记录。',
    );
    await screenshot(page, 'events-approvals-done');
    for (const r of byForm.records) {
      const record = await app.ok('GET', `/service-records/${r.id}`, { token: admin });
      expect(record.status).toBe('posted');
    }

    // An event that did not happen as logged: rejected whole, with the reason, in one request.
    const clinic = await planEvent('义诊（未举行）', undefined, ['free_clinic']);
    for (const m of [wang, li]) {
      await app.ok('PUT', `/events/${clinic.id}/attendance/${m.id}`, {
        token: leaderToken,
        body: { itemCode: 'free_clinic', quantity: '1' },
        status: 200,
      });
    }
    await app.ok('POST', `/events/${clinic.id}/close`, {
      token: leaderToken,
      idempotent: true,
      body: {},
    });
    await page.reload();
    const rejectGroup = page.getByTestId(`pending-group-${clinic.id}`);
    await rejectGroup.getByRole('button', { name: '整个活动不通过…' }).click();
    await rejectGroup.locator('input[name=reason]').fill('当天因雨取消，未举行');
    await rejectGroup.getByRole('button', { name: '驳回整个活动（2 条）' }).click();
    expect(
      await textOf(page.getByTestId('approvals-done'), '已驳回「义诊（未举行）」的 2 条记录。'),
    ).toBe('已驳回「义诊（未举行）」的 2 条记录。');
    await context.close();
    const rejected = await app.ok('GET', `/service-records?eventId=${clinic.id}`, {
      token: admin,
    });
    expect(rejected.items.map((r: Json) => [r.status, r.rejectReason])).toEqual([
      ['rejected', '当天因雨取消，未举行'],
      ['rejected', '当天因雨取消，未举行'],
    ]);
  });

  it('should show a leader what is already recorded and log it again only when confirmed', async () => {
    const zhou = members[4];
    const today = local().date;
    const first = await app.ok('POST', '/service-records', {
      token: leaderToken,
      idempotent: true,
      body: { memberId: zhou.id, itemCode: 'free_clinic', quantity: '2', serviceDate: today },
    });

    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('leader-fair');
    await page.locator('input[name=password]').fill('password-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('leader-page').waitFor();
    await page.locator('select[name=itemCode]').selectOption('free_clinic');
    await page.locator('input[name=title]').fill('下午义诊');
    await page.getByTestId(`qty-${zhou.id}`).fill('2');
    await page.getByTestId('submit-activity').click();
    const prompt = page.getByTestId('duplicate-confirm');
    expect(await textWith(prompt.getByTestId('duplicates'), '待审核')).toBe(
      `周慧敏：义诊 2 小时，${first.points} 分，待审核（记录 ${first.id} 号）`,
    );
    expect(await page.getByTestId('error').count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-duplicate-375');
    await prompt.getByTestId('confirm-duplicate').click();
    expect(await textWith(page.getByTestId('activity-done'), '已记录 1 人')).toContain(
      '1 条待管理员审核后入账',
    );
    expect(await prompt.count()).toBe(0);
    await screenshot(page, 'events-leader-duplicate-confirmed-375');
    await context.close();

    const records = await app.ok(
      'GET',
      `/service-records?memberId=${zhou.id}&from=${today}&to=${today}`,
      { token: admin },
    );
    const clinic = records.items.filter((r: Json) => r.itemCode === 'free_clinic');
    expect(clinic.map((r: Json) => r.confirmedDistinctFrom ?? null).sort()).toEqual(
      [first.id, null].sort(),
    );
  });
});
