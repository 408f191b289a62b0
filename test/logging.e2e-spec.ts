import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { GENERATED_ADMIN_LINE } from '../src/auth/auth.service';
import { announceStart, pagesUrl, startLines } from '../src/start-lines';
import { createTestApp, testConfig } from './support/test-app';
import { createTestStore } from './support/test-db';

describe('logging of user-supplied values (e2e)', () => {
  it('should log a locked username masked: it may be a password typed into the wrong field', async () => {
    const t = await createTestApp();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const typed = 'MySecret-Pa55\n[Nest] LOG fake line';
      for (let i = 0; i < 5; i++) {
        await t.http.post('/api/auth/login').send({ username: typed, password: 'whatever' });
      }
      const lines = warn.mock.calls.map((c) => String(c[0]));
      const locked = lines.find((l) => l.includes(' locked for '));
      expect(locked).toBeDefined();
      expect(locked).toMatch(/^user:M\*+ \(34 characters\) locked for 15 minutes/);
      expect(locked).not.toContain('\n');
      expect(lines.join(' ')).not.toContain('Secret');
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});

describe('start-up lines (e2e)', () => {
  it('should end a first start with where the pages are and where the generated password is, never the password', async () => {
    const store = await createTestStore();
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const config = testConfig(store.database, {
        ADMIN_PASSWORD: '',
        HOST: '0.0.0.0',
        PORT: '3912',
        WEB_DIR: mkdtempSync(join(tmpdir(), 'no-pages-')),
      });
      const app = await createApp({ config, logger: false });
      try {
        const passwordLines = warn.mock.calls
          .map((c) => String(c[0]))
          .filter((l) => l.startsWith(GENERATED_ADMIN_LINE));
        expect(passwordLines).toHaveLength(1);
        const password = /: (\S+) /.exec(passwordLines[0])![1];

        log.mockClear();
        announceStart(app, config);
        const lines = log.mock.calls.map((c) => String(c[0]));
        expect(lines).toEqual([
          'API at http://localhost:3912/api (docs at http://localhost:3912/api/docs); no web pages built (run "npm run build")',
          'Listening on every address of this computer (HOST=0.0.0.0), port 3912',
          `First login: user "admin" with the password in the warning above that starts "${GENERATED_ADMIN_LINE}"; the pages then ask for a new one`,
        ]);
        expect(lines.join('\n')).not.toContain(password);

        const http = request(app.getHttpServer());
        const first = await http.post('/api/auth/login').send({ username: 'admin', password });
        expect(first.status).toBe(200);
        expect(first.body.user.mustChangePassword).toBe(true);
      } finally {
        await app.close();
      }

      // The next start finds the admin there: no password line, and no pointer to one.
      warn.mockClear();
      const again = await createApp({ config, logger: false });
      try {
        log.mockClear();
        announceStart(again, config);
        expect(warn.mock.calls.some((c) => String(c[0]).startsWith(GENERATED_ADMIN_LINE))).toBe(
          false,
        );
        expect(log.mock.calls.map((c) => String(c[0])).join('\n')).not.toContain('First login');
      } finally {
        await again.close();
      }
    } finally {
      log.mockRestore();
      warn.mockRestore();
      await store.drop();
    }
  });

  it('should name a configured host in the address and a built page folder as web pages', () => {
    const webDir = mkdtempSync(join(tmpdir(), 'pages-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html>');
    expect(
      startLines({ host: '192.168.1.20', port: 80, webDir }, { generatedAdminPassword: false }),
    ).toEqual([
      'Web pages at http://192.168.1.20:80/ (API docs at http://192.168.1.20:80/api/docs)',
    ]);
    expect(pagesUrl('::1', 3000)).toBe('http://[::1]:3000/');
    expect(pagesUrl('::', 3000)).toBe('http://localhost:3000/');
  });
});
