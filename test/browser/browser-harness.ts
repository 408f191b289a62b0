import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { freePort } from '../support/listen';

/** Where the browser tests leave their screenshots (git-ignored; named in the README). */
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'test-output/screenshots');

export const ADMIN_PASSWORD = 'admin-pass-web-123';

/** A parsed JSON body of a seeding call; the tests read the fields the contract names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse {
  status: number;
  body: Json;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP exchange on its own connection (no keep-alive left behind when the tests end). */
export function httpCall(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** The built service (`dist/src/main.js`, pages in web/dist) on a fresh SQLite file and a free port. */
export class RunningApp {
  private constructor(
    readonly baseUrl: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly output: string[],
  ) {}

  static async start(env: Record<string, string> = {}): Promise<RunningApp> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'passbook-web-'));
    // The community's files, with back-dating reaching last year so a year-end rating has people in it.
    const configDir = join(dir, 'config');
    if (existsSync('config')) {
      cpSync('config', configDir, { recursive: true });
    } else {
      mkdirSync(configDir);
    }
    writeFileSync(
      join(configDir, 'service-records.json'),
      JSON.stringify({ approvalRequired: false, backDatingDays: 800, maxHoursPerDay: '12' }),
    );
    const output: string[] = [];
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_PATH: join(dir, 'passbook.sqlite'),
        CERTIFICATE_KEY_DIR: join(dir, 'keys'),
        CONFIG_DIR: configDir,
        ADMIN_PASSWORD,
        RATE_LIMIT_PER_MINUTE: '0',
        SCHEDULER_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    const app = new RunningApp(`http://127.0.0.1:${port}`, child, dir, output);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`the service exited (${child.exitCode}):\n${output.join('')}`);
      }
      try {
        const res = await httpCall(`${app.baseUrl}/api/health`, 'GET');
        if (res.status === 200) {
          return app;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await app.stop();
        throw new Error(`the service did not answer within 30 s:\n${output.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** One API call; `idempotent` adds a fresh Idempotency-Key. */
  async api(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; idempotent?: boolean } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (options.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options.idempotent) {
      headers['Idempotency-Key'] = `seed-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    }
    const res = await httpCall(
      `${this.baseUrl}/api${path}`,
      method,
      headers,
      options.body === undefined ? undefined : JSON.stringify(options.body),
    );
    return {
      status: res.status,
      body: res.text ? JSON.parse(res.text) : undefined,
      headers: res.headers,
    };
  }

  /** Like api() but fails the test with the response when the status is not the expected one. */
  async ok(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; idempotent?: boolean; status?: number } = {},
  ): Promise<Json> {
    const res = await this.api(method, path, options);
    const expected = options.status ?? (method === 'POST' ? 201 : 200);
    if (res.status !== expected && !(options.status === undefined && res.status === 200)) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  async loginStaff(username: string, password: string): Promise<string> {
    const body = await this.ok('POST', '/auth/login', {
      body: { username, password },
      status: 200,
    });
    return body.token as string;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (this.child.exitCode === null) {
        this.child.kill('SIGKILL');
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  log(): string {
    return this.output.join('');
  }
}

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with no network of its own, in Chinese like the
 * community's devices (its own controls — file picker, date fields — follow the browser's language).
 */
/**
 * A fixed-offset zone (Etc/GMT±N) where it is about noon now, for pages whose rules follow the
 * community's wall clock (an event today from two hours ago to two hours ahead): a run at any hour
 * of the day sees one local day, never an event crossing midnight. `offsetHours`: east of UTC.
 */
export function noonZone(now = new Date()): { timeZone: string; offsetHours: number } {
  const offsetHours = ((12 - now.getUTCHours() + 36) % 24) - 12;
  // Etc/GMT's sign is POSIX's: Etc/GMT-8 is UTC+8.
  const timeZone =
    offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
  return { timeZone, offsetHours };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
    // Chromium on Linux takes its own language from LANGUAGE (and its zh-CN from chromium-l10n).
    env: { ...process.env, LANGUAGE: 'zh_CN' },
  });
}

export const PHONE = {
  viewport: { width: 375, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
/** A 1280 × 800 counter screen at 200 % browser zoom shows 640 × 400 CSS pixels. */
export const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export async function newPage(
  browser: Browser,
  device: typeof PHONE | typeof ZOOM_200 | typeof DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...device,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * What sticks out sideways (the page would scroll horizontally): the outermost elements whose right
 * edge passes the viewport, outside any container that scrolls by itself. Empty when it all fits.
 */
export async function overflowing(page: Page): Promise<string[]> {
  // Looked at a few times, since a page may still draw what its last requests brought.
  const first = await overflowingNow(page);
  if (first.length) {
    return first;
  }
  await page.waitForTimeout(300);
  return overflowingNow(page);
}

async function overflowingNow(page: Page): Promise<string[]> {
  // The device's width, not clientWidth: a mobile browser widens its layout viewport to what overflows.
  const viewport = page.viewportSize()?.width ?? 0;
  return page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width + 1) {
      return [];
    }
    const out: string[] = [];
    const scrolls = (el: Element) =>
      ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
    const walk = (el: Element) => {
      if (el.getBoundingClientRect().right > width + 1) {
        const inner = Array.from(el.children).filter(
          (c) => c.getBoundingClientRect().right > width + 1,
        );
        if (inner.length === 0 || scrolls(el)) {
          out.push(
            `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`,
          );
          return;
        }
        inner.forEach(walk);
      }
    };
    walk(document.body);
    return out;
  }, viewport);
}

/**
 * The element's text once it satisfies `accept` (pages update after their requests answer), or the
 * last text seen when time runs out, so the test's expect() shows what was really there.
 */
export async function settledText(
  locator: Locator,
  accept: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = Math.max(1, deadline - Date.now());
    const text = (await locator.textContent({ timeout: left }).catch(() => null)) ?? '';
    if (accept(text) || Date.now() >= deadline) {
      return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const textOf = (locator: Locator, expected: string) =>
  settledText(locator, (t) => t === expected);
export const textWith = (locator: Locator, part: string) =>
  settledText(locator, (t) => t.includes(part));

/**
 * On how many lines the first match of `pattern` in the element's text is drawn (0 when it is not
 * there): 1 for a date, a unit, a button's words that stay whole; 2 or more for "2026- / 12-02".
 */
export async function linesOfText(locator: Locator, pattern: RegExp): Promise<number> {
  return locator.evaluate(
    (el, [source, flags]) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
      }
      const text = nodes.map((n) => n.data).join('');
      const m = new RegExp(source, flags).exec(text);
      if (!m) {
        return 0;
      }
      const at = (offset: number, end: boolean): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset < seen + n.data.length || (end && offset === seen + n.data.length)) {
            return [n, offset - seen];
          }
          seen += n.data.length;
        }
        const last = nodes[nodes.length - 1];
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...at(m.index, false));
      range.setEnd(...at(m.index + m[0].length, true));
      // Boxes of one line differ by a few pixels at most (a smaller font); a new line by a line.
      const tops = Array.from(range.getClientRects())
        .filter((r) => r.width > 0)
        .map((r) => r.top)
        .sort((a, b) => a - b);
      return tops.filter((t, i) => i === 0 || t - tops[i - 1] > 8).length;
    },
    [pattern.source, pattern.flags] as const,
  );
}
