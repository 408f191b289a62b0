import { FileTypeValidator } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

// package.json `overrides` pins two packages below the versions NestJS 12 asks for, because those
// want Node 22 and the project runs on Node 20 too: file-type 21 under @nestjs/common (its
// FileTypeValidator only calls fileTypeFromBuffer) and cookie 1.1 under light-my-request (which
// only calls stringifySetCookie, for inject's `cookies`). These tests show both callers still work.
const root = process.cwd();
const requireHere = createRequire(join(root, 'package.json'));
const semver = requireHere('semver') as { satisfies(version: string, range: string): boolean };

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('dependency overrides', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should tell a PNG from text by its bytes with FileTypeValidator (file-type 21)', async () => {
    const validator = new FileTypeValidator({ fileType: 'image/png' });
    const png = { mimetype: 'image/png', buffer: PNG, size: PNG.length } as never;
    const text = Buffer.from('name,phone\n王秀兰,13800000000\n');
    const fake = { mimetype: 'image/png', buffer: text, size: text.length } as never;
    await expect(validator.isValid(png)).resolves.toBe(true);
    await expect(validator.isValid(fake)).resolves.toBe(false);
  });

  it('should send the cookies given to inject, encoded (light-my-request with cookie 1.1)', async () => {
    const { inject } = requireHere('light-my-request') as {
      inject(
        dispatch: (
          req: { headers: Record<string, string> },
          res: { end(body: string): void },
        ) => void,
        options: object,
      ): Promise<{ payload: string }>;
    };
    const echo = await inject((req, res) => res.end(req.headers.cookie ?? ''), {
      url: '/api/health',
      cookies: { sid: 'a;b', name: '王' },
    });
    expect(echo.payload).toBe('sid=a%3Bb; name=%E7%8E%8B');
    const res = await t.app.inject({ method: 'GET', url: '/api/health', cookies: { sid: 'x' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('should declare only Node versions every locked package accepts', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    // The lowest release of each range the project declares, and the Node it is tested on.
    const lowest = ['20.19.0', '22.13.0', '24.11.0', process.versions.node];
    expect(lowest.every((v) => semver.satisfies(v, pkg.engines.node))).toBe(true);
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false);
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries<{ engines?: { node?: unknown } }>(lock.packages)) {
      const range = entry.engines?.node;
      if (path === '' || typeof range !== 'string') {
        continue;
      }
      for (const v of lowest) {
        if (!semver.satisfies(v, range)) {
          refusing.push(`${path} wants node ${range}, not ${v}`);
        }
      }
    }
    expect(refusing).toEqual([]);
    expect(lock.packages['node_modules/@nestjs/common/node_modules/file-type'].version).toMatch(
      /^21\./,
    );
    expect(lock.packages['node_modules/light-my-request/node_modules/cookie'].version).toMatch(
      /^1\./,
    );
  });
});
