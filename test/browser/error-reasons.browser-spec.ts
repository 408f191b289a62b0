import { Browser } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  launchBrowser,
  newPage,
  RunningApp,
  screenshot,
  textWith,
} from './browser-harness';

/**
 * The counter reads a refusal by its `details.reason`: the same code (a coupon that cannot be used)
 * gets the sentence of its case, in real Chromium against the built service.
 */
describe('Refusals named by details.reason, on the counter page', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-reasons', password: 'password-123', role: 'clerk' },
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

  /** Two coupons of a fresh redemption: one used, one voided by cancelling another redemption. */
  async function coupons(): Promise<{ used: string; voided: string }> {
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '孙秀兰', kind: 'resident', pin: '246810' },
    });
    await app.ok('POST', '/ledger/adjustments', {
      token: admin,
      idempotent: true,
      body: { passbookNo: member.passbookNo, amount: '+50.00', reason: '纸质存折结转' },
    });
    const item = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '理发券', kind: 'service_coupon', price: '5.00', stock: 10 },
    });
    const redeem = () =>
      app.ok('POST', '/redemptions', {
        token: admin,
        idempotent: true,
        body: { passbookNo: member.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] },
      });
    const kept = await redeem();
    const cancelled = await redeem();
    await app.ok('POST', `/coupons/${kept.coupons[0].code}/use`, { token: admin });
    await app.ok('POST', `/redemptions/${cancelled.id}/cancel`, {
      token: admin,
      idempotent: true,
      body: { reason: '顾客不要了' },
    });
    return { used: kept.coupons[0].code, voided: cancelled.coupons[0].code };
  }

  it('should tell a used coupon from a void one', async () => {
    const { used, voided } = await coupons();
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('clerk-reasons');
    await page.locator('input[name=password]').fill('password-123');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('counter-page').waitFor();

    const form = page.locator('form', { has: page.locator('input[name=couponCode]') });
    await form.locator('input[name=couponCode]').fill(voided);
    await form.getByRole('button', { name: '核销' }).click();
    expect(await textWith(form, '已作废')).toContain(
      '这张券已作废（它的兑换已被取消），不能使用。',
    );
    await screenshot(page, 'counter-coupon-void');

    await form.locator('input[name=couponCode]').fill(used);
    await form.getByRole('button', { name: '核销' }).click();
    expect(await textWith(form, '用过了')).toMatch(
      /这张券已经在 \d{4}-\d\d-\d\d \d\d:\d\d 用过了，不能再用。/,
    );
    await screenshot(page, 'counter-coupon-used');
    await context.close();
  });
});
