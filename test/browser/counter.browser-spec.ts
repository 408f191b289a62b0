import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  launchBrowser,
  newPage,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  SCREENSHOT_DIR,
  textOf,
  textWith,
  ZOOM_200,
} from './browser-harness';

/**
 * The counter with a queue: it never charges the wrong person. A failed lookup, a scan and the
 * next customer each start from nothing; a USB scanner (keys a few ms apart, then Enter) replaces
 * the customer wherever the focus is, also right after the page loads.
 */
describe('Counter page', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let rice: { id: number };
  let oil: { id: number };
  let n = 0;

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-counter', password: 'password-123', role: 'clerk' },
    });
    rice = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '大米 5斤', kind: 'goods', price: '10.00', stock: 50 },
    });
    oil = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '花生油 1升', kind: 'goods', price: '6.00', stock: 2 },
    });
    const now = Date.now();
    await app.ok('POST', '/redemption-windows', {
      token: admin,
      body: {
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
      },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newMember(
    name: string,
    points: string,
    phone?: string,
  ): Promise<{ id: number; passbookNo: string }> {
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: { name, kind: 'resident', pin: '246810', ...(phone ? { phone } : {}) },
    });
    await app.ok('POST', '/ledger/adjustments', {
      token: admin,
      idempotent: true,
      body: { passbookNo: member.passbookNo, amount: `+${points}`, reason: '纸质存折结转' },
    });
    return member;
  }

  async function clerkPage(device = DESKTOP): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage(browser, device);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('clerk-counter');
    await page.locator('input[name=password]').fill('password-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('counter-page').waitFor();
    return { page, close: () => context.close() };
  }

  async function lookUp(page: Page, passbookNo: string) {
    await page.getByTestId('lookup-input').fill(passbookNo);
    await page.getByTestId('lookup-input').press('Enter');
  }

  /** What a USB scanner sends: the characters a few ms apart, then Enter. */
  async function scan(page: Page, passbookNo: string) {
    await page.keyboard.type(`${passbookNo}\n`, { delay: 5 });
  }

  /** A passbook number with one character changed: well-formed, but no such passbook. */
  function mistyped(passbookNo: string): string {
    const last = passbookNo[passbookNo.length - 1];
    return `${passbookNo.slice(0, -1)}${last === '2' ? '3' : '2'}`;
  }

  it('should leave no customer to redeem for after a failed lookup that follows a good one', async () => {
    const member = await newMember('李桂英', '40.00');
    const { page, close } = await clerkPage();
    await lookUp(page, member.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '李桂英')).toBe('李桂英');
    await page.getByTestId(`add-${rice.id}`).click();
    expect(await textWith(page.getByTestId('redeem'), '确认兑换 · 李桂英')).toContain(
      `确认兑换 · 李桂英 ${member.passbookNo}`,
    );

    await lookUp(page, mistyped(member.passbookNo));
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('没有找到');
    expect(await page.getByTestId('owner-card').count()).toBe(0);
    expect(await page.getByTestId('cart').count()).toBe(0);
    expect(await page.getByTestId('redeem').count()).toBe(0);
    await screenshot(page, 'counter-failed-lookup-1280');

    // 下一位 clears the message too.
    await lookUp(page, member.passbookNo);
    await page.getByTestId('owner-card').waitFor();
    expect(await page.getByTestId('error').count()).toBe(0);
    await close();
    const after = await app.ok('GET', `/passbooks/${member.passbookNo}`, { token: admin });
    expect(after.balance).toBe('40.00');
  });

  it('should not let a slow answer for an earlier number install that customer', async () => {
    const slow = await newMember('张淑芬', '10.00');
    const fast = await newMember('刘国庆', '20.00');
    const { page, close } = await clerkPage();
    await page.route(`**/api/passbooks/${slow.passbookNo}*`, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await lookUp(page, slow.passbookNo);
    await lookUp(page, fast.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '刘国庆')).toBe('刘国庆');
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('owner-name').textContent()).toBe('刘国庆');
    expect(await page.getByTestId('counter-balance').textContent()).toBe('20.00');
    await close();
  });

  it('should take a scan as a new customer with the focus in the passbook box, the coupon box or nowhere', async () => {
    const first = await newMember('王淑珍', '30.00');
    const second = await newMember('陈秀英', '31.00');
    const third = await newMember('赵玉兰', '32.00');
    const fourth = await newMember('孙志强', '33.00');
    const { page, close } = await clerkPage();

    // The passbook box still holds the last number.
    await lookUp(page, first.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '王淑珍')).toBe('王淑珍');
    await page.getByTestId(`add-${rice.id}`).click();
    await page.getByTestId('lookup-input').focus();
    await scan(page, second.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '陈秀英')).toBe('陈秀英');
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(second.passbookNo);
    expect(await textOf(page.getByTestId('cart-total'), '0.00')).toBe('0.00');

    // The coupon box has the focus (and something typed in it).
    await page.locator('input[name=couponCode]').fill('AB');
    await page.locator('input[name=couponCode]').focus();
    await scan(page, third.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '赵玉兰')).toBe('赵玉兰');
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(third.passbookNo);
    expect(await page.locator('input[name=couponCode]').inputValue()).toBe('');
    expect(await page.getByTestId('error').count()).toBe(0);

    // Nothing has the focus.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await scan(page, fourth.passbookNo);
    expect(await textOf(page.getByTestId('owner-name'), '孙志强')).toBe('孙志强');
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(fourth.passbookNo);

    // Typing a coupon code by hand in the coupon box still works as typing.
    await page.locator('input[name=couponCode]').focus();
    await page.keyboard.type('abcd', { delay: 80 });
    expect(await page.locator('input[name=couponCode]').inputValue()).toBe('abcd');
    await close();
  });

  it('should receive a scan right after the page loads whole', async () => {
    const members = [
      await newMember('周桂兰', '11.00'),
      await newMember('吴建华', '12.00'),
      await newMember('郑秀梅', '13.00'),
    ];
    const { page, close } = await clerkPage();
    for (const m of members) {
      await page.goto(`${app.baseUrl}/counter`);
      await scan(page, m.passbookNo);
      await page.getByTestId('owner-card').waitFor();
      expect(await page.getByTestId('owner-passbook-no').textContent()).toBe(m.passbookNo);
      expect(await page.getByTestId('lookup-input').inputValue()).toBe(m.passbookNo);
    }
    await close();
  });

  it('should find a person by name and tell two of one name apart', async () => {
    const a = await newMember('王秀兰', '15.00', '13812345678');
    const b = await newMember('王秀兰', '16.00', '13987654321');
    const team = await app.ok('POST', '/teams', { token: admin, body: { name: '治安巡逻队' } });
    await app.ok('POST', `/teams/${team.id}/members`, { token: admin, body: { memberId: a.id } });
    const { page, close } = await clerkPage();
    await page.locator('input[name=findPerson]').fill('王秀兰');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByTestId('found-list').waitFor();
    const rows = await page.getByTestId('found-list').locator('li').allTextContents();
    expect(rows).toHaveLength(2);
    const rowA = rows.find((r) => r.includes(a.passbookNo))!;
    expect(rowA).toContain('138****5678');
    expect(rowA).toContain('治安巡逻队');
    expect(rows.find((r) => r.includes(b.passbookNo))).toContain('139****4321');
    await screenshot(page, 'counter-find-person-1280');
    await page.getByTestId(`pick-${b.passbookNo}`).click();
    expect(await textOf(page.getByTestId('owner-passbook-no'), b.passbookNo)).toBe(b.passbookNo);
    expect(await page.getByTestId('counter-balance').textContent()).toBe('16.00');
    expect(await page.getByTestId('found-list').count()).toBe(0);

    // By the last four digits of the phone.
    await page.locator('input[name=findPerson]').fill('5678');
    await page.getByRole('button', { name: '查找' }).click();
    expect(await textWith(page.getByTestId('found-list'), a.passbookNo)).toContain('王秀兰');
    await close();
  });

  it('should refresh the stock after an out-of-stock refusal', async () => {
    const member = await newMember('黄丽娟', '50.00');
    const other = await newMember('林志勇', '50.00');
    const { page, close } = await clerkPage();
    await lookUp(page, member.passbookNo);
    await page.getByTestId(`add-${oil.id}`).click();
    await page.getByTestId(`add-${oil.id}`).click();
    expect(await textOf(page.getByTestId(`stock-${oil.id}`), '库存 2')).toBe('库存 2');
    // Meanwhile another counter gives one away.
    await app.ok('POST', '/redemptions', {
      token: admin,
      idempotent: true,
      body: { passbookNo: other.passbookNo, lines: [{ catalogItemId: oil.id, quantity: 1 }] },
    });
    await page.getByTestId('redeem').click();
    expect(await textWith(page.getByTestId('redeem-error'), '花生油')).toContain('花生油');
    expect(await textOf(page.getByTestId(`stock-${oil.id}`), '库存 1')).toBe('库存 1');
    await close();
  });

  it('should reprint a receipt from the day’s list and show the day’s summary', async () => {
    const member = await newMember('马桂珍', '60.00');
    const { page, close } = await clerkPage();
    await lookUp(page, member.passbookNo);
    await page.getByTestId(`add-${rice.id}`).click();
    await page.getByTestId(`add-${rice.id}`).click();
    await page.getByTestId('redeem').click();
    await page.getByTestId('receipt').waitFor();
    const receiptNo = (await page.getByTestId('receipt-no').textContent()) ?? '';
    expect(receiptNo).toMatch(/^No\. \d+$/);
    expect(await page.getByTestId('receipt-clerk').textContent()).toBe('clerk-counter');
    expect(await page.getByTestId('receipt-window').textContent()).toMatch(/^#\d+ /);
    await screenshot(page, 'counter-receipt-1280');
    await page.getByTestId('next-customer').click();
    expect(await page.getByTestId('owner-card').count()).toBe(0);

    await page.getByTestId('show-day').click();
    await page.getByTestId('day-summary').waitFor();
    const summary = await app.ok('GET', '/counter/day-summary', { token: admin });
    expect(await textOf(page.getByTestId('day-net'), summary.netPoints)).toBe(summary.netPoints);
    expect(await page.getByTestId('day-redemptions').textContent()).toBe(
      `${summary.redemptions.count} 笔`,
    );
    expect(await textWith(page.getByTestId('day-items'), '大米 5斤')).toContain('大米 5斤');
    await page.getByTestId('day-list').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'counter-day-1280');
    const id = receiptNo.replace('No. ', '');
    await page.getByTestId(`day-reprint-${id}`).click();
    expect(await textOf(page.getByTestId('receipt-no'), receiptNo)).toBe(receiptNo);
    expect(await page.getByTestId('receipt').textContent()).toContain('补打');
    expect(await page.getByTestId('receipt').textContent()).toContain('马桂珍');
    expect(await page.getByTestId('receipt-total').textContent()).toBe('20.00');
    await screenshot(page, 'counter-reprint-1280');
    // Printing copies only the receipt into the print container (window.print stubbed: headless).
    await page.evaluate(`window.print = () => {
      const area = document.getElementById('print-area');
      window.printedText = area ? area.textContent : null;
      window.printedPage = Array.from(document.querySelectorAll('style'))
        .map((s) => s.textContent).join(' ');
    }`);
    await page.getByTestId('print-receipt').click();
    const printed = await page.evaluate<string>('window.printedText');
    expect(printed).toContain(receiptNo);
    expect(printed).toContain('马桂珍');
    expect(printed).not.toContain('今天的兑换');
    expect(await page.evaluate('window.printedPage')).toMatch(/size: 80mm \d+mm/);
    await close();
  });

  it('should return part of a redemption from the day’s list, with a used coupon’s line held back', async () => {
    const member = await newMember('周玉兰', '80.00');
    const coupon = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '理发券', kind: 'service_coupon', price: '8.00', stock: 10 },
    });
    const redemption = await app.ok('POST', '/redemptions', {
      token: admin,
      idempotent: true,
      body: {
        passbookNo: member.passbookNo,
        lines: [
          { catalogItemId: rice.id, quantity: 3 },
          { catalogItemId: coupon.id, quantity: 1 },
        ],
      },
    });
    expect(redemption.balanceAfter).toBe('42.00');
    await app.ok('POST', `/coupons/${redemption.coupons[0].code}/use`, { token: admin, body: {} });

    const { page, close } = await clerkPage();
    await page.getByTestId('show-day').click();
    await page.getByTestId(`day-return-${redemption.id}`).click();
    const form = page.getByTestId(`return-form-${redemption.id}`);
    await form.waitFor();
    expect(await form.getByTestId(`return-why-${coupon.id}`).textContent()).toBe(
      '服务券已使用，不能退',
    );
    // The line's only coupon was used: no code to tick, nothing of it can come back.
    expect(await form.locator('[data-testid^="return-coupon-"]').count()).toBe(0);
    expect(await form.getByTestId('confirm-return').isDisabled()).toBe(true);
    await form.getByTestId(`return-qty-${rice.id}`).fill('1');
    await form.getByTestId('return-reason').fill('大米受潮');
    expect(await form.getByTestId('confirm-return').textContent()).toBe(
      `确认退货 · 退回 周玉兰 ${member.passbookNo} 10.00 分`,
    );
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'counter-return-form-1280');
    await form.getByTestId('confirm-return').click();

    const receipt = page.getByTestId('receipt');
    expect(await textWith(receipt, '退货小票')).toContain('爱心存折 · 公益坊退货小票');
    expect(await page.getByTestId('receipt-no').textContent()).toMatch(
      new RegExp(`^No\\. ${redemption.id}-R\\d+$`),
    );
    expect(await page.getByTestId('receipt-clerk').textContent()).toBe('clerk-counter');
    expect(await page.getByTestId('receipt-window').textContent()).toMatch(/^#\d+/);
    expect(await page.getByTestId('receipt-total').textContent()).toBe('+10.00');
    expect(await page.getByTestId('receipt-balance').textContent()).toBe('52.00');
    expect(await page.getByTestId('receipt-reason').textContent()).toBe('大米受潮');
    await screenshot(page, 'counter-return-receipt-1280');
    const shown = await app.ok('GET', `/redemptions/${redemption.id}`, { token: admin });
    expect(
      shown.lines.map((l: { quantity: number; returnedQuantity: number }) => [
        l.quantity,
        l.returnedQuantity,
      ]),
    ).toEqual([
      [3, 1],
      [1, 0],
    ]);
    const passbook = await app.ok('GET', `/passbooks/${member.passbookNo}`, { token: admin });
    expect(passbook.balance).toBe('52.00');
    expect(passbook.entries[0]).toMatchObject({ kind: 'redeem_return', amount: '+10.00' });

    await page.getByTestId('next-customer').click();
    await page.getByTestId(`returns-of-${redemption.id}`).waitFor();
    expect(await textWith(page.getByTestId('day-returns'), '件')).toMatch(/^\d+ 笔 · \d+ 件$/);
    await screenshot(page, 'counter-day-return-1280');

    // Meanwhile another counter takes the other two back: the page's return is refused in words.
    await page.getByTestId(`day-return-${redemption.id}`).click();
    await form.getByTestId(`return-qty-${rice.id}`).fill('2');
    await form.getByTestId('return-reason').fill('全部退');
    await app.ok('POST', `/redemptions/${redemption.id}/returns`, {
      token: admin,
      idempotent: true,
      body: { lines: [{ catalogItemId: rice.id, quantity: 2 }], reason: '另一柜台' },
    });
    await form.getByTestId('confirm-return').click();
    expect(await textWith(form.getByTestId('return-error'), '大米')).toBe(
      '「大米 5斤」已经全部退过了，不能再退。',
    );
    // The form now shows the redemption as it stands: nothing left to choose.
    expect(await textWith(form.getByTestId(`return-why-${rice.id}`), '已全部')).toBe('已全部退回');
    expect(await form.getByTestId('confirm-return').isDisabled()).toBe(true);
    await screenshot(page, 'counter-return-refused-1280');
    await close();
    // Nothing left that can come back (the rest is a used coupon): no 退货 button.
    const fresh = await clerkPage();
    await fresh.page.getByTestId('show-day').click();
    await fresh.page.getByTestId(`day-reprint-${redemption.id}`).waitFor();
    expect(await fresh.page.getByTestId(`day-return-${redemption.id}`).count()).toBe(0);
    await fresh.close();

    // The form fits a phone.
    const other = await app.ok('POST', '/redemptions', {
      token: admin,
      idempotent: true,
      body: {
        passbookNo: member.passbookNo,
        lines: [
          { catalogItemId: rice.id, quantity: 2 },
          { catalogItemId: coupon.id, quantity: 2 },
        ],
      },
    });
    const phone = await clerkPage(PHONE);
    await phone.page.getByTestId('show-day').click();
    await phone.page.getByTestId(`day-return-${other.id}`).click();
    // The customer hands back the second coupon: the clerk ticks its code, and that one is voided.
    const handedBack = other.coupons[1].code as string;
    await phone.page.getByTestId(`return-coupon-${handedBack}`).check();
    expect(await phone.page.getByTestId(`return-qty-${coupon.id}`).textContent()).toBe('退 1 张');
    await phone.page.getByTestId('return-reason').fill('改天再用');
    expect(await phone.page.getByTestId('confirm-return').textContent()).toContain('8.00 分');
    expect(await overflowing(phone.page)).toEqual([]);
    await phone.page.getByTestId(`return-form-${other.id}`).scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'counter-return-form-375');
    await phone.page.getByTestId(`return-form-${other.id}`).screenshot({
      path: join(SCREENSHOT_DIR, 'counter-return-form-375-close-up.png'),
    });
    await phone.page.getByTestId('confirm-return').click();
    await phone.page.getByTestId('receipt').waitFor();
    const after = await app.ok('GET', `/redemptions/${other.id}`, { token: admin });
    expect(after.coupons.map((c: { code: string; status: string }) => [c.code, c.status])).toEqual([
      [other.coupons[0].code, 'issued'],
      [handedBack, 'void'],
    ]);
    await phone.close();
  });

  it('should fit a phone at 375 px and 200 % zoom with a customer and the day open', async () => {
    n++;
    const member = await newMember('何淑华', '45.00');
    for (const [device, suffix] of [
      [PHONE, '375'],
      [ZOOM_200, 'zoom200'],
    ] as const) {
      const { page, close } = await clerkPage(device);
      await lookUp(page, member.passbookNo);
      await page.getByTestId('counter-balance').waitFor();
      await page.getByTestId(`add-${rice.id}`).click();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `counter-customer-${suffix}`);
      await page.getByTestId('show-day').click();
      await page.getByTestId('day-summary').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `counter-day-${suffix}`);
      await close();
    }
    expect(n).toBe(1);
  });

  it('should show a volunteer what the shop offers now, with prices and stock', async () => {
    const member = await newMember('高桂香', '12.00');
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    // A passbook scanned into the login box stays there (no counter on this page).
    await page.locator('input[name=passbookNo]').focus();
    await scan(page, member.passbookNo);
    expect(await page.locator('input[name=passbookNo]').inputValue()).toBe(member.passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
    const offer = page.getByTestId('shop-offer');
    expect(await textWith(offer, '大米 5斤')).toContain('10.00');
    expect(await offer.textContent()).toMatch(/大米 5斤.*10\.00.*还有 \d+ 件 · 积分够/);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'volunteer-shop-375');
    await context.close();
  });
});
