import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  launchBrowser,
  newPage,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  SCREENSHOT_DIR,
  textWith,
} from './browser-harness';

/** A local date some days back (the service runs on the real clock, in Asia/Shanghai). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 - days * 86400_000);
  return d.toISOString().slice(0, 10);
}

async function staffLogin(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function changePassword(page: Page, current: string, next: string) {
  const form = page.getByTestId('account-page');
  await form.locator('input[autocomplete=current-password]').fill(current);
  await form.locator('input[autocomplete=new-password]').nth(0).fill(next);
  await form.locator('input[autocomplete=new-password]').nth(1).fill(next);
  await page.getByRole('button', { name: '确认修改' }).click();
}

/**
 * Reversals traced on the volunteer's page and the printed passbook; the first login with a
 * generated password; and a staff password change that ends every session and says so.
 */
describe('Traceable statements and first-run path', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a reversed service record', () => {
    let app: RunningApp;
    let admin: string;
    let passbookNo: string;
    let earnId: string;
    let reversalId: string;
    const servedOn = daysAgo(3);

    beforeAll(async () => {
      app = await RunningApp.start();
      admin = await app.loginStaff('admin', ADMIN_PASSWORD);
      const member = await app.ok('POST', '/members', {
        token: admin,
        body: { name: '李桂英', kind: 'resident', pin: '135790' },
      });
      passbookNo = member.passbookNo as string;
      await app.ok('POST', '/ledger/adjustments', {
        token: admin,
        idempotent: true,
        body: { passbookNo, amount: '+10.00', reason: '纸质存折结转' },
      });
      const wrong = await app.ok('POST', '/service-records', {
        token: admin,
        idempotent: true,
        body: {
          memberId: member.id,
          itemCode: 'appliance_repair',
          quantity: '2',
          serviceDate: servedOn,
        },
      });
      earnId = wrong.transactionId as string;
      await app.ok('POST', '/service-records', {
        token: admin,
        idempotent: true,
        body: { memberId: member.id, itemCode: 'cleanup', quantity: '1', serviceDate: daysAgo(0) },
      });
      const reversal = await app.ok('POST', `/service-records/${wrong.id}/reversal`, {
        token: admin,
        idempotent: true,
        body: { reason: '记错人了，应记给王秀兰' },
      });
      reversalId = reversal.transactionId as string;
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('should mark the reversed entry and link the reversal to it on the volunteer page', async () => {
      const { context, page } = await newPage(browser, PHONE);
      await page.goto(`${app.baseUrl}/`);
      await page.locator('input[name=passbookNo]').fill(passbookNo);
      await page.locator('input[name=pin]').fill('135790');
      await page.getByRole('button', { name: '查看我的存折' }).click();
      const statement = page.getByTestId('statement');
      await statement.waitFor();

      const reversed = page.getByTestId(`entry-${earnId}`);
      const today = daysAgo(0);
      expect(await textWith(reversed, '已冲正')).toContain(`已冲正 ${today}`);
      const reversedText = (await reversed.textContent()) ?? '';
      expect(reversedText).toContain('家电维修 2小时');
      expect(reversedText).toContain(`服务日期 ${servedOn}`);
      expect(reversedText).toContain('冲正原因：记错人了，应记给王秀兰');

      const reversal = page.getByTestId(`entry-${reversalId}`);
      const reversalText = (await reversal.textContent()) ?? '';
      expect(reversalText).toContain('原因：记错人了，应记给王秀兰');
      expect(reversalText).toContain(`冲掉 ${today} 的服务积分「家电维修 2小时」+4.00`);
      expect(reversalText).toContain('-4.00');

      const all = (await statement.textContent()) ?? '';
      expect(all).not.toMatch(/#\d/);
      expect(all).not.toContain('冲正 冲正');
      // Oldest first: the opening balance, the wrong record, the right one, the reversal last.
      const order = await statement
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
      expect(order.indexOf(`entry-${earnId}`)).toBeLessThan(order.indexOf(`entry-${reversalId}`));
      expect(order[order.length - 1]).toBe(`entry-${reversalId}`);
      expect(await textWith(statement.locator('li').last(), '余额')).toContain('余额 11.00');

      // The reversal's link takes the reader to the entry it undoes.
      await reversal.getByRole('link').click();
      await page.waitForFunction(
        (id) => document.activeElement?.getAttribute('data-testid') === `entry-${id}`,
        earnId,
      );
      expect(await overflowing(page)).toEqual([]);
      await reversal.scrollIntoViewIfNeeded();
      await screenshot(page, 'trace-volunteer-reversal-375');
      await statement.screenshot({
        path: join(SCREENSHOT_DIR, 'trace-volunteer-statement-375.png'),
      });

      await page.getByRole('link', { name: '打印我的存折' }).click();
      const printed = page.getByTestId('print-statement');
      await printed.waitFor();
      expect(await textWith(printed, '冲掉')).toContain(
        `冲掉 ${today} 的服务积分「家电维修 2小时」+4.00（第 2 行）`,
      );
      const printedText = (await printed.textContent()) ?? '';
      expect(printedText).toContain(`【已冲正 ${today}，见第 4 行】`);
      expect(printedText).not.toMatch(/#\d/);
      expect(printedText).not.toContain('冲正 冲正');
      expect(printedText).not.toContain('调整 调整');
      expect((await page.getByTestId('print-entry-1').textContent()) ?? '').toContain(
        '调整 纸质存折结转',
      );
      expect((await page.getByTestId('print-entry-4').textContent()) ?? '').toContain('11.00');
      await screenshot(page, 'trace-print-reversal-375');
      expect(await overflowing(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'trace-print-reversal-375-print');
      await page.setViewportSize({ width: 794, height: 1123 });
      await screenshot(page, 'trace-print-reversal-a4');
      await context.close();
    });

    it('should show the same links on the admin passbook page, with no second reversal offered', async () => {
      const { context, page } = await newPage(browser, PHONE);
      await staffLogin(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.waitForURL((url) => url.pathname.startsWith('/admin'));
      await page.goto(`${app.baseUrl}/admin/passbook/${passbookNo}`);
      const reversed = page.getByTestId(`entry-${earnId}`);
      expect(await textWith(reversed, '已冲正')).toContain('已冲正');
      expect(await reversed.getByRole('button', { name: '冲正' }).count()).toBe(0);
      expect(await page.getByTestId(`entry-${reversalId}`).getByRole('link').count()).toBe(1);
      await page.getByTestId(`entry-${reversalId}`).scrollIntoViewIfNeeded();
      await screenshot(page, 'trace-admin-passbook-375');
      await context.close();
    });
  });

  describe('the first start', () => {
    let app: RunningApp;
    let generated: string;

    beforeAll(async () => {
      app = await RunningApp.start({ ADMIN_PASSWORD: '', LOG_LEVEL: 'log' });
      const line = /Created user "admin" with generated password: (\S+) /.exec(app.log());
      generated = line![1];
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('should end the start-up log with the pages address and where the password is', async () => {
      // The last lines come after the health check answered; give them a moment to be read.
      for (let i = 0; i < 20 && !app.log().includes('First login'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const lines = app.log().trimEnd().split('\n');
      const last = lines.slice(-2).join('\n');
      expect(last).toContain(`Web pages at ${app.baseUrl}/ (API docs at ${app.baseUrl}/api/docs)`);
      expect(last).toContain(
        'First login: user "admin" with the password in the warning above that starts "Created user "admin" with generated password"',
      );
      expect(last).not.toContain(generated);
      expect(app.log().split(generated)).toHaveLength(2);
    });

    it('should ask the admin to change the generated password before anything else', async () => {
      const { context, page } = await newPage(browser, PHONE);
      await staffLogin(page, app.baseUrl, 'admin', generated);
      await page.waitForURL((url) => url.pathname === '/account');
      const prompt = page.getByTestId('must-change-password');
      expect(await textWith(prompt, '别人设的')).toContain('请先换成只有您自己知道的新密码');
      await screenshot(page, 'trace-first-login-375');

      // Another page is not opened until the password is changed.
      await page.goto(`${app.baseUrl}/admin`);
      await page.waitForURL((url) => url.pathname === '/account');
      await prompt.waitFor();
      expect(await page.locator('nav.topnav').count()).toBe(0);

      await changePassword(page, generated, 'my-own-admin-pass-1');
      await page.waitForURL((url) => url.pathname === '/');
      expect(await textWith(page.getByTestId('login-notice'), '所有设备')).toBe(
        '密码已修改。您在所有设备上的登录都已退出（包括这一台），请用新密码重新登录。',
      );
      expect(await page.getByRole('tab', { name: '工作人员' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      await screenshot(page, 'trace-first-login-changed-375');

      await page.locator('input[name=username]').fill('admin');
      await page.locator('input[name=password]').fill('my-own-admin-pass-1');
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/admin'));
      expect(await page.getByTestId('must-change-password').count()).toBe(0);
      // An empty install opens on the setup checklist.
      await page.getByTestId('setup-checklist').waitFor();
      await screenshot(page, 'trace-first-admin-checklist-375');
      expect(
        (await app.api('POST', '/auth/login', { body: { username: 'admin', password: generated } }))
          .status,
      ).toBe(401);
      await context.close();
    });
  });

  describe('changing one’s own password', () => {
    let app: RunningApp;
    let admin: string;

    beforeAll(async () => {
      app = await RunningApp.start();
      admin = await app.loginStaff('admin', ADMIN_PASSWORD);
      await app.ok('POST', '/users', {
        token: admin,
        body: { username: 'clerk-wang', password: 'password-123', role: 'clerk' },
      });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('should say that every session ended and open the login page with that sentence', async () => {
      const other = await app.loginStaff('clerk-wang', 'password-123');
      const { context, page } = await newPage(browser, PHONE);
      await staffLogin(page, app.baseUrl, 'clerk-wang', 'password-123');
      await page.waitForURL((url) => url.pathname === '/counter');
      await page.getByRole('link', { name: /clerk-wang/ }).click();
      await page.getByTestId('account-page').waitFor();
      expect(await textWith(page.getByTestId('account-page'), '重新登录')).toContain(
        '改好后，您在所有设备上的登录都会退出，需要用新密码重新登录。',
      );
      await changePassword(page, 'password-123', 'clerk-new-pass-2');
      await page.waitForURL((url) => url.pathname === '/');
      expect(await textWith(page.getByTestId('login-notice'), '重新登录')).toContain(
        '您在所有设备上的登录都已退出',
      );
      await screenshot(page, 'trace-password-changed-375');
      // The session on the other device ended too.
      expect((await app.api('GET', '/me', { token: other })).status).toBe(401);
      await page.locator('input[name=username]').fill('clerk-wang');
      await page.locator('input[name=password]').fill('clerk-new-pass-2');
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => url.pathname === '/counter');
      expect(await page.getByTestId('login-notice').count()).toBe(0);
      await context.close();
    });

    it('should ask a user whose password the admin reset in the page to choose their own', async () => {
      const user = await app.ok('POST', '/users', {
        token: admin,
        body: { username: 'leader-li', password: 'password-123', role: 'leader' },
      });
      const { context, page } = await newPage(browser, PHONE);
      await staffLogin(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.waitForURL((url) => url.pathname.startsWith('/admin'));
      await page.goto(`${app.baseUrl}/admin/users`);
      const row = page.locator('tr[data-user="leader-li"]');
      await row.getByRole('button', { name: '修改角色/密码' }).click();
      await page
        .getByTestId('user-edit')
        .locator('input[name=editPassword]')
        .fill('given-by-admin-7');
      await page.getByTestId('user-edit').getByRole('button', { name: '保存' }).click();
      expect(await textWith(page.getByTestId('user-saved'), '自己的密码')).toContain(
        '下次登录后会先要求其换成自己的密码',
      );
      expect(await textWith(row, '待本人改密码')).toContain('在用（待本人改密码）');
      await screenshot(page, 'trace-admin-reset-375');
      await context.close();

      const second = await newPage(browser, PHONE);
      await staffLogin(second.page, app.baseUrl, 'leader-li', 'given-by-admin-7');
      await second.page.waitForURL((url) => url.pathname === '/account');
      await second.page.getByTestId('must-change-password').waitFor();
      await changePassword(second.page, 'given-by-admin-7', 'leader-own-pass-8');
      await second.page.waitForURL((url) => url.pathname === '/');
      await second.page.getByTestId('login-notice').waitFor();
      expect((await app.ok('GET', `/users/${user.id}`, { token: admin })).mustChangePassword).toBe(
        false,
      );
      await second.context.close();
    });
  });
});
