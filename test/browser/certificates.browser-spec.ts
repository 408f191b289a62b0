import { mkdirSync, writeFileSync } from 'node:fs';
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
} from './browser-harness';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date in Shanghai `offsetDays` from today (YYYY-MM-DD). */
function shanghaiDate(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The certificate of recorded service (志愿服务记录证明) as the office prints it (A4, print media)
 * and as anyone checks it by its QR code on a 375 px phone, valid and then revoked.
 */
describe('Certificates (browser)', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  let number: string;

  beforeAll(async () => {
    app = await RunningApp.start({
      COMMUNITY_NAME: '岭南社区',
      PUBLIC_URL: 'https://passbook.example.cn',
    });
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const member = await app.ok('POST', '/members', {
      token: admin,
      body: {
        name: '张三明',
        kind: 'party_member',
        idDocument: { type: 'resident_id', number: '110101199003071233' },
      },
    });
    await app.ok('PATCH', '/me/community', {
      token: admin,
      body: {
        personInCharge: '王建国',
        contactPhone: '0411-84561234',
        contactAddress: '大连市甘井子区泡崖街道岭南社区服务中心',
      },
    });
    const log = (itemCode: string, quantity: number, offsetDays: number) =>
      app.ok('POST', '/service-records', {
        token: admin,
        idempotent: true,
        body: { memberId: member.id, itemCode, quantity, serviceDate: shanghaiDate(offsetDays) },
      });
    await log('appliance_repair', 3, -20);
    await log('cleanup', 2.5, -10);
    await log('haircut', 2, -10);
    const issued = await app.ok('POST', '/certificates', {
      token: admin,
      idempotent: true,
      body: {
        memberId: member.id,
        from: shanghaiDate(-60),
        to: shanghaiDate(0),
        handler: '李红',
        purpose: '升学材料',
      },
    });
    number = issued.number as string;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function staffLogin(page: Page) {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  it('should take the identity document and issue a certificate from the office’s member page', async () => {
    const other = await app.ok('POST', '/members', {
      token: admin,
      body: { name: '李四', kind: 'resident' },
    });
    await app.ok('POST', '/service-records', {
      token: admin,
      idempotent: true,
      body: {
        memberId: other.id,
        itemCode: 'free_clinic',
        quantity: 2,
        serviceDate: shanghaiDate(-3),
      },
    });
    const { context, page } = await newPage(browser, DESKTOP);
    await staffLogin(page);
    await page.goto(`${app.baseUrl}/admin/members`);
    await page.locator('input[name=q]').fill('李四');
    await page.getByRole('button', { name: '查找' }).click();
    const row = page.locator(`tr[data-member="${String(other.passbookNo)}"]`);
    await row.getByRole('button', { name: '修改/停用' }).click();
    const edit = page.getByTestId('member-edit');
    await edit.locator('select[name=editIdType]').selectOption('resident_id');
    // A mistyped last digit is refused with the reason, and nothing is stored.
    await edit.locator('input[name=editIdNumber]').fill('210211198506150028');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('证件号码最后一位校验码对不上', { exact: false }).waitFor();
    await screenshot(page, 'certificate-admin-bad-id-1280');
    expect(
      (await app.ok('GET', `/members/${String(other.id)}`, { token: admin })).idDocument,
    ).toBeNull();
    await edit.locator('input[name=editIdNumber]').fill('210211198506150029');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(
      (await app.ok('GET', `/members/${String(other.id)}`, { token: admin })).idDocument,
    ).toEqual({
      type: 'resident_id',
      number: '2102**********0029',
    });
    await row.getByRole('button', { name: '修改/停用' }).click();
    const issue = page.getByTestId('certificate-issue');
    await issue.locator('input[name=certFrom]').fill(shanghaiDate(-30));
    await issue.locator('input[name=certHandler]').fill('李红');
    await screenshot(page, 'certificate-admin-issue-1280');
    await issue.getByRole('button', { name: '开具并打印' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/print/certificate/'));
    await page.getByTestId('certificate').waitFor();
    expect(await page.getByTestId('certificate-name').textContent()).toBe('李四');
    expect(await page.getByTestId('certificate-hours').textContent()).toBe('2.00 小时');
    await context.close();
  });

  it('should print the certificate on A4 in the form of the official one', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await staffLogin(page);
    await page.goto(`${app.baseUrl}/print/certificate/${number}`);
    await page.getByTestId('certificate').waitFor();
    await page.locator('.certificate .qr svg').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: '志愿服务记录证明' }).count()).toBe(1);
    expect(await page.getByTestId('certificate-number').textContent()).toBe(number);
    expect(await page.getByTestId('certificate-name').textContent()).toBe('张三明');
    expect(await page.getByTestId('certificate-hours').textContent()).toBe('6.50 小时');
    const text = (await page.getByTestId('certificate').innerText()).replace(/\s+/g, ' ');
    for (const part of [
      '居民身份证',
      '1101**********1233',
      '便民服务',
      '家电维修',
      '理发',
      '环境整治',
      '清洁卫生',
      '王建国',
      '李红',
      '0411-84561234',
      '（盖章）',
      `https://passbook.example.cn/verify/${number}`,
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('110101199003071233');
    // Nothing of the screen's controls on paper.
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await screenshot(page, 'certificate-print-a4');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'certificate-print-a4.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One A4 page: its form fits on the sheet.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should show the check on a phone: valid, then revoked', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.baseUrl}/verify/${number}`);
    await page.getByTestId('verify-status').waitFor();
    expect(await page.getByTestId('verify-status').textContent()).toBe('✓ 证明有效');
    expect(await page.getByTestId('verify-name').textContent()).toBe('张*明');
    expect(await page.getByTestId('verify-hours').textContent()).toBe('6.50 小时');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'certificate-verify-valid-375');

    await app.ok('POST', `/certificates/${number}/revoke`, {
      token: admin,
      body: { reason: '期间填写有误' },
      status: 200,
    });
    await page.reload();
    await page.getByTestId('verify-status').waitFor();
    expect(await page.getByTestId('verify-status').textContent()).toBe('✗ 证明已作废');
    await page.getByTestId('verify-revoked').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'certificate-verify-revoked-375');

    await page.goto(`${app.baseUrl}/verify/default-2026-999999`);
    await page.getByText('没有这个编号的证明').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
