import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
} from './browser-harness';

const OFFICE_PASSWORD = 'office-pass-123';

/**
 * The street office's page (/office): an office login lands there, sees every community side by side
 * and summed with its ledger's status, and adds a community and its administrator; at 375 px too.
 */
describe('Street office page', () => {
  let app: RunningApp;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passbook-office-'));
    const databasePath = join(dir, 'passbook.sqlite');
    app = await RunningApp.start({ DATABASE_PATH: databasePath });
    // An office user is made by the operator's tool (no HTTP endpoint creates one).
    const out = execFileSync(
      process.execPath,
      ['dist/src/cli/user-create.js', 'jiedao', 'office', '1'],
      { env: { ...process.env, DATABASE_PATH: databasePath }, encoding: 'utf8' },
    );
    const password = /password: (\S+)/.exec(out)![1];
    const token = await app.loginStaff('jiedao', password);
    await app.ok('POST', '/auth/password', {
      token,
      body: { currentPassword: password, newPassword: OFFICE_PASSWORD },
      status: 204,
    });
    // Community 1 with a member who earned points; community B beside it.
    const admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const office = await app.loginStaff('jiedao', OFFICE_PASSWORD);
    await app.ok('POST', '/office/communities', {
      token: office,
      body: { code: 'b', name: '泡崖社区' },
    });
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '张三', kind: 'resident' },
    });
    const standard = await app.ok('GET', '/standard', { token: admin });
    const item = standard.categories[0].items[0];
    await app.ok('POST', '/service-records', {
      token: admin,
      idempotent: true,
      body: {
        memberId: member.id,
        itemCode: item.code,
        quantity: 1,
        serviceDate: new Date().toISOString().slice(0, 10),
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function officePage(device: typeof DESKTOP | typeof PHONE): Promise<Page> {
    const { page } = await newPage(browser, device);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('jiedao');
    await page.locator('input[name=password]').fill(OFFICE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/office');
    await page.getByTestId('office-row-total').waitFor();
    return page;
  }

  it('should show every community and the sum, and add a community and its admin', async () => {
    const page = await officePage(DESKTOP);
    await page.getByTestId('office-row-b').waitFor();
    await expect(page.getByTestId('office-verified').textContent()).resolves.toContain('核对无误');
    await expect(page.getByTestId('office-row-b').textContent()).resolves.toContain('泡崖社区');
    await screenshot(page, 'office-desktop');

    const form = page.getByTestId('office-new-community');
    await form.getByRole('textbox', { name: /^社区名称/ }).fill('岭南社区');
    await form.getByLabel('代码').fill('lingnan');
    await form.getByRole('button', { name: '添加社区' }).click();
    await page.getByText('已添加社区“岭南社区”。').waitFor();
    await page.getByTestId('office-row-lingnan').waitFor();

    const adminForm = page.getByTestId('office-new-admin');
    await adminForm.getByLabel('社区').selectOption({ label: '岭南社区' });
    await adminForm.getByLabel('用户名').fill('lingnan-admin');
    await adminForm.getByLabel('初始密码').fill('lingnan-pass-123');
    await adminForm.getByRole('button', { name: '添加管理员' }).click();
    await page.getByText('已为岭南社区添加管理员 lingnan-admin。').waitFor();
    await app.loginStaff('lingnan-admin', 'lingnan-pass-123');
    await screenshot(page, 'office-desktop-added');
  });

  it('should fit a 375 px phone', async () => {
    const page = await officePage(PHONE);
    await expect(overflowing(page)).resolves.toEqual([]);
    await screenshot(page, 'office-phone');
  });
});
