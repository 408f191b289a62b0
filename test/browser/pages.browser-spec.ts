import { Browser } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  httpCall,
  launchBrowser,
  newPage,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  textOf,
  textWith,
  ZOOM_200,
} from './browser-harness';

/**
 * The pages in real Chromium against the built service: each role does its main job through the
 * page, and every page is screenshotted at phone width and at 200 % zoom.
 */
describe('Web pages', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newMember(
    name: string,
    points?: string,
  ): Promise<{ id: number; passbookNo: string }> {
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
    return member;
  }

  async function newStaff(role: 'clerk' | 'leader', username: string): Promise<number> {
    const user = await app.ok('POST', '/users', {
      token: admin,
      body: { username, password: 'password-123', role },
    });
    return user.id as number;
  }

  async function staffLogin(
    page: import('playwright-core').Page,
    username: string,
    password = 'password-123',
  ) {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  it('should serve the pages at / and keep unknown API paths as JSON 404s', async () => {
    const page = await httpCall(`${app.baseUrl}/counter`, 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const api = await app.api('GET', '/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('NOT_FOUND');
  });

  it('should show a volunteer their balance after logging in with passbook number and PIN', async () => {
    const member = await newMember('王秀兰', '25.50');
    await app.ok('POST', '/households', {
      token: admin,
      body: { name: '孙桂英', hardship: 'elderly_alone', address: '岭南小区3号楼' },
    });
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await screenshot(page, 'login-375');
    await page.locator('input[name=passbookNo]').fill(member.passbookNo.toLowerCase());
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
    expect(await textOf(page.getByTestId('balance'), '25.50')).toBe('25.50');
    await page.getByTestId('statement').waitFor();
    expect(await textWith(page.getByTestId('statement'), '纸质存折结转')).toContain('纸质存折结转');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'volunteer-375');

    await page.getByText('爱心捐赠').click();
    await page.locator('select[name=householdId]').selectOption({ label: '孙*英（孤寡老人）' });
    await page.locator('input[name=points]').fill('5');
    await page.getByRole('button', { name: '下一步' }).click();
    expect(
      await textWith(page.getByTestId('donate-confirm'), '确认把 5.00 分捐给「孙*英」'),
    ).toContain('捐出后不能收回');
    await screenshot(page, 'volunteer-donate-confirm');
    await page.getByRole('button', { name: '确认捐赠' }).click();
    expect(await textWith(page.getByTestId('donation-done'), '现在余额 20.50 分')).toContain(
      '现在余额 20.50 分',
    );
    expect(await textOf(page.getByTestId('balance'), '20.50')).toBe('20.50');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await textWith(page.getByTestId('balance-card'), 'My points balance')).toContain(
      'My points balance',
    );
    await screenshot(page, 'volunteer-english');
    await page.getByRole('button', { name: '中文' }).click();
    await context.close();
  });

  it('should refuse a wrong PIN with a sentence the volunteer understands', async () => {
    const member = await newMember('李建国');
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await page.locator('input[name=passbookNo]').fill(member.passbookNo);
    await page.locator('input[name=pin]').fill('000000');
    await page.getByRole('button', { name: '查看我的存折' }).click();
    expect(await textOf(page.getByTestId('error'), '存折号或密码不对，请再试一次。')).toBe(
      '存折号或密码不对，请再试一次。',
    );
    await context.close();
  });

  it('should let a clerk redeem two items, show the coupon codes, and explain a closed window', async () => {
    const member = await newMember('赵桂芝', '50.00');
    await newStaff('clerk', 'clerk-web');
    const rice = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '大米 5斤', kind: 'goods', price: '10.00', stock: 5 },
    });
    const housekeeping = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '家政服务券', kind: 'service_coupon', price: '8.00', stock: 3 },
    });
    const now = Date.now();
    const window = await app.ok('POST', '/redemption-windows', {
      token: admin,
      body: {
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
      },
    });

    const { context, page } = await newPage(browser, DESKTOP);
    await staffLogin(page, 'clerk-web');
    await page.getByTestId('counter-page').waitFor();
    expect(await textWith(page.getByTestId('window-banner'), '兑换期进行中')).toContain(
      '兑换期进行中',
    );
    await page.getByTestId('lookup-input').fill(member.passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
    expect(await textOf(page.getByTestId('counter-balance'), '50.00')).toBe('50.00');
    await page.getByTestId(`add-${rice.id}`).click();
    await page.getByTestId(`add-${housekeeping.id}`).click();
    await page.getByTestId(`add-${housekeeping.id}`).click();
    expect(await textOf(page.getByTestId('cart-total'), '26.00')).toBe('26.00');
    expect(await textOf(page.getByTestId('cart-remaining'), '24.00')).toBe('24.00');
    await screenshot(page, 'counter-cart');
    await page.getByTestId('redeem').click();
    await page.getByTestId('receipt').waitFor();
    const codes = await page.getByTestId('receipt-coupons').locator('code').allTextContents();
    expect(codes).toHaveLength(2);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Z-]{10,}$/);
    }
    expect(await textOf(page.getByTestId('receipt-total'), '26.00')).toBe('26.00');
    expect(await textOf(page.getByTestId('receipt-balance'), '24.00')).toBe('24.00');
    await screenshot(page, 'counter-receipt');

    await page
      .getByTestId('passbook-coupons')
      .getByRole('button', { name: '标记已使用' })
      .first()
      .click();
    const used = await textWith(page.getByTestId('coupon-used'), '已核销');
    expect(codes.filter((code) => used === `券 ${code} 已核销。`)).toHaveLength(1);

    await app.ok('POST', `/redemption-windows/${window.id}/close`, { token: admin, body: {} });
    await page.getByTestId('next-customer').click();
    await page.getByTestId('lookup-input').fill(member.passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
    await page.getByTestId(`add-${rice.id}`).click();
    // The page knows the window is closed: the button waits and says why, nothing is sent.
    expect(await textWith(page.getByTestId('redeem-blocked'), '现在不是兑换期')).toBe(
      '兑换按钮已停用：现在不是兑换期。',
    );
    expect(await page.getByTestId('redeem').isDisabled()).toBe(true);
    expect(await textOf(page.getByTestId('counter-balance'), '24.00')).toBe('24.00');
    await screenshot(page, 'counter-refused');
    await context.close();

    const zoomed = await newPage(browser, ZOOM_200);
    await staffLogin(zoomed.page, 'clerk-web');
    await zoomed.page.getByTestId('lookup-input').fill(member.passbookNo);
    await zoomed.page.getByTestId('lookup-input').press('Enter');
    await zoomed.page.getByTestId('counter-balance').waitFor();
    expect(await overflowing(zoomed.page)).toEqual([]);
    await screenshot(zoomed.page, 'counter-zoom200');
    await zoomed.context.close();
  });

  it('should let a team leader log one activity for three members', async () => {
    const leaderId = await newStaff('leader', 'leader-web');
    const members = [
      await newMember('张志明'),
      await newMember('刘淑珍'),
      await newMember('陈国强'),
    ];
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '环境整治队', leaderUserIds: [leaderId] },
    });
    for (const m of members) {
      await app.ok('POST', `/teams/${team.id}/members`, { token: admin, body: { memberId: m.id } });
    }
    const standard = await app.ok('GET', '/standard', { token: admin });
    const item = standard.categories
      .flatMap((c: { items: { unit: string }[] }) => c.items)
      .find((i: { unit: string }) => i.unit === 'hour');

    const { context, page } = await newPage(browser, PHONE);
    await staffLogin(page, 'leader-web');
    await page.getByTestId('leader-page').waitFor();
    await page.locator('select[name=itemCode]').selectOption(item.code);
    await page.locator('input[name=title]').fill('六月环境整治');
    await page.locator('input[name=everyone]').fill('2');
    // The leader ticks once the team's names are listed (the button waits for them too).
    await page.getByTestId('participants').getByText('陈国强').waitFor();
    await page.getByRole('button', { name: '全部勾选并填入' }).click();
    expect(await textOf(page.getByTestId('tick-count'), '3')).toBe('3');
    await screenshot(page, 'leader-375');
    await page.getByTestId('submit-activity').click();
    expect(await textWith(page.getByTestId('activity-done'), '已记录 3 人')).toContain(
      '已记录 3 人',
    );
    await page.getByTestId('logged-records').waitFor();
    expect(await page.getByTestId('logged-records').locator('tbody tr').count()).toBe(3);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'leader-logged');
    await context.close();

    const records = await app.ok('GET', `/service-records?teamId=${team.id}`, { token: admin });
    expect(records.items.map((r: { memberId: number }) => r.memberId).sort()).toEqual(
      members.map((m) => m.id).sort(),
    );
  });

  it('should let an admin run and publish a star rating', async () => {
    const year = new Date().getFullYear() - 1;
    const member = await newMember('周丽华');
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
    const { context, page } = await newPage(browser, DESKTOP);
    page.on('dialog', (dialog) => void dialog.accept());
    await staffLogin(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/admin/ratings/${year}`);
    await page.getByTestId('run-rating').click();
    expect(await textWith(page.getByTestId('rating-status'), '草稿')).toContain('草稿');
    expect(await textWith(page.getByTestId('ratings-table'), '周丽华')).toContain(
      member.passbookNo,
    );
    await page.getByTestId('publish-rating').click();
    expect(await textWith(page.getByTestId('rating-status'), '已公示')).toContain('已公示');
    await screenshot(page, 'admin-ratings');
    const published = await app.ok('GET', `/star-ratings/${year}`, { token: admin });
    expect(published.status).toBe('published');
    const stars = published.ratings.find(
      (r: { memberId: number }) => r.memberId === member.id,
    ).stars;
    expect(stars).toBeGreaterThan(0);

    await page.getByRole('link', { name: '查看公示页' }).click();
    expect(await textWith(page.getByTestId('notice-page'), '周*华')).toContain('周*华');
    expect(await page.getByTestId('notice-page').textContent()).not.toContain('周丽华');
    await screenshot(page, 'notice');
    await context.close();
  });

  it('should print a passbook with its number, QR code and statement', async () => {
    const member = await newMember('孙玉梅', '12.00');
    const { context, page } = await newPage(browser, DESKTOP);
    await staffLogin(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/print/${member.passbookNo}`);
    expect(await textOf(page.getByTestId('print-number'), member.passbookNo)).toBe(
      member.passbookNo,
    );
    // The passbook's own code (the counter scans it); the second one, at the foot, is the address.
    await page.locator('.passbook-cover .qr svg').waitFor();
    expect(await textWith(page.getByTestId('print-statement'), '12.00')).toContain('12.00');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'passbook-print');
    await context.close();
  });

  it('should keep every admin section usable at 375 px and at 200 % zoom', async () => {
    const sections = [
      'members',
      'passbook',
      'teams',
      'households',
      'users',
      'catalog',
      'windows',
      'approvals',
      'ratings',
      'report',
      'ledger',
    ];
    for (const [device, suffix] of [
      [PHONE, '375'],
      [ZOOM_200, 'zoom200'],
    ] as const) {
      const { context, page } = await newPage(browser, device);
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await staffLogin(page, 'admin', ADMIN_PASSWORD);
      for (const section of sections) {
        await page.goto(`${app.baseUrl}/admin/${section}`);
        await page.getByTestId('admin-page').waitFor();
        await page.waitForLoadState('networkidle');
        expect({ section, overflowing: await overflowing(page) }).toEqual({
          section,
          overflowing: [],
        });
        await screenshot(page, `admin-${section}-${suffix}`);
      }
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});
