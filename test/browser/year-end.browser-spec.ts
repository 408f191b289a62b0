import { join } from 'node:path';
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
  SCREENSHOT_DIR,
  textOf,
  textWith,
} from './browser-harness';

/**
 * Issue 17 (part 1) in real Chromium against the built service: last year's rating published
 * today opens its notice period; the public notice shows the period and how to object, a volunteer
 * objects on a 375 px phone, and the admin answers on the ratings page.
 */
describe('Year end: the notice, objections and their answers', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  const year =
    Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
        new Date(),
      ),
    ) - 1;
  const members: { id: number; passbookNo: string; name: string }[] = [];

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    // Hours of last year: 8 h of free clinic (24.00) is one star, 20 h (60.00) two.
    for (const [name, hours] of [
      ['王秀兰', 20],
      ['李建国', 8],
      ['赵桂芝', 8],
    ] as const) {
      const m = await app.ok('POST', '/members', {
        token: admin,
        body: { name, kind: 'resident', pin: '246810' },
      });
      members.push({ id: m.id, passbookNo: m.passbookNo, name });
      for (let logged = 0; logged < hours; logged += 4) {
        await app.ok('POST', '/service-records', {
          token: admin,
          idempotent: true,
          body: {
            memberId: m.id,
            itemCode: 'free_clinic',
            quantity: Math.min(4, hours - logged),
            serviceDate: `${year}-11-${String(10 + logged / 4).padStart(2, '0')}`,
          },
        });
      }
    }
    await app.ok('POST', `/star-ratings/${year}/run`, { token: admin, status: 200 });
    await app.ok('POST', `/star-ratings/${year}/publish`, { token: admin, status: 200 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function volunteerLogin(page: Page, m: { passbookNo: string }): Promise<void> {
    await page.locator('input[name=passbookNo]').fill(m.passbookNo);
    await page.locator('input[name=pin]').fill('246810');
    await page.getByRole('button', { name: '查看我的存折' }).click();
  }

  async function adminLogin(page: Page): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
  }

  it('should show the notice with its period and a link to object, on a phone', async () => {
    const rating: Json = await app.ok('GET', `/star-ratings/${year}`, { token: admin });
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
    const period = `公示期：${local(rating.notice.startsAt)} 至 ${local(rating.notice.endsAt)}`;

    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/notice/${year}`);
    expect(await textOf(page.getByTestId('notice-state'), '公示中')).toBe('公示中');
    expect(await textOf(page.getByTestId('notice-period'), period)).toBe(period);
    const how = page.getByTestId('notice-how-to-object');
    expect(await textWith(how, '登录提出异议')).toContain('请在公示期内登录本人存折页面提出');
    expect(await how.getByRole('link', { name: '登录提出异议' }).getAttribute('href')).toBe('/me');
    expect(await textWith(page.locator('main'), '王*兰')).toContain('李*国');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'year-end-notice-375');
    await context.close();
  });

  it('should let a volunteer object on a 375 px phone and read the answer', async () => {
    const [, li] = members;
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.baseUrl}/me`);
    await volunteerLogin(page, li);
    const section = page.getByTestId('my-objections');
    await section.getByTestId('objection-form').waitFor();
    expect(await textWith(section, '公示期')).toContain('对评星结果有异议，请在公示期内提出');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'year-end-volunteer-form-375');

    await section.getByTestId('objection-about').selectOption({ label: '王*兰 ★★' });
    await section.getByTestId('objection-reason').fill('王秀兰11月只来过两次，请核对');
    await section.getByTestId('objection-submit').click();
    expect(await textWith(section.getByTestId('objection-sent'), '异议已提交')).toContain(
      '社区会在公示期内答复',
    );
    const item = section.getByTestId('objection');
    expect(await textWith(item, '关于 王*兰 的评星')).toContain('王秀兰11月只来过两次，请核对');
    expect(await textOf(item.getByTestId('objection-status'), '待答复')).toBe('待答复');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, 'year-end-volunteer-filed-375');
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'year-end-volunteer-section-375.png') });
    await context.close();
  });

  it('should list the objections on the admin ratings page and answer one, seen by the volunteer', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await adminLogin(page);
    await page.goto(`${app.baseUrl}/admin/ratings/${year}`);
    expect(await textWith(page.getByTestId('rating-status'), '已公示')).toContain('公示期');
    const list = page.getByTestId('rating-objections');
    const objection = list.getByTestId('admin-objection');
    expect(await textWith(objection, '李建国')).toContain('对 王秀兰');
    expect(await textWith(objection, '待答复')).toContain('王秀兰11月只来过两次，请核对');
    await screenshot(page, 'year-end-admin-objections');

    await objection
      .getByTestId('objection-reply-input')
      .fill('经核对，王秀兰11月服务20小时，记录属实');
    await objection.getByTestId('reject-objection').click();
    expect(await textWith(objection.getByTestId('admin-objection-reply'), '记录属实')).toContain(
      '答复：经核对',
    );
    expect(await textWith(objection, '未采纳')).toContain('未采纳');
    // Finalizing is refused while the notice runs, in words.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('finalize-rating').click();
    expect(await textWith(page.getByTestId('error'), '公示期到')).toContain('结束后才能确认公布');
    await screenshot(page, 'year-end-admin-answered');
    await context.close();

    const phone = await newPage(browser, PHONE);
    await phone.page.goto(`${app.baseUrl}/me`);
    await volunteerLogin(phone.page, members[1]);
    const item = phone.page.getByTestId('my-objections').getByTestId('objection');
    expect(await textWith(item.getByTestId('objection-reply'), '记录属实')).toBe(
      '答复：经核对，王秀兰11月服务20小时，记录属实',
    );
    expect(await textOf(item.getByTestId('objection-status'), '未采纳')).toBe('未采纳');
    await screenshot(phone.page, 'year-end-volunteer-answered-375');
    await phone.page
      .getByTestId('my-objections')
      .screenshot({ path: join(SCREENSHOT_DIR, 'year-end-volunteer-answer-section-375.png') });
    await phone.context.close();
  });
  it('should let the admin reverse an earn of the year on notice by naming the objection', async () => {
    const zhao = members[2];
    const zhaoToken = (
      await app.ok('POST', '/auth/passbook-login', {
        body: { passbookNo: zhao.passbookNo, pin: '246810' },
        status: 200,
      })
    ).token as string;
    const objection = await app.ok('POST', '/me/objections', {
      token: zhaoToken,
      body: { year, about: 'self', reason: '11月11日的义诊我没有去，记错了' },
    });
    const book = await app.ok('GET', `/passbooks/${zhao.passbookNo}`, { token: admin });
    const earn = book.entries.find((e: Json) => e.effectiveDate === `${year}-11-11`);

    const { context, page } = await newPage(browser, DESKTOP);
    await adminLogin(page);
    await page.goto(`${app.baseUrl}/admin/passbook/${zhao.passbookNo}`);
    await page.getByTestId(`reverse-${earn.seq}`).click();
    await page.getByLabel('冲正原因（必填，会记入账本）').fill('本人未参加');
    await page.getByTestId('reverse-objection-id').fill(String(objection.id));
    await screenshot(page, 'year-end-admin-reverse-by-objection');
    await page.getByRole('button', { name: `确认冲正 ${earn.amount}` }).click();
    await page.getByTestId(`reverse-${earn.seq}`).waitFor({ state: 'detached' });
    const rating = await app.ok('GET', `/star-ratings/${year}`, { token: admin });
    expect(rating.ratings.find((r: Json) => r.memberId === zhao.id)).toMatchObject({
      earned: '12.00',
      stars: 0,
    });
    await context.close();
  });
});
