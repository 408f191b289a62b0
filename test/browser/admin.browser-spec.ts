import ExcelJS from 'exceljs';
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
  textWith,
  ZOOM_200,
} from './browser-harness';

/** A roster of `count` volunteers as a community keeps it, with the given rows spoiled. */
async function roster(count: number, spoil: Record<number, (string | null)[]> = {}) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['姓名', '身份', '手机号', '服务队']);
  for (let i = 1; i <= count; i++) {
    const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
    const team = i % 2 ? '环境整治服务队' : '治安巡逻服务队、理发义诊服务队';
    sheet.addRow(spoil[i] ?? [`志愿者${i}`, i % 3 ? '群众' : '党员', phone, team]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The office's routine work done in the page (/admin), no API call by hand: importing a roster,
 * editing and deactivating people, teams, staff, stock and windows.
 */
describe('Office pages', () => {
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

  async function adminPage(device = DESKTOP, path = '/admin/members'): Promise<Page> {
    const { page } = await newPage(browser, device);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
    await page.goto(`${app.baseUrl}${path}`);
    return page;
  }

  const memberCount = async (): Promise<number> => {
    const res = await app.ok('GET', '/members?limit=200', { token: admin });
    let n = (res.items as unknown[]).length;
    let cursor = res.nextCursor as string | null;
    while (cursor) {
      const next = await app.ok('GET', `/members?limit=200&cursor=${encodeURIComponent(cursor)}`, {
        token: admin,
      });
      n += (next.items as unknown[]).length;
      cursor = next.nextCursor as string | null;
    }
    return n;
  };

  it('should import 200 rows only once the 2 bad rows are resolved, then print the PIN sheet', async () => {
    const before = await memberCount();
    const page = await adminPage();
    // A new install: a checklist of what to set up, not an empty table.
    expect(await textWith(page.getByTestId('setup-checklist'), '还没有志愿者')).toContain('服务队');
    const file = await roster(200, {
      57: ['志愿者57', '群众', '1391234', '环境整治服务队'],
      143: ['', '党员', '13900000143', null],
    });
    await page
      .locator('input[name=roster]')
      .setInputFiles({ name: '花名册.xlsx', mimeType: 'application/octet-stream', buffer: file });
    const summary = page.getByTestId('import-summary');
    expect(await textWith(summary, '2 行有问题')).toContain('198 行可以导入');
    const report = page.getByTestId('import-report');
    expect(await report.locator('tr[data-row="58"]').textContent()).toContain('电话应为11位手机号');
    expect(await report.locator('tr[data-row="144"]').textContent()).toContain('姓名没有填');
    const go = page.getByTestId('import-go');
    expect(await go.isDisabled()).toBe(true);
    await screenshot(page, 'admin-import-report-1280');
    expect(await memberCount()).toBe(before);

    await page.locator('input[name=skipInvalid]').check();
    expect(await go.isDisabled()).toBe(false);
    await go.click();
    // 198 PINs are hashed (scrypt) on a shared machine: give it time.
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 90_000 });
    expect(await textWith(done, '已为 198 人开户')).toContain('198');
    const slips = page.locator('.pin-slip');
    expect(await slips.count()).toBe(198);
    expect(await slips.first().textContent()).toMatch(/志愿者1存折号 V[0-9A-Z]{7}密码 \d{6}/);
    // The first screenful: a full page of 198 slips is too tall to look at.
    await page.getByTestId('pin-sheet').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-import-pins-1280.png') });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-import-pins-print.png') });
    expect(await page.locator('.admin-nav').isVisible()).toBe(false);
    expect(await page.getByTestId('new-member').isVisible()).toBe(false);
    expect(await slips.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await memberCount()).toBe(before + 198);
    const teams = await app.ok('GET', '/teams', { token: admin });
    expect((teams.items as { name: string }[]).map((t) => t.name)).toEqual(
      expect.arrayContaining(['环境整治服务队', '治安巡逻服务队', '理发义诊服务队']),
    );
    await page.close();
  }, 180_000);

  it('should warn before a second passbook for the same name and phone', async () => {
    await app.ok('POST', '/members', {
      token: admin,
      body: { name: '王秀兰', kind: 'resident', phone: '13811112222' },
    });
    const page = await adminPage(PHONE);
    const form = page.getByTestId('new-member');
    await form.locator('input[name=name]').fill('王秀兰');
    await form.locator('input[name=phone]').fill('138 1111 2222');
    await form.getByRole('button', { name: '开户' }).click();
    expect(await textWith(page.getByTestId('duplicate-warning'), '很可能是同一个人')).toContain(
      '电话相同',
    );
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'admin-members-duplicate-375');
    await form.locator('input[name=phone]').fill('1381111');
    await form.getByRole('button', { name: '开户' }).click();
    await form.getByRole('button', { name: '仍然开户' }).click();
    expect(await textWith(form.getByTestId('error'), '电话')).toContain('电话');
    await page.close();
  });

  it('should edit and deactivate a volunteer in the page', async () => {
    const m = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '赵改名', kind: 'resident' },
    });
    const page = await adminPage();
    await page.locator('input[name=q]').fill('赵改名');
    await page.getByRole('button', { name: '查找' }).click();
    const row = page.locator(`tr[data-member="${m.passbookNo}"]`);
    await row.getByRole('button', { name: '修改/停用' }).click();
    const edit = page.getByTestId('member-edit');
    await edit.locator('input[name=editName]').fill('赵新名');
    await edit.locator('input[name=editPhone]').fill('13700001234');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    let view = await app.ok('GET', `/members/${m.id}`, { token: admin });
    expect(view).toMatchObject({ name: '赵新名', phone: '13700001234', active: true });

    await page.locator('input[name=q]').fill('赵新名');
    await page.getByRole('button', { name: '查找' }).click();
    expect(await textWith(row, '13700001234')).toContain('赵新名');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: '修改/停用' }).click();
    await page.getByTestId('member-edit').getByRole('button', { name: '停用' }).click();
    expect(await textWith(row, '已停用')).toContain('已停用');
    view = await app.ok('GET', `/members/${m.id}`, { token: admin });
    expect(view.active).toBe(false);
    await page.close();
  });

  it('should edit, withdraw and show the gifts of a household in the page', async () => {
    const h = await app.ok('POST', '/households', {
      token: admin,
      body: { name: '孙桂英', hardship: 'elderly_alone', address: '岭南小区3号楼' },
    });
    const giver = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '捐赠人甲', kind: 'resident' },
    });
    await app.ok('POST', '/ledger/adjustments', {
      token: admin,
      idempotent: true,
      body: { passbookNo: giver.passbookNo, amount: '+10', reason: '结转' },
    });
    await app.ok('POST', '/donations', {
      token: admin,
      idempotent: true,
      body: { householdId: h.id, points: '4', passbookNo: giver.passbookNo },
    });
    const page = await adminPage(DESKTOP, '/admin/households');
    const row = page.locator(`tr[data-household="${h.passbookNo}"]`);
    await row.getByRole('button', { name: '受赠记录' }).click();
    expect(await textWith(page.getByTestId('household-gifts'), '共收到 4.00 分')).toContain(
      '捐赠人甲',
    );
    await row.getByRole('button', { name: '修改/撤销' }).click();
    const edit = page.getByTestId('household-edit');
    await edit.locator('input[name=editAddress]').fill('岭南小区5号楼');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    expect((await app.ok('GET', `/households/${h.id}`, { token: admin })).address).toBe(
      '岭南小区5号楼',
    );
    await row.getByRole('button', { name: '修改/撤销' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('household-edit').getByRole('button', { name: '撤销认定' }).click();
    expect(await textWith(row, '已撤销')).toContain('已撤销');
    expect((await app.ok('GET', `/households/${h.id}`, { token: admin })).verified).toBe(false);
    await page.close();
  });

  it('should rename a team, change its leaders and remove a member in the page', async () => {
    const lead1 = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'lead-one', password: 'password-123', role: 'leader' },
    });
    const lead2 = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'lead-two', password: 'password-123', role: 'leader' },
    });
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '家电维修队', leaderUserIds: [lead1.id] },
    });
    const m = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '队员乙', kind: 'resident' },
    });
    await app.ok('POST', `/teams/${team.id}/members`, { token: admin, body: { memberId: m.id } });
    const page = await adminPage(DESKTOP, '/admin/teams');
    await page.locator('summary', { hasText: '家电维修队' }).click();
    const details = page.locator('details.team', { hasText: '家电维修队' });
    const edit = details.getByTestId('team-edit');
    await edit.locator('input[name=teamName]').fill('家电维修服务队');
    await edit.locator('input[name=leader-lead-one]').uncheck();
    await edit.locator('input[name=leader-lead-two]').check();
    await edit.getByRole('button', { name: '保存队名和队长' }).click();
    await page.locator('summary', { hasText: '家电维修服务队' }).waitFor();
    const saved = await app.ok('GET', `/teams/${team.id}`, { token: admin });
    expect(saved).toMatchObject({ name: '家电维修服务队', leaderUserIds: [lead2.id] });

    const renamed = page.locator('details.team', { hasText: '家电维修服务队' });
    page.once('dialog', (d) => void d.accept());
    await renamed.getByTestId('team-members').getByRole('button', { name: '移出' }).click();
    expect(await textWith(renamed, '还没有队员')).toContain('还没有队员');
    expect((await app.ok('GET', `/members/${m.id}`, { token: admin })).teamIds).toEqual([]);
    await page.close();
  });

  it('should reset a staff password, change a role and re-activate a user in the page', async () => {
    const u = await app.ok('POST', '/users', {
      token: admin,
      body: { username: 'clerk-zhao', password: 'password-123', role: 'clerk' },
    });
    await app.ok('POST', `/users/${u.id}/deactivate`, { token: admin, status: 200 });
    const page = await adminPage(DESKTOP, '/admin/users');
    const row = page.locator('tr[data-user="clerk-zhao"]');
    await row.getByRole('button', { name: '恢复' }).click();
    expect(await textWith(row, '在用')).toContain('在用');
    await row.getByRole('button', { name: '修改角色/密码' }).click();
    const edit = page.getByTestId('user-edit');
    await edit.locator('select[name=editRole]').selectOption('leader');
    await edit.locator('input[name=editPassword]').fill('new-password-456');
    await edit.getByRole('button', { name: '保存' }).click();
    expect(await textWith(page.getByTestId('user-saved'), '已保存')).toContain('新密码');
    const token = await app.loginStaff('clerk-zhao', 'new-password-456');
    expect(token).toBeTruthy();
    expect((await app.ok('GET', `/users/${u.id}`, { token: admin })).role).toBe('leader');
    await page.close();
  });

  it('should write off broken stock with a confirm and show the movement log', async () => {
    const item = await app.ok('POST', '/catalog-items', {
      token: admin,
      body: { name: '鸡蛋', kind: 'goods', price: '5', stock: 20 },
    });
    const page = await adminPage(DESKTOP, '/admin/catalog');
    const panel = page.getByTestId('stock-adjust');
    await panel.locator('select[name=adjustItem]').selectOption(String(item.id));
    await panel.locator('select[name=adjustDirection]').selectOption('loss');
    await panel.locator('input[name=adjustQty]').fill('2');
    await panel.locator('input[name=adjustReason]').fill('两盒破损');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await panel.getByRole('button', { name: '调整库存' }).click();
    await page.getByTestId('stock-adjusted').waitFor();
    expect(asked).toContain('库存从 20 减为 18');
    expect(await textWith(page.getByTestId('stock-movements'), '两盒破损')).toContain('-2');
    expect((await app.ok('GET', `/catalog-items/${item.id}`, { token: admin })).stock).toBe(18);
    await screenshot(page, 'admin-stock-log-1280');
    await page.close();
  });

  it('should list the windows and cancel one not yet open', async () => {
    const opens = new Date(Date.now() + 10 * 86_400_000);
    const closes = new Date(opens.getTime() + 86_400_000);
    const w = await app.ok('POST', '/redemption-windows', {
      token: admin,
      body: { opensAt: opens.toISOString(), closesAt: closes.toISOString(), note: '春节加开' },
    });
    const page = await adminPage(DESKTOP, '/admin/windows');
    const row = page.locator(`tr[data-window="${w.id}"]`);
    expect(await textWith(row, '未开始')).toContain('春节加开');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: '取消' }).click();
    expect(await textWith(row, '已取消')).toContain('已取消');
    await page.close();
  });

  it('should count the accounts of the trial balance', async () => {
    const page = await adminPage(DESKTOP, '/admin/ledger');
    await page.getByRole('button', { name: /试算/ }).click();
    const text = await textWith(page.locator('.admin-body'), '个账户合计');
    expect(text).toMatch(/试算平衡：\d+ 个账户合计 0\.00/);
    await page.close();
  });

  it.each([
    ['375', PHONE],
    ['zoom200', ZOOM_200],
    ['1280', DESKTOP],
  ] as const)(
    'should lay the office pages out without sideways scrolling at %s',
    async (tag, device) => {
      const page = await adminPage(device);
      for (const section of ['members', 'teams', 'households', 'users', 'catalog', 'windows']) {
        await page.goto(`${app.baseUrl}/admin/${section}`);
        await page.locator('.admin-body .card').first().waitFor();
        if (section === 'members') {
          // A few rows, not the 200 imported: the layout is what is looked at.
          await page.locator('input[name=q]').fill('王秀兰');
          await page.getByRole('button', { name: '查找' }).click();
          await page.locator('tr[data-member]').first().waitFor();
        }
        await page.waitForLoadState('networkidle');
        if (device !== DESKTOP) {
          expect({ section, overflow: await overflowing(page) }).toEqual({ section, overflow: [] });
        }
        await screenshot(page, `admin-${section}-${tag}`);
      }
      await page.close();
    },
    120_000,
  );
});
