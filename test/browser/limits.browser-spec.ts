import { Browser, Page } from 'playwright-core';
import { TEXT_MAX } from '../../src/common/limits';
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
 * The pages cap their inputs at the server's limits (src/common/limits.ts): a text too long is cut
 * where the server would refuse it, so the office never types (or pastes) its way into a 400.
 */
describe('Form limits in the pages', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function adminPage(path: string): Promise<Page> {
    const { page } = await newPage(browser, DESKTOP);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
    await page.goto(`${app.baseUrl}${path}`);
    return page;
  }

  /** Pastes 600 characters into the field and answers how many it kept. */
  async function paste600(page: Page, label: string): Promise<number> {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await page.keyboard.insertText('长'.repeat(600));
    return (await input.inputValue()).length;
  }

  it('should keep a household registration within the server limits, and the server takes it', async () => {
    const page = await adminPage('/admin/households');
    expect(await paste600(page, '户名')).toBe(TEXT_MAX.name);
    expect(await paste600(page, '地址（可不填）')).toBe(TEXT_MAX.address);
    expect(await paste600(page, '联系人/电话（可不填）')).toBe(TEXT_MAX.name);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    expect(await textWith(page.locator('.msg-ok'), '已登记')).toContain(
      `已登记：${'长'.repeat(TEXT_MAX.name)}，存折号`,
    );
    expect(await page.locator('.msg-error').count()).toBe(0);
    await screenshot(page, 'limits-household-registered');
  });

  it('should cap the team form at the server limits', async () => {
    const page = await adminPage('/admin/teams');
    expect(await paste600(page, '队名')).toBe(TEXT_MAX.name);
    expect(await paste600(page, '服务类别（如 家电维修）')).toBe(TEXT_MAX.name);
  });

  it('should cap the member form at the server limits', async () => {
    const page = await adminPage('/admin/members');
    expect(await paste600(page, '姓名')).toBe(TEXT_MAX.name);
  });
});
