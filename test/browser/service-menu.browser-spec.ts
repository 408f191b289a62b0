import { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  Json,
  launchBrowser,
  newPage,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  textOf,
  textWith,
} from './browser-harness';

/**
 * The service menu (点单) in real Chromium against the built service: a resident volunteer orders
 * from the menu on a 375 px phone, the team's leader accepts with two members and confirms it done
 * with each one's quantity, and the resident rates the service.
 */
describe('Service menu: ordering, taking and closing an order, the rating', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let teamId: number;
  let menuItemId: number;
  const members: { id: number; passbookNo: string; name: string }[] = [];

  beforeAll(async () => {
    app = await RunningApp.start({});
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const leader = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'leader-barber', password: 'password-123', role: 'leader' },
    });
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '理发义诊服务队', leaderUserIds: [leader.id] },
    });
    teamId = team.id;
    for (const name of ['王秀兰', '李建国', '赵桂芝']) {
      const m = await app.ok('POST', '/members', {
        token: admin,
        body: { name, kind: 'resident', pin: '246810' },
      });
      members.push({ id: m.id, passbookNo: m.passbookNo, name });
    }
    // The barbers are 王秀兰 and 李建国; 赵桂芝 is the resident who orders.
    for (const m of members.slice(0, 2)) {
      await app.ok('POST', `/teams/${teamId}/members`, { token: admin, body: { memberId: m.id } });
    }
    const leaderToken = await app.loginStaff('leader-barber', 'password-123');
    const item = await app.ok('POST', '/menu-items', {
      token: leaderToken,
      body: {
        teamId,
        itemCode: 'haircut',
        title: '上门理发',
        description: '为行动不便的老人上门理发',
        availability: '每周六上午',
      },
    });
    menuItemId = item.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function volunteerLogin(page: Page, m: { passbookNo: string }): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.locator('input[name=passbookNo]').fill(m.passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
  }

  async function staffLogin(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  let orderId: number;

  it('should let a resident on a 375 px phone order a service from the menu', async () => {
    const resident = members[2];
    const { context, page } = await newPage(browser, PHONE);
    await volunteerLogin(page, resident);
    const card = page.getByTestId(`menu-${menuItemId}`);
    expect(await textWith(card, '上门理发')).toContain('每周六上午');
    expect(await textOf(page.getByTestId('my-orders').locator('p.muted'), '您还没有点过单。')).toBe(
      '您还没有点过单。',
    );
    await screenshot(page, 'service-menu-volunteer-375');
    await card.getByRole('button', { name: '我要点单' }).click();
    await card.getByTestId('order-time').fill('周六上午九点');
    await card.getByTestId('order-place').fill('岭南小区3号楼2单元501');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'service-menu-order-form-375');
    await card.getByTestId('order-submit').click();
    expect(await textWith(page.getByTestId('order-placed'), '点单成功')).toContain('上门理发');
    const orders = (await app.ok('GET', '/orders', { token: admin })).items as Json[];
    expect(orders.map((o) => [o.status, o.orderedFor.id, o.preferredTime, o.place])).toEqual([
      ['placed', resident.id, '周六上午九点', '岭南小区3号楼2单元501'],
    ]);
    orderId = orders[0].id;
    const mine = page.getByTestId(`my-order-${orderId}`);
    expect(await textOf(mine.getByTestId('order-status'), '已下单，等待服务队接单')).toBe(
      '已下单，等待服务队接单',
    );
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'service-menu-ordered-375');
    await context.close();
  });

  it('should let the leader accept with two members and confirm it done with their quantities', async () => {
    const [wang, li] = members;
    const { context, page } = await newPage(browser, PHONE);
    await staffLogin(page, 'leader-barber', 'password-123');
    const card = page.getByTestId(`team-order-${orderId}`);
    expect(await textWith(card, '上门理发')).toContain('岭南小区3号楼2单元501');
    await card.getByTestId(`assign-${orderId}-${wang.id}`).check();
    await card.getByTestId(`assign-${orderId}-${li.id}`).check();
    await screenshot(page, 'service-menu-leader-accept-375');
    await card.getByTestId(`accept-${orderId}`).click();
    expect(await textOf(card.getByTestId('order-status'), '服务队已接单')).toBe('服务队已接单');
    await card.getByTestId(`quantity-${orderId}-${wang.id}`).fill('2');
    await card.getByTestId(`quantity-${orderId}-${li.id}`).fill('1');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'service-menu-leader-done-375');
    await card.getByTestId(`done-${orderId}`).click();
    expect(await textOf(card.getByTestId('order-status'), '服务已完成')).toBe('服务已完成');
    const order = await app.ok('GET', `/orders/${orderId}`, { token: admin });
    expect(order.status).toBe('done');
    const records = await app.ok('GET', `/service-records?teamId=${teamId}`, { token: admin });
    expect(
      (records.items as Json[])
        .map((r) => [r.memberId, r.itemCode, r.quantity, r.points, r.hours])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(
      [
        [wang.id, 'haircut', '2.00', '2.00', '1.00'],
        [li.id, 'haircut', '1.00', '1.00', '0.50'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    // Publishing another service of the team from the same section.
    const section = page.getByTestId('team-orders');
    await section.getByRole('button', { name: '发布一项服务到菜单' }).click();
    const form = section.getByTestId('publish-menu-item');
    await form.locator('select').selectOption('appliance_repair');
    await form.getByLabel('服务名称').fill('家电上门维修');
    await form.getByLabel('服务时间').fill('每周日下午');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'service-menu-leader-publish-375');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const menu = (await app.ok('GET', '/menu-items', { token: admin })).items as Json[];
    expect(menu.map((i) => [i.title, i.itemCode, i.availability, i.teamId])).toEqual([
      ['上门理发', 'haircut', '每周六上午', teamId],
      ['家电上门维修', 'appliance_repair', '每周日下午', teamId],
    ]);
    await context.close();
  });

  it('should let the resident rate the done service once, and the leader see it', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await volunteerLogin(page, members[2]);
    const mine = page.getByTestId(`my-order-${orderId}`);
    expect(await textOf(mine.getByTestId('order-status'), '服务已完成')).toBe('服务已完成');
    await mine.getByTestId('star-5').click();
    await mine.getByTestId('rating-comment').fill('师傅手艺好，很耐心');
    await mine.getByTestId('rating-submit').click();
    expect(await textWith(mine.getByTestId('order-rating'), '师傅手艺好')).toContain(
      '师傅手艺好，很耐心',
    );
    expect(await mine.getByTestId('rating-form').count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'service-menu-rated-375');
    await context.close();
    const order = await app.ok('GET', `/orders/${orderId}`, { token: admin });
    expect(order.rating).toMatchObject({ stars: 5, comment: '师傅手艺好，很耐心' });
  });
});
