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

  it('should answer a mistyped page address in a browser with the pages and status 404', async () => {
    for (const path of ['/me/', '/Counter', '/admin-typo', '/counter/extra']) {
      const res = await t.http.get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect({
        path,
        status: res.status,
        page: res.text.includes('<div id="app">'),
        csp: res.headers['content-security-policy']?.includes("default-src 'self'"),
      }).toEqual({ path, status: 404, page: true, csp: true });
    }
    // The API, files and clients that do not ask for HTML keep the coded JSON 404.
    for (const path of ['/api/no-such-endpoint', '/api', '/no-such-file.js', '/Counter']) {
      const accept = path === '/Counter' ? 'application/json' : 'text/html';
      const res = await t.http.get(path).set('Accept', accept);
      expect({
        path,
        status: res.status,
        type: res.headers['content-type'],
        body: res.body,
      }).toEqual({
        path,
        status: 404,
        type: 'application/json; charset=utf-8',
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'not found' },
      });
    }
    const post = await t.http.post('/no-such-page').set('Accept', 'text/html').send({});
    expect({ status: post.status, code: post.body.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('should tell the pages the community, its zone, its date and its public address', async () => {
    const named = await createTestApp({
      env: { COMMUNITY_NAME: '岭南社区', PUBLIC_URL: 'https://passbook.example.cn/' },
    });
    try {
      named.clock.set('2027-01-04T17:30:00Z');
      const res = await named.http.get('/api/public/community');
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: {
          code: 'default',
          name: '岭南社区',
          issuer: '岭南社区志愿服务站',
          timeZone: 'Asia/Shanghai',
          today: '2027-01-05',
          publicUrl: 'https://passbook.example.cn',
        },
      });
    } finally {
      await named.close();
    }
    const unset = await t.http.get('/api/public/community');
    expect(unset.body).toEqual({
      code: 'default',
      name: null,
      issuer: null,
      timeZone: 'Asia/Shanghai',
      today: '2026-06-15',
      publicUrl: null,
    });
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
