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
} from './browser-harness';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date in Shanghai `offsetDays` from now (the running service uses the real clock). */
function shanghaiDate(offsetDays: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM" `n` months before this month. */
function monthsAgo(n: number): string {
  const today = shanghaiDate(0);
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * The report page's annual view (charts by month, category, team and stars, the CSV) and the
 * volunteer-growth line chart, on a desktop and a 375 px phone.
 */
describe('Annual report and growth pages', () => {
  let app: RunningApp;
  let browser: Browser;
  let admin: string;
  const year = shanghaiDate(0).slice(0, 4);

  beforeAll(async () => {
    app = await RunningApp.start();
    browser = await launchBrowser();
    admin = await app.loginStaff('admin', ADMIN_PASSWORD);
    const standard = await app.ok('GET', '/standard', { token: admin });
    const items = standard.categories.flatMap(
      (c: { items: { code: string; unit: string }[] }) => c.items,
    );
    const hourItems = items.filter((i: { unit: string }) => i.unit === 'hour');
    // Volunteers typed in from the paper register: one joined in each of the last twelve months,
    // two a month in the last four; the first of them has since left.
    const members: { id: number }[] = [];
    for (let n = 11; n >= 0; n--) {
      for (let k = 0; k < (n < 4 ? 3 : 1); k++) {
        members.push(
          await app.ok('POST', '/members', {
            token: admin,
            body: {
              name: `志愿者${n}-${k}`,
              kind: 'resident',
              joinedOn: n === 0 ? shanghaiDate(0) : `${monthsAgo(n)}-0${k + 1}`,
            },
          }),
        );
      }
    }
    await app.ok('PATCH', `/members/${members[0].id}`, { token: admin, body: { active: false } });
    const team = await app.ok('POST', '/teams', {
      token: admin,
      body: { name: '环境整治服务队' },
    });
    for (const m of members.slice(1, 6)) {
      await app.ok('POST', `/teams/${team.id}/members`, { token: admin, body: { memberId: m.id } });
    }
    // Service within the back-dating limit, in the last three months.
    for (const [i, m] of members.slice(1).entries()) {
      const offset = -((i * 7) % 80);
      const serviceDate = shanghaiDate(offset);
      if (serviceDate.slice(0, 4) !== year) {
        continue;
      }
      await app.ok('POST', '/service-records', {
        token: admin,
        idempotent: true,
        body: {
          memberId: m.id,
          itemCode: hourItems[i % hourItems.length].code,
          quantity: String(1 + (i % 3)),
          serviceDate,
          ...(i < 5 ? { teamId: team.id } : {}),
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function reportPage(device: typeof DESKTOP | typeof PHONE): Promise<Page> {
    const { page } = await newPage(browser, device);
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
    await page.goto(`${app.baseUrl}/admin/report`);
    return page;
  }

  it('should take a join date from the paper register on create and edit', async () => {
    const page = await reportPage(DESKTOP);
    await page.goto(`${app.baseUrl}/admin/members`);
    const form = page.getByTestId('new-member');
    await form.locator('input[name=name]').fill('纸质登记');
    await form.locator('input[name=joinedOn]').fill('2019-03-05');
    await form.getByRole('button', { name: /开户/ }).click();
    await page.locator('input[name=q]').fill('纸质登记');
    await page.getByRole('button', { name: '查找' }).click();
    await page.locator('tr[data-member]', { hasText: '纸质登记' }).waitFor();
    const found = await app.ok('GET', `/members?q=${encodeURIComponent('纸质登记')}`, {
      token: admin,
    });
    expect(found.items).toHaveLength(1);
    expect(found.items[0].joinedOn).toBe('2019-03-05');
    const row = page.locator(`tr[data-member="${found.items[0].passbookNo}"]`);
    await row.getByRole('button', { name: '修改/停用' }).click();
    const edit = page.getByTestId('member-edit');
    expect(await edit.locator('input[name=editJoinedOn]').inputValue()).toBe('2019-03-05');
    await edit.locator('input[name=editJoinedOn]').fill('2018-11-20');
    await screenshot(page, 'admin-member-joined-on-1280');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    const view = await app.ok('GET', `/members/${found.items[0].id}`, { token: admin });
    expect(view.joinedOn).toBe('2018-11-20');
    await page.close();
  });

  it.each([
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const)(
    'should show the year and the growth at %s',
    async (tag, device) => {
      const page = await reportPage(device);
      await page.getByTestId('report-view').selectOption('year');
      await page.getByRole('button', { name: '查看' }).first().click();
      expect(await textWith(page.locator('h2').first(), '年度报表')).toBe(`年度报表：${year}年`);
      const months = page.getByTestId('chart-year-months');
      await months.waitFor();
      // Twelve months drawn, each labelled 1月 … 12月.
      expect(await months.locator('svg text.tick').allTextContents()).toEqual(
        expect.arrayContaining(['1月', '6月', '12月']),
      );
      expect(await months.locator('.sr-only tbody tr').count()).toBe(12);
      expect(await page.getByTestId('chart-teams').textContent()).toContain('环境整治服务队');
      expect(await page.getByTestId('chart-stars').textContent()).toContain('本年度还没有星级评定');
      const tiles = await page.getByTestId('report-tiles').textContent();
      expect(tiles).toContain('服务时长（小时）');

      const growth = page.getByTestId('chart-growth');
      await growth.waitFor();
      const api = await app.ok('GET', `/reports/growth?from=${monthsAgo(11)}&to=${monthsAgo(0)}`, {
        token: admin,
      });
      const first = api.months[0];
      const last = api.months[api.months.length - 1];
      expect(api.months).toHaveLength(12);
      expect(last.registered).toBe(first.registered + 18);
      expect(await page.getByTestId('growth-headline').textContent()).toBe(
        `登记志愿者从 ${first.registered} 人到 ${last.registered} 人（${monthsAgo(11)} 至 ${monthsAgo(0)}）`,
      );
      expect(await growth.locator('polyline').count()).toBe(2);
      expect(await growth.locator('circle').count()).toBe(24);
      await page.waitForLoadState('networkidle');
      if (device === PHONE) {
        expect(await overflowing(page)).toEqual([]);
      }
      await screenshot(page, `admin-annual-report-${tag}`);
      for (const id of ['chart-year-months', 'chart-stars', 'chart-growth']) {
        await page
          .getByTestId(id)
          .screenshot({ path: join(SCREENSHOT_DIR, `admin-annual-${id}-${tag}.png`) });
      }
      // The months in figures, folded away until asked for.
      await page.getByTestId('growth-table').locator('summary').click();
      expect(await page.getByTestId('growth-table').locator('tbody tr').count()).toBe(12);

      if (device === DESKTOP) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: '下载 CSV' }).click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`passbook-report-${year}.csv`);
        // A bad range is refused with a sentence, not a stack trace.
        await page.getByLabel('开始月份').fill(monthsAgo(0));
        await page.getByLabel('结束月份').fill(monthsAgo(2));
        await page.getByRole('button', { name: '查看' }).nth(1).click();
        expect(await textWith(page.locator('.admin-body'), '结束月份不能早于')).toContain(
          '结束月份不能早于开始月份。',
        );
      }
      await page.close();
    },
    120_000,
  );
});
