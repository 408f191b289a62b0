import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  launchBrowser,
  overflowing,
  PHONE,
  httpCall,
  RunningApp,
  screenshot,
  SCREENSHOT_DIR,
  textWith,
  ZOOM_200,
} from './browser-harness';

/** A 375 px phone at 200 % zoom: about 188 × 370 CSS pixels. */
const PHONE_ZOOM_200 = {
  viewport: { width: 188, height: 370 },
  deviceScaleFactor: 4,
  isMobile: true,
  hasTouch: true,
};

/** Not the community's zone (Asia/Shanghai): in December New York is 13 hours behind it. */
const DEVICE_ZONE = 'America/New_York';

const pad = (n: number) => String(n).padStart(2, '0');

/** Tomorrow's date in Shanghai (YYYY-MM-DD). */
function shanghaiDate(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The small defects of issue 13, each seen in real Chromium on a device whose clock is set to
 * another zone than the community's.
 */
describe('Small defects (issue 13)', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    app = await RunningApp.start({
      COMMUNITY_NAME: '岭南社区',
      PUBLIC_URL: 'https://passbook.example.cn',
    });
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function open(
    device: typeof PHONE | typeof DESKTOP | typeof PHONE_ZOOM_200,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      ...device,
      locale: 'zh-CN',
      timezoneId: DEVICE_ZONE,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return { context, page };
  }

  async function staffLogin(page: Page, username: string, password = 'password-123') {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  async function volunteerLogin(page: Page, passbookNo: string) {
    await page.goto(`${app.baseUrl}/`);
    await page.locator('input[name=passbookNo]').fill(passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
    await page.getByTestId('balance').waitFor();
  }

  async function newMember(name: string, points?: string) {
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: { name, kind: 'resident', pin: '246810' },
    });
    if (points) {
      await app.ok('POST', '/ledger/adjustments', {
        token: admin,
        idempotent: true,
        body: { passbookNo: member.passbookNo, amount: `+${points}`, reason: '纸质存折结转' },
      });
    }
    return member as { id: number; passbookNo: string };
  }

  /** An ad-hoc window open now and closing tomorrow at 18:00 Shanghai time. */
  let windowClosesAt = '';
  async function openWindow(): Promise<void> {
    if (windowClosesAt) {
      return;
    }
    windowClosesAt = `${shanghaiDate(1)}T18:00:00+08:00`;
    await app.ok('POST', '/redemption-windows', {
      token: admin,
      body: { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: windowClosesAt },
    });
  }

  it('should answer a mistyped page address with a Chinese page, and the API with JSON', async () => {
    const { context, page } = await open(PHONE);
    for (const [path, meant, name] of [
      ['/me/', '/me', '我的存折'],
      ['/Counter', '/counter', '兑换柜台'],
    ]) {
      const res = await page.goto(`${app.baseUrl}${path}`);
      expect(res?.status()).toBe(404);
      expect(await textWith(page.getByTestId('not-found'), '没有这个页面')).toContain(
        `地址「${path}」不对`,
      );
      // The page by its name, never its raw path.
      const link = page.getByRole('link', { name: `打开${name}` });
      expect(await link.getAttribute('href')).toBe(meant);
      expect(await page.getByTestId('not-found').textContent()).not.toContain(`打开 ${meant}`);
    }
    await screenshot(page, 'not-found-375');
    await page.getByRole('link', { name: '打开兑换柜台' }).click();
    // Not logged in: the counter asks for a login first.
    await page.getByRole('tab', { name: '工作人员' }).waitFor();
    const api = await page.goto(`${app.baseUrl}/api/no-such-thing`);
    expect(api?.status()).toBe(404);
    expect(JSON.parse(await page.locator('body').innerText())).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'not found',
    });
    await context.close();
  });

  it("should show the window's end and a receipt in the community's zone, not the device's", async () => {
    await openWindow();
    const member = await newMember('钱玉兰', '200.00');
    const rice = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '大米 5斤（时区）', kind: 'goods', price: '133.00', stock: 5 },
    });
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-tz', password: 'password-123', role: 'clerk' },
    });
    const { context, page } = await open(DESKTOP);
    await staffLogin(page, 'clerk-tz');
    // 18:00 in Shanghai is 05:00 in New York: the banner says the community's 18:00.
    expect(await textWith(page.getByTestId('window-banner'), '结束')).toContain(
      `到 ${shanghaiDate(1)} 18:00 结束`,
    );
    await page.getByTestId('lookup-input').fill(member.passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
    await page.getByTestId(`add-${rice.id}`).click();
    await page.getByTestId('redeem').click();
    await page.getByTestId('receipt').waitFor();
    const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
    const shanghaiNow = new Date(Date.now() + 8 * 3600_000);
    const hour = `${shanghaiDate(0)} ${pad(shanghaiNow.getUTCHours())}:`;
    expect(receipt).toContain(hour);
    expect(await page.getByTestId('receipt-window').textContent()).toContain(
      `${shanghaiDate(1)} 18:00`,
    );
    await screenshot(page, 'counter-receipt-community-zone');
    await context.close();
  });

  it('should keep the redeem button waiting, with the reason, when the points are short', async () => {
    await openWindow();
    const member = await newMember('孙志华', '5.00');
    const soap = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '洗衣液', kind: 'goods', price: '12.00', stock: 3 },
    });
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-short', password: 'password-123', role: 'clerk' },
    });
    const { context, page } = await open(PHONE);
    await staffLogin(page, 'clerk-short');
    await page.getByTestId('lookup-input').fill(member.passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
    await page.getByTestId(`add-${soap.id}`).click();
    expect(await textWith(page.getByTestId('redeem-blocked'), '积分不够')).toBe(
      '兑换按钮已停用：积分不够。',
    );
    expect(await page.getByTestId('redeem').isDisabled()).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'counter-redeem-blocked-375');
    await context.close();
  });

  it('should turn the redeem button off once the page learns the stock is short', async () => {
    await openWindow();
    const member = await newMember('陶淑英', '50.00');
    const other = await newMember('蒋国华', '50.00');
    const oil = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '花生油（库存）', kind: 'goods', price: '5.00', stock: 2 },
    });
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-stock', password: 'password-123', role: 'clerk' },
    });
    const { context, page } = await open(DESKTOP);
    await staffLogin(page, 'clerk-stock');
    await page.getByTestId('lookup-input').fill(member.passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
    await page.getByTestId(`add-${oil.id}`).click();
    await page.getByTestId(`add-${oil.id}`).click();
    expect(await page.getByTestId('redeem').isDisabled()).toBe(false);
    // Another counter gives one away; the refusal reloads the stock, and the button waits.
    await app.ok('POST', '/redemptions', {
      token: admin,
      idempotent: true,
      body: { passbookNo: other.passbookNo, lines: [{ catalogItemId: oil.id, quantity: 1 }] },
    });
    await page.getByTestId('redeem').click();
    expect(await textWith(page.getByTestId('redeem-blocked'), '库存')).toBe(
      '兑换按钮已停用：「花生油（库存）」库存只剩 1 件，请减少数量。',
    );
    expect(await page.getByTestId('redeem').isDisabled()).toBe(true);
    await page.getByRole('button', { name: '花生油（库存） 减一' }).click();
    expect(await page.getByTestId('redeem').isDisabled()).toBe(false);
    await screenshot(page, 'counter-stock-short');
    await context.close();
  });

  it("should label the chart's top value whole and open the report on the right quarter", async () => {
    const { context, page } = await open(DESKTOP);
    await staffLogin(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/admin/report`);
    const max = page.getByTestId('chart-timeline').getByTestId('chart-max');
    await max.waitFor();
    // The biggest month (the redemptions above, 133.00 among them) tops the scale, in full.
    const today = shanghaiDate(0);
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const report = await app.ok('GET', `/reports/quarter/${today.slice(0, 4)}/${quarter}`, {
      token: admin,
    });
    const top = Math.max(
      ...report.byMonth.flatMap((m: Record<string, string>) =>
        [m.earned, m.redeemed, m.donated].map((v) => Math.round(Number(v) * 100)),
      ),
    );
    expect(top).toBeGreaterThanOrEqual(13300);
    expect(await max.textContent()).toBe((top / 100).toFixed(2));
    const clipped = await max.evaluate((el) => {
      const text = (el as SVGTextElement).getBBox();
      return text.x < 0;
    });
    expect(clipped).toBe(false);
    await screenshot(page, 'report-chart');
    await context.close();

    // On 5 January (the service's date), the report opens on last year's fourth quarter.
    const january = await open(DESKTOP);
    await january.page.route('**/api/public/community', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), today: '2027-01-05' } });
    });
    await staffLogin(january.page, 'admin', ADMIN_PASSWORD);
    await january.page.goto(`${app.baseUrl}/admin/report`);
    expect(await textWith(january.page.locator('h2'), '季度报表')).toContain(
      '季度报表：2026年第4季度',
    );
    await january.context.close();
  });

  it('should give the street office a Chinese CSV with category names', async () => {
    const member = await newMember('吴秀英');
    const standard = await app.ok('GET', '/standard', { token: admin });
    const category = standard.categories.find((c: { items: { unit: string }[] }) =>
      c.items.some((i) => i.unit === 'hour'),
    );
    const item = category.items.find((i: { unit: string }) => i.unit === 'hour');
    await app.ok('POST', '/service-records', {
      token: admin,
      idempotent: true,
      body: {
        memberId: member.id,
        itemCode: item.code,
        quantity: '1',
        serviceDate: shanghaiDate(0),
      },
    });
    const q = Math.floor((Number(shanghaiDate(0).slice(5, 7)) - 1) / 3) + 1;
    const year = shanghaiDate(0).slice(0, 4);
    const res = await httpCall(
      `${app.baseUrl}/api/reports/quarter/${year}/${q}?format=csv&lang=zh`,
      'GET',
      { Authorization: `Bearer ${admin}` },
    );
    expect(res.status).toBe(200);
    expect(res.text.startsWith('\ufeff栏目,项目,名称,积分,服务时长（小时）,数量,人数\r\n')).toBe(
      true,
    );
    expect(res.text).toContain(`\r\n按服务类别,${category.code},${category.name},`);
    expect(res.text).not.toMatch(/earned|redeemed|outstanding/);
  });

  it('should print the public address (PUBLIC_URL) and its QR code, not the printing PC address', async () => {
    const member = await newMember('郑淑华', '8.00');
    const { context, page } = await open(DESKTOP);
    await staffLogin(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/print/${member.passbookNo}`);
    const foot = await textWith(page.getByTestId('print-address'), 'passbook.example.cn');
    expect(foot).toContain('凭存折号和密码可在 https://passbook.example.cn 查询余额和明细');
    expect(foot).not.toContain('127.0.0.1');
    await page.locator('.passbook-foot .qr svg').waitFor();
    expect(await page.locator('.qr svg').count()).toBe(2);
    await screenshot(page, 'print-public-address');
    await context.close();
  });

  it('should ask before an adjustment, naming the passbook, the person and the signed amount', async () => {
    const member = await newMember('冯桂兰', '10.00');
    const { context, page } = await open(DESKTOP);
    await staffLogin(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/admin/passbook/${member.passbookNo}`);
    await page.getByRole('textbox', { name: '调整积分（如 +12.50 或 -3）' }).fill('-3');
    await page.getByRole('textbox', { name: '原因', exact: true }).fill('重复录入');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: '记入调整' }).click();
    await page.waitForTimeout(300);
    expect(asked).toEqual([
      `确认给 冯桂兰（存折 ${member.passbookNo}）扣减积分 -3.00 分？\n原因：重复录入\n记入后不能修改，只能再做一笔调整。`,
    ]);
    const untouched = await app.ok('GET', `/passbooks/${member.passbookNo}`, { token: admin });
    expect(untouched.balance).toBe('10.00');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '记入调整' }).click();
    await textWith(page.locator('.msg-ok'), '已调整');
    const after = await app.ok('GET', `/passbooks/${member.passbookNo}`, { token: admin });
    expect(after.balance).toBe('7.00');
    await context.close();
  });

  it('should refuse a fractional number of times before sending, naming the unit', async () => {
    const leader = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'leader-times', password: 'password-123', role: 'leader' },
    });
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '理发义诊队', leaderUserIds: [leader.id] },
    });
    const member = await newMember('何建华');
    await app.ok('POST', `/teams/${team.id}/members`, {
      token: admin,
      body: { memberId: member.id },
    });
    const standard = await app.ok('GET', '/standard', { token: admin });
    const item = standard.categories
      .flatMap((c: { items: { unit: string; adminOnly?: boolean }[] }) => c.items)
      .find((i: { unit: string; adminOnly?: boolean }) => i.unit === 'time' && !i.adminOnly);
    const { context, page } = await open(PHONE);
    await staffLogin(page, 'leader-times');
    await page.locator('select[name=itemCode]').selectOption(item.code);
    await page.locator('input[name=title]').fill('理发');
    await page.locator('input[name=everyone]').fill('1.5');
    await page.getByRole('button', { name: '全部勾选并填入' }).click();
    expect(await textWith(page.getByTestId('fractional-times'), '按次计分')).toBe(
      `「${item.name}」按次计分，次数只能是整数（如 1、2、3）：请改正 何建华 的次数。`,
    );
    expect(await page.getByTestId('submit-activity').isDisabled()).toBe(true);
    await screenshot(page, 'leader-fractional-times-375');

    // Logged whole: the recent records show points and status on a 375 px phone.
    await page.getByTestId(`qty-${member.id}`).fill('1');
    await page.getByTestId('submit-activity').click();
    await page.getByTestId('activity-done').waitFor();
    const points = page.getByTestId('logged-records').getByTestId('record-points').first();
    const status = page.getByTestId('logged-records').getByTestId('record-status').first();
    for (const cell of [points, status]) {
      const box = await cell.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    }
    expect(await status.textContent()).toMatch(/已入账|待审核/);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'leader-records-375');
    await context.close();
  });

  it("should show the notice with the community's name, the issuer and the publication date", async () => {
    const year = Number(shanghaiDate(0).slice(0, 4)) - 1;
    const member = await newMember('曹丽娟');
    const standard = await app.ok('GET', `/standard?date=${year}-12-01`, { token: admin });
    const item = standard.categories
      .flatMap((c: { items: { unit: string }[] }) => c.items)
      .find((i: { unit: string }) => i.unit === 'hour');
    const hours =
      item.maxUnitsPerDay && Number(item.maxUnitsPerDay) < 8 ? item.maxUnitsPerDay : '8';
    for (const day of ['10', '11', '12', '13', '14', '15']) {
      await app.ok('POST', '/service-records', {
        token: admin,
        idempotent: true,
        body: {
          memberId: member.id,
          itemCode: item.code,
          quantity: hours,
          serviceDate: `${year}-12-${day}`,
        },
      });
    }
    await app.ok('POST', `/star-ratings/${year}/run`, { token: admin, body: {}, status: 200 });
    await app.ok('POST', `/star-ratings/${year}/publish`, { token: admin, body: {}, status: 200 });
    const { context, page } = await open(PHONE);
    await page.goto(`${app.baseUrl}/notice/${year}`);
    expect(await textWith(page.locator('h1'), '岭南社区')).toBe(
      `岭南社区 ${year} 年度志愿者评星公示`,
    );
    expect(await textWith(page.getByTestId('notice-sign'), '发布日期')).toBe(
      `特此公示。岭南社区志愿服务站发布日期：${shanghaiDate(0)}`,
    );
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'notice-signed-375');
    await context.close();
  });

  it('should keep the balance on one line and the header short on a phone at 200 % zoom', async () => {
    const member = await newMember('欧阳秀兰', '1234.50');
    const { context, page } = await open(PHONE_ZOOM_200);
    await volunteerLogin(page, member.passbookNo);
    await screenshot(page, 'volunteer-phone-zoom200');
    // What the volunteer sees first, without scrolling.
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'volunteer-phone-zoom200-first-screen.png'),
    });
    const lines = await page.getByTestId('balance').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    const header = await page.locator('header.topbar').boundingBox();
    expect(header && header.height <= 370 / 4).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'volunteer-phone-zoom200');
    await context.close();
  });

  it('should fit the changed pages on a phone at 200 % zoom and a PC at 200 % zoom', async () => {
    const member = await newMember('严秀珍', '3.00');
    const year = Number(shanghaiDate(0).slice(0, 4)) - 1;
    for (const [device, tag] of [
      [PHONE_ZOOM_200, 'phone-zoom200'],
      [ZOOM_200, 'zoom200'],
    ] as const) {
      const { context, page } = await open(device);
      await page.goto(`${app.baseUrl}/Counter`);
      await page.getByTestId('not-found').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `not-found-${tag}`);
      await page.goto(`${app.baseUrl}/notice/${year}`);
      await page.getByTestId('notice-sign').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `notice-signed-${tag}`);
      await staffLogin(page, 'admin', ADMIN_PASSWORD);
      await page.goto(`${app.baseUrl}/admin/report`);
      await page.getByTestId('chart-timeline').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `report-chart-${tag}`);
      await page.goto(`${app.baseUrl}/print/${member.passbookNo}`);
      await page.getByTestId('print-address').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `print-public-address-${tag}`);
      await context.close();
    }
  });
});
