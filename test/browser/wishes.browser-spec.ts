import { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DESKTOP,
  Json,
  launchBrowser,
  newPage,
  overflowing,
  PHONE,
  RunningApp,
  screenshot,
  textWith,
} from './browser-harness';

/** A local date `days` from today in Asia/Shanghai (the service's default zone). */
function shanghaiDate(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Wishes (微心愿) in real Chromium: a clerk posts one for a household at the counter, a volunteer
 * claims it from the wall on a 375 px phone, and the public page shows it with masked names.
 */
describe('Wishes: the counter, the volunteer’s wall and the public page', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let member: Json;
  const neededBy = shanghaiDate(10);

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    await app.ok('POST', '/households', {
      token: admin,
      body: { name: '王桂芳奶奶', hardship: 'elderly_alone' },
    });
    member = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '李小红', kind: 'resident', pin: '246810' },
    });
    await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-wish', password: 'password-123', role: 'clerk' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function staffLogin(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  it('should let a clerk post a wish for a household at the counter', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await staffLogin(page, 'clerk-wish', 'password-123');
    await page.goto(`${app.baseUrl}/counter`);
    const section = page.getByTestId('staff-wishes');
    await section.getByText('为困难家庭发布心愿').click();
    const form = section.getByTestId('wish-form');
    await form.locator('select[name=householdId] option', { hasText: '王' }).first().waitFor({
      state: 'attached',
    });
    const value = await form
      .locator('select[name=householdId] option', { hasText: '王' })
      .first()
      .getAttribute('value');
    await form.locator('select[name=householdId]').selectOption(value ?? '');
    await form.locator('input[name=title]').fill('一件过冬的棉衣');
    await form.locator('textarea[name=detail]').fill('身高一米六，怕冷');
    await form.locator('select[name=category]').selectOption('goods');
    await form.locator('input[name=neededBy]').fill(neededBy);
    await form.locator('input[name=points]').fill('30');
    await form.getByRole('button', { name: '发布心愿' }).click();
    expect(await textWith(form.getByTestId('wish-posted'), '已发布心愿')).toBe(
      '已发布心愿「一件过冬的棉衣」。',
    );
    const card = section.getByTestId('wish').filter({ hasText: '一件过冬的棉衣' });
    expect(await textWith(card, '需要 30.00 分')).toContain('需要 30.00 分，已捐 0.00 分');
    await screenshot(page, 'wishes-counter-posted');
    const wall = await app.ok('GET', '/wishes', { token: admin });
    expect(wall.items.map((w: Json) => [w.title, w.status, w.wisher.name, w.neededBy])).toEqual([
      ['一件过冬的棉衣', 'open', '王桂芳奶奶', neededBy],
    ]);
    await context.close();
  });

  it('should show the wall on a 375 px phone and let a volunteer claim a wish', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/`);
    await page.locator('input[name=passbookNo]').fill(member.passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
    const wall = page.getByTestId('wish-wall');
    const card = wall.getByTestId('wish').filter({ hasText: '一件过冬的棉衣' });
    expect(await textWith(card, '王***奶')).toContain(`王***奶 · 希望在 ${neededBy} 前`);
    expect(await card.textContent()).not.toContain('王桂芳奶奶');
    await card.scrollIntoViewIfNeeded();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'wishes-volunteer-wall-375');
    await card.getByRole('button', { name: '我来认领' }).click();
    expect(await textWith(wall.getByTestId('wish-done'), '您认领了')).toBe(
      '您认领了「一件过冬的棉衣」，谢谢您！',
    );
    expect(await textWith(card.getByTestId('wish-claim'), '认领：')).toBe('认领：我');
    expect(await card.getByRole('button', { name: '放弃认领' }).count()).toBe(1);
    expect(await overflowing(page)).toEqual([]);
    await wall.scrollIntoViewIfNeeded();
    await screenshot(page, 'wishes-volunteer-claimed-375');
    const seen = await app.ok('GET', '/wishes', { token: admin });
    expect(seen.items[0]).toMatchObject({
      status: 'claimed',
      claim: { kind: 'member', name: '李小红' },
    });
    await context.close();
  });

  it('should show the public wall with masked names to anyone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/wishes`);
    const card = page.getByTestId('public-wishes').getByTestId('wish').first();
    expect(await textWith(card, '一件过冬的棉衣')).toContain('已认领');
    expect(await textWith(card.getByTestId('wish-claim'), '认领：')).toBe('认领：李*红');
    const text = (await page.getByTestId('public-wishes').textContent()) ?? '';
    expect(text).not.toContain('王桂芳奶奶');
    expect(text).not.toContain('李小红');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'wishes-public-375');
    await context.close();
  });
});
