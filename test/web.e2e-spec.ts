import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';
import { PAGE_ROUTES, registerWebPages } from '../src/web/web-pages';

/** A stand-in for web/dist, so these tests do not depend on a build of the pages. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-web-dist-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>爱心存折</title><div id="app"></div>',
  );
  writeFileSync(join(dir, 'app.js'), 'console.log("pages");');
  writeFileSync(join(dir, 'app.js.gz'), gzipSync('console.log("pages");'));
  // Left over from an older build: the sources must not be published with it.
  writeFileSync(join(dir, 'app.js.map'), '{"version":3,"sources":["../src/main.tsx"]}');
  return dir;
}

describe(registerWebPages.name, () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = fakeBuild();
    t = await createTestApp({ env: { WEB_DIR: dir } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should serve index.html at / with a strict content security policy', async () => {
    const res = await t.http.get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<div id="app">');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('should answer every page path with index.html so reloads and bookmarks work', async () => {
    for (const path of [
      '/me',
      '/counter',
      '/leader',
      '/admin',
      '/admin/report',
      '/print/V7K2MQ9X',
      '/notice/2025',
      '/account',
      // Every route the server registers, a wildcard standing for one page below it.
      ...PAGE_ROUTES.map((route) => route.replace('*', 'page')),
    ]) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, page: res.text.includes('<div id="app">') }).toEqual({
        path,
        status: 200,
        page: true,
      });
    }
  });

  it('should serve the built script', async () => {
    const res = await t.http.get('/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.text).toBe('console.log("pages");');
  });

  it('should not serve source maps', async () => {
    const res = await t.http.get('/app.js.map');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('sources');
  });

  it('should send the compressed copy to browsers that accept it', async () => {
    const res = await t.http.get('/app.js').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toContain('Accept-Encoding');
    expect(res.text).toBe('console.log("pages");');
  });

  it('should keep the API under /api and answer unknown paths with the coded JSON 404', async () => {
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', db: 'up' });
    for (const path of ['/api/no-such-endpoint', '/no-such-file.js', '/counter/extra']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it('should run the API alone when the folder holds no index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'passbook-web-empty-'));
    const apiOnly = await createTestApp({ env: { WEB_DIR: empty } });
    try {
      expect((await apiOnly.http.get('/')).status).toBe(404);
      expect((await apiOnly.http.get('/counter')).status).toBe(404);
      expect((await apiOnly.http.get('/api/health')).status).toBe(200);
    } finally {
      await apiOnly.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
