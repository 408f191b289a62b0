import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import QRCode from 'qrcode';
import {
  ADMIN_PASSWORD,
  Json,
  launchBrowser,
  newPage,
  noonZone,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  SCREENSHOT_DIR,
  settledText,
  textWith,
} from './browser-harness';

/** The community's zone in this run: about noon now, so today's event never crosses midnight. */
const ZONE = noonZone();

/** The community's wall clock now, "HH:MM" (the events are planned in its zone). */
function localNow(): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** An event from two hours before now (on a quarter hour) to two hours after, today. */
function eventHours(): { date: string; startsAt: string; endsAt: string; start: number } {
  const now = localNow();
  const start = Math.max(0, Math.floor((now.minutes - 120) / 15) * 15);
  const end = Math.min(23 * 60 + 59, now.minutes + 120);
  return { date: now.date, startsAt: hhmm(start), endsAt: hhmm(end), start };
}

/**
 * A camera's picture of a QR code for Chromium's fake camera: a Y4M video (grey frames, the code
 * black on white in the middle), which Chromium plays in a loop as the camera's stream.
 */
function qrVideo(text: string, path: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = 320;
  const height = 240;
  const cell = 6;
  const size = qr.modules.size;
  const left = Math.floor((width - size * cell) / 2);
  const top = Math.floor((height - size * cell) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * cell; y++) {
    for (let x = 0; x < size * cell; x++) {
      if (qr.modules.get(Math.floor(y / cell), Math.floor(x / cell))) {
        luma[(top + y) * width + left + x] = 16;
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array.from({ length: 10 }, () => frame),
    ]),
  );
}

/**
 * A team leader runs an event on a 375 px phone: plans it with sign-up, sees who signed up, checks
 * volunteers in with a USB scanner (keys a few ms apart, then Enter) and by tapping a name, shows
 * the rotating self check-in code, checks out (a second scan asks first), 补录s a forgotten
 * check-out and closes the event into service records.
 */
describe('Leader events page', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let leaderId: number;
  let team: { id: number; name: string };

  beforeAll(async () => {
    app = await RunningApp.start({ COMMUNITY_TZ: ZONE.timeZone });
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const leader = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'leader-events', password: 'password-123', role: 'leader' },
    });
    leaderId = leader.id;
    team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '雷锋服务队', leaderUserIds: [leaderId] },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newVolunteer(name: string): Promise<{ id: number; passbookNo: string }> {
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: { name, kind: 'resident', pin: '246810' },
    });
    await app.ok('POST', `/teams/${team.id}/members`, {
      token: admin,
      body: { memberId: member.id },
    });
    return member;
  }

  async function volunteerToken(passbookNo: string): Promise<string> {
    const body = await app.ok('POST', '/auth/passbook-login', {
      body: { passbookNo, pin: '246810' },
      status: 200,
    });
    return body.token as string;
  }

  async function leaderPage(): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('leader-events');
    await page.locator('input[name=password]').fill('password-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('leader-page').waitFor();
    return { page, close: () => context.close() };
  }

  /** What a USB scanner sends, wherever the focus is: the characters a few ms apart, then Enter. */
  async function scan(page: Page, passbookNo: string) {
    await page.keyboard.type(`${passbookNo}\n`, { delay: 5 });
  }

  const row = (page: Page, memberId: number) => page.getByTestId(`att-${memberId}`);

  it('should plan an event, check volunteers in and out, 补录 one and close it', async () => {
    const zhang = await newVolunteer('张志明');
    const liu = await newVolunteer('刘淑珍');
    const chen = await newVolunteer('陈国强');
    const wang = await newVolunteer('王秀兰');
    const hours = eventHours();
    const { page, close } = await leaderPage();

    // Plan it from the leader's page.
    await page.getByTestId('events-link').click();
    await page.getByTestId('leader-events').waitFor();
    await page.getByTestId('plan-event').click();
    const form = page.getByTestId('plan-form');
    await form.locator('input[name=title]').fill('十二月雷锋号便民大集');
    await form.locator('input[name=place]').fill('社区文化广场');
    await form.locator('input[name=date]').fill(hours.date);
    await form.locator('input[name=startsAt]').fill(hours.startsAt);
    await form.locator('input[name=endsAt]').fill(hours.endsAt);
    // The leader's only team is ticked already.
    expect(await form.locator(`input[name=teamIds][value="${team.id}"]`).isChecked()).toBe(true);
    await form.locator('input[name=itemCodes][value=leifeng_fair]').check();
    await form.locator('input[name=itemCodes][value=cleanup]').check();
    await form.locator('input[name=withSignup]').check();
    await form.locator('input[name=capacity]').fill('20');
    // Open until the event ends (by default sign-up closes when it starts, two hours ago here).
    await form.locator('input[name=deadline]').fill(`${hours.date}T${hours.endsAt}`);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-plan-375');
    await form.getByTestId('create-event').click();
    await page.getByTestId('event-day').waitFor();
    const eventId = Number(/\/leader\/events\/(\d+)$/.exec(page.url())![1]);
    // This browser has no camera: no camera button.
    await page.getByTestId('scan-box').waitFor();
    expect(await page.getByTestId('camera-scan').count()).toBe(0);
    expect(await page.getByTestId('event-title').textContent()).toBe('十二月雷锋号便民大集');
    const planned: Json = await app.ok('GET', `/events/${eventId}`, { token: admin });
    expect(planned).toMatchObject({
      title: '十二月雷锋号便民大集',
      place: '社区文化广场',
      date: hours.date,
      startsAt: hours.startsAt,
      endsAt: hours.endsAt,
      status: 'planned',
      teams: [{ id: team.id, name: '雷锋服务队' }],
      signup: { audience: 'teams', capacity: 20, signedUp: 0 },
    });
    expect(planned.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'cleanup',
      'leifeng_fair',
    ]);

    // 王秀兰 signs up on her phone; the leader sees her after a refresh.
    await app.ok('POST', `/me/events/${eventId}/signup`, {
      token: await volunteerToken(wang.passbookNo),
    });
    await page.getByTestId('signups').getByRole('button', { name: '刷新' }).click();
    await page.getByTestId(`signup-${wang.id}`).waitFor();
    expect(await page.getByTestId(`signup-${wang.id}`).textContent()).toContain('王秀兰');
    expect(await page.getByTestId('signups').locator('h2').textContent()).toBe('报名（1/20）');

    // Two scans with the focus nowhere in particular, one tap on a signed-up name.
    await page.locator('select[name=checkinItem]').selectOption('leifeng_fair');
    await page.getByTestId('event-title').click();
    await scan(page, zhang.passbookNo);
    await row(page, zhang.id).waitFor();
    await scan(page, liu.passbookNo);
    await row(page, liu.id).waitFor();
    await page.getByTestId(`tap-signup-${wang.id}`).click();
    await row(page, wang.id).waitFor();
    expect(await textWith(page.getByTestId('scan-notice'), '王秀兰 已签到')).toContain(
      '王秀兰 已签到',
    );
    const checkedIn: Json = await app.ok('GET', `/events/${eventId}/attendance`, {
      token: admin,
    });
    expect(
      checkedIn.items.map((a: Json) => [a.name, a.checkInMethod, a.itemCode, a.checkOutAt]).sort(),
    ).toEqual([
      ['刘淑珍', 'scan', 'leifeng_fair', null],
      ['张志明', 'scan', 'leifeng_fair', null],
      ['王秀兰', 'name', 'leifeng_fair', null],
    ]);
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-checked-in-375');

    // The self check-in code, shown big, is the service's current one and is fetched again.
    let codeFetches = 0;
    await page.route(`**/api/events/${eventId}/check-in-code`, async (route) => {
      codeFetches += 1;
      const res = await route.fetch();
      const body = await res.json();
      // Said to expire in 6 s, so the page must come back for the next one within the test.
      await route.fulfill({
        response: res,
        json: { ...body, validUntil: new Date(Date.now() + 6_000).toISOString() },
      });
    });
    await page.getByTestId('toggle-code').click();
    const codeValue = page.getByTestId('code-value');
    await codeValue.waitFor({ state: 'attached' });
    const current: Json = await app.ok('GET', `/events/${eventId}/check-in-code`, {
      token: admin,
    });
    expect(current.path).toBe(`/me/check-in?event=${eventId}&code=${current.code}`);
    expect(await settledText(codeValue, (t) => t === current.code)).toBe(current.code);
    expect(await page.getByTestId('code-valid').textContent()).toContain('每 60 秒更换');
    const qrBox = await page.locator('[data-testid=self-checkin] .qr').boundingBox();
    expect(qrBox!.width).toBeGreaterThan(300);
    await screenshot(page, 'events-leader-code-375');
    await page.waitForTimeout(4_000);
    expect(codeFetches).toBeGreaterThanOrEqual(2);
    await page.getByTestId('toggle-code').click();
    await page.unroute(`**/api/events/${eventId}/check-in-code`);

    // A second scan of someone checked in asks first: nothing is checked out silently.
    await page.getByTestId('event-title').click();
    await scan(page, liu.passbookNo);
    const ask = page.getByTestId('ask-checkout');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('刘淑珍');
    expect(await ask.textContent()).toContain('签退？');
    await screenshot(page, 'events-leader-ask-checkout-375');
    const stillIn: Json = await app.ok('GET', `/events/${eventId}/attendance`, { token: admin });
    expect(stillIn.items.find((a: Json) => a.memberId === liu.id).checkOutAt).toBeNull();
    await page.getByTestId('confirm-checkout').click();
    expect(await textWith(page.getByTestId('scan-notice'), '刘淑珍 已签退')).toContain(
      '刘淑珍 已签退',
    );
    // A tap on a checked-in name asks the same.
    await page.getByTestId(`tap-${wang.id}`).click();
    await ask.waitFor();
    await page.getByTestId('confirm-checkout').click();
    expect(await textWith(page.getByTestId('scan-notice'), '王秀兰 已签退')).toContain(
      '王秀兰 已签退',
    );

    // 张志明 forgot to check out: 补录 with a reason, shown as 补录 in the list.
    await page.getByTestId(`correct-${zhang.id}`).click();
    const correction = page.getByTestId('correction-form');
    await correction.locator('input[name=checkInAt]').fill(hhmm(hours.start));
    await correction.locator('input[name=checkOutAt]').fill(hhmm(hours.start + 120));
    await correction.locator('input[name=reason]').fill('忘记签退');
    await correction.getByTestId('save-correction').click();
    await row(page, zhang.id).getByTestId('att-corrected').waitFor();
    expect(await row(page, zhang.id).getByTestId('att-corrected').textContent()).toBe(
      '补录：忘记签退',
    );
    expect(await row(page, zhang.id).getByTestId('att-times').textContent()).toBe(
      `${hhmm(hours.start)}–${hhmm(hours.start + 120)}`,
    );

    // 陈国强 came without his passbook: added by hand with an item and a quantity.
    await page.getByTestId('add-by-hand').click();
    const hand = page.getByTestId('hand-form');
    await hand.locator('select[name=memberId]').selectOption(String(chen.id));
    await hand.locator('select[name=itemCode]').selectOption('cleanup');
    await hand.locator('input[name=quantity]').fill('2');
    await hand.getByTestId('save-hand').click();
    await row(page, chen.id).waitFor();
    expect(await row(page, chen.id).getByTestId('att-hours').textContent()).toBe('2 小时');

    const before: Json = await app.ok('GET', `/events/${eventId}/attendance`, { token: admin });
    const zhangView = before.items.find((a: Json) => a.memberId === zhang.id);
    expect(zhangView).toMatchObject({
      checkOutMethod: 'corrected',
      correction: { reason: '忘记签退' },
      hours: '2.00',
    });
    // What the page shows per person is what the service says close will count.
    for (const a of before.items as Json[]) {
      const shown = await row(page, a.memberId).getByTestId('att-hours').textContent();
      expect({ name: a.name, shown }).toEqual({
        name: a.name,
        shown: a.hours === null ? '—' : `${a.hours.replace(/\.?0+$/, '')} 小时`,
      });
    }
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-day-375');

    // A photo of the day, uploaded from the phone and shown.
    const png = await page.screenshot();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: '大集.png', mimeType: 'image/png', buffer: png });
    await page.locator('img.ev-photo').waitFor();
    const photos: Json = await app.ok('GET', `/events/${eventId}/photos`, { token: admin });
    expect(photos.items).toHaveLength(1);
    expect(photos.items[0]).toMatchObject({ contentType: 'image/png', size: png.length });

    // Close: all four become service records.
    await page.getByTestId('close-button').click();
    await page.getByTestId('confirm-close').click();
    await page.locator('[data-testid=close-done], [data-testid=close-error]').first().waitFor();
    expect(await page.getByTestId('close-error').allTextContents()).toEqual([]);
    expect(await textWith(page.getByTestId('close-done'), '活动已结束')).toContain(
      '记了 4 条服务记录',
    );
    expect(await textWith(page.getByTestId('event-status'), '已结束')).toBe('已结束记分');
    await screenshot(page, 'events-leader-closed-375');
    const closed: Json = await app.ok('GET', `/events/${eventId}`, { token: admin });
    expect(closed.status).toBe('closed');
    const records: Json = await app.ok('GET', `/service-records?teamId=${team.id}`, {
      token: admin,
    });
    // The fair counts once each (3 points); its hours are the time served: the 补录 two hours, the
    // seconds between a scan and its check-out none; 陈国强's two hours of cleaning by hand.
    const byMember = (rs: Json[]) =>
      rs
        .map((r: Json) => [r.memberName, r.itemCode, r.quantity, r.hours, r.points, r.status])
        .sort();
    expect(byMember(records.items)).toEqual(
      byMember([
        {
          memberName: '张志明',
          itemCode: 'leifeng_fair',
          quantity: '1.00',
          hours: '2.00',
          points: '3.00',
          status: 'posted',
        },
        {
          memberName: '刘淑珍',
          itemCode: 'leifeng_fair',
          quantity: '1.00',
          hours: '0.00',
          points: '3.00',
          status: 'posted',
        },
        {
          memberName: '王秀兰',
          itemCode: 'leifeng_fair',
          quantity: '1.00',
          hours: '0.00',
          points: '3.00',
          status: 'posted',
        },
        {
          memberName: '陈国强',
          itemCode: 'cleanup',
          quantity: '2.00',
          hours: '2.00',
          points: '2.00',
          status: 'posted',
        },
      ]),
    );
    expect(await page.getByTestId('close-done').textContent()).toContain('共 11.00 分');
    await close();
  });

  it('should explain an open check-in and a likely duplicate, and confirm another service', async () => {
    const zhao = await newVolunteer('赵建华');
    const hours = eventHours();
    // Logged once already today, before the event (the same item, no times).
    await app.ok('POST', '/service-records', {
      token: admin,
      idempotent: true,
      body: {
        memberId: zhao.id,
        itemCode: 'haircut',
        quantity: '1',
        serviceDate: hours.date,
        teamId: team.id,
      },
    });
    const leader = await app.loginStaff('leader-events', 'password-123');
    const event: Json = await app.ok('POST', '/events', {
      token: leader,
      body: {
        title: '周末便民服务',
        place: '社区服务中心',
        date: hours.date,
        startsAt: hours.startsAt,
        endsAt: hours.endsAt,
        teamIds: [team.id],
        itemCodes: ['haircut'],
      },
    });
    const { page, close } = await leaderPage();
    await page.goto(`${app.baseUrl}/leader/events/${event.id}`);
    await page.getByTestId('event-day').waitFor();
    await page.getByTestId('event-title').click();
    await scan(page, zhao.passbookNo);
    await row(page, zhao.id).waitFor();

    await page.getByTestId('close-button').click();
    await page.getByTestId('confirm-close').click();
    expect(await textWith(page.getByTestId('close-error'), '没有签退')).toContain(
      '还有人签到后没有签退：赵建华',
    );
    await screenshot(page, 'events-leader-open-375');

    await scan(page, zhao.passbookNo);
    await page.getByTestId('confirm-checkout').click();
    await textWith(page.getByTestId('scan-notice'), '赵建华 已签退');
    await page.getByTestId('close-button').click();
    await page.getByTestId('confirm-close').click();
    expect(await textWith(page.getByTestId('close-error'), '可能重复')).toContain(
      '赵建华 今天已经有同一项目的服务记录',
    );
    const stillPlanned: Json = await app.ok('GET', `/events/${event.id}`, { token: admin });
    expect(stillPlanned.status).toBe('planned');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-duplicate-375');
    await page.getByTestId('confirm-distinct').click();
    expect(await textWith(page.getByTestId('close-done'), '活动已结束')).toContain(
      '记了 1 条服务记录',
    );
    const records: Json = await app.ok('GET', `/service-records?memberId=${zhao.id}`, {
      token: admin,
    });
    expect(records.items).toHaveLength(2);
    await close();
  });

  it('should check a volunteer in from the phone camera reading the passbook QR code', async () => {
    const hours = eventHours();
    const member = await newVolunteer('孙丽娟');
    const leader = await app.loginStaff('leader-events', 'password-123');
    const event: Json = await app.ok('POST', '/events', {
      token: leader,
      body: {
        title: '社区清洁日',
        place: '社区东门',
        date: hours.date,
        startsAt: hours.startsAt,
        endsAt: hours.endsAt,
        teamIds: [team.id],
        itemCodes: ['cleanup'],
      },
    });
    // The QR code printed in the passbook (pages/print.tsx) holds its number.
    const video = join(SCREENSHOT_DIR, 'passbook-qr.y4m');
    qrVideo(member.passbookNo, video);
    const cameraBrowser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--lang=zh-CN',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
      env: { ...process.env, LANGUAGE: 'zh_CN' },
    });
    try {
      const context = await cameraBrowser.newContext({
        ...PHONE,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        permissions: ['camera'],
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${app.baseUrl}/`);
      await page.getByRole('tab', { name: '工作人员' }).click();
      await page.locator('input[name=username]').fill('leader-events');
      await page.locator('input[name=password]').fill('password-123');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('leader-page').waitFor();
      await page.goto(`${app.baseUrl}/leader/events/${event.id}`);
      await page.getByTestId('camera-scan').waitFor();
      await page.getByRole('button', { name: '用摄像头扫存折' }).click();
      await row(page, member.id).waitFor();
      expect(await textWith(page.getByTestId('scan-notice'), '孙丽娟 已签到')).toContain(
        '孙丽娟 已签到',
      );
      await screenshot(page, 'events-leader-camera-375');
      await page.getByRole('button', { name: '关闭摄像头' }).click();
      const attendance: Json = await app.ok('GET', `/events/${event.id}/attendance`, {
        token: admin,
      });
      expect(attendance.items.map((a: Json) => [a.name, a.checkInMethod, a.itemCode])).toEqual([
        ['孙丽娟', 'scan', 'cleanup'],
      ]);
      await context.close();
    } finally {
      await cameraBrowser.close();
    }
  });

  it('should stay usable at 200 % zoom on the phone', async () => {
    const hours = eventHours();
    const leader = await app.loginStaff('leader-events', 'password-123');
    const member = await newVolunteer('欧阳春花');
    const event: Json = await app.ok('POST', '/events', {
      token: leader,
      body: {
        title: '重阳节敬老志愿服务活动（社区养老服务站）',
        place: '社区养老服务站二楼活动室',
        date: hours.date,
        startsAt: hours.startsAt,
        endsAt: hours.endsAt,
        teamIds: [team.id],
        itemCodes: ['elderly_visit', 'haircut'],
        signup: { audience: 'community', capacity: 30 },
      },
    });
    await app.ok('POST', `/events/${event.id}/check-in`, {
      token: leader,
      body: { passbookNo: member.passbookNo, itemCode: 'haircut' },
      status: 200,
    });
    // A 375 px phone at 200 % shows 187 CSS pixels.
    const context = await browser.newContext({
      viewport: { width: 187, height: 370 },
      deviceScaleFactor: 4,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('leader-events');
    await page.locator('input[name=password]').fill('password-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('leader-page').waitFor();
    await page.goto(`${app.baseUrl}/leader/events/${event.id}`);
    await row(page, member.id).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-day-zoom200');
    // Another day's event: no check-in yet, said in words.
    const tomorrow: Json = await app.ok('POST', '/events', {
      token: leader,
      body: {
        title: '明天的活动',
        place: '社区广场',
        date: new Date(Date.parse(`${hours.date}T12:00:00+08:00`) + 86_400_000)
          .toISOString()
          .slice(0, 10),
        startsAt: '08:30',
        endsAt: '11:30',
        teamIds: [team.id],
        itemCodes: ['haircut'],
      },
    });
    await page.goto(`${app.baseUrl}/leader/events/${tomorrow.id}`);
    expect(await textWith(page.getByTestId('not-event-day'), '活动当天')).toContain(
      '签到、签退在活动当天',
    );
    expect(await page.getByTestId('scan-box').count()).toBe(0);
    await page.goto(`${app.baseUrl}/leader/events`);
    await page.getByTestId(`event-${event.id}`).waitFor();
    // Today's (all four events of this file's tests), then the coming one.
    const order = await page
      .getByTestId('event-list')
      .locator('a')
      .evaluateAll((as) => as.map((a) => Number(a.getAttribute('data-testid')!.slice(6))));
    expect({ today: order.slice(0, 4).sort(), next: order[4] }).toEqual({
      today: [1, 2, 3, event.id],
      next: tomorrow.id,
    });
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-list-zoom200');
    await page.getByTestId('plan-event').click();
    await page.getByTestId('plan-form').locator('input[name=itemCodes]').first().waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'events-leader-plan-zoom200');
    await context.close();
  });
});
