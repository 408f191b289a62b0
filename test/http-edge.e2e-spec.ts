import { createServer, request as httpRequest, Server } from 'node:http';
import { connect, Socket } from 'node:net';
import { limitConnections } from '../src/common/http-edge';
import { listenOnLoopback } from './support/listen';
import { createTestApp, TestApp } from './support/test-app';

/** Ports 4540-4599 are this test's. */
const PORTS = { from: 4540, to: 4599 };

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Milliseconds until the server closes the socket, or null if it is still open after `waitMs`. */
function closedWithin(socket: Socket, waitMs: number): Promise<number | null> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, waitMs);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(3000, () => req.destroy(new Error('no answer within 3 s')));
    req.end();
  });
}

describe('connection limits (e2e)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        HTTP_IDLE_TIMEOUT_MS: '600',
        HTTP_HEADERS_TIMEOUT_MS: '800',
        HTTP_REQUEST_TIMEOUT_MS: '1200',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      },
    });
    port = await listenOnLoopback((p, h) => t.app.listen(p, h), PORTS);
  });
  afterAll(() => t.close());

  it('should close a connection that sends nothing within the idle timeout', async () => {
    const ms = await closedWithin(await open(port), 5000);
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThanOrEqual(500);
    expect(ms!).toBeLessThan(2000);
  });

  it('should cut headers sent a byte at a time after the headers timeout', async () => {
    const socket = await open(port);
    const headers = `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(200)}`;
    let i = 0;
    const drip = setInterval(() => socket.write(headers[i++] ?? 'a'), 50);
    const ms = await closedWithin(socket, 5000);
    clearInterval(drip);
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThan(2500);
  });

  it('should cut a body sent a byte at a time after the request timeout, answering 408', async () => {
    const socket = await open(port);
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const drip = setInterval(() => socket.write(' '), 50);
    const ms = await closedWithin(socket, 5000);
    clearInterval(drip);
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThan(3000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('should close an idle keep-alive connection after a response', async () => {
    const socket = await open(port);
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    const ms = await closedWithin(socket, 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThan(2500);
  });

  it('should still answer while 300 idle connections are open', async () => {
    const idle = await Promise.all(Array.from({ length: 300 }, () => open(port)));
    const closed = idle.map((s) => closedWithin(s, 5000));
    const started = Date.now();
    const res = await get(port, '/api/health');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    // And every one of them is closed by the server, not left to the client.
    expect((await Promise.all(closed)).filter((ms) => ms === null)).toEqual([]);
  });
});

describe(limitConnections.name, () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      // A slow answer (a long verify) sends nothing for longer than the idle timeout.
      setTimeout(() => res.end('done'), req.url === '/slow' ? 1500 : 0);
    });
    limitConnections(server, {
      idleTimeoutMs: 500,
      headersTimeoutMs: 1000,
      requestTimeoutMs: 1000,
      keepAliveTimeoutMs: 300,
      maxConnections: 20,
    });
    port = await listenOnLoopback(server, PORTS);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('should never cut a request that is being answered', async () => {
    expect(await get(port, '/slow')).toEqual({ status: 200, body: 'done' });
  });

  it('should refuse connections over the cap at once and serve again once idle ones are closed', async () => {
    const idle = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    const over = await open(port);
    expect(await closedWithin(over, 400)).not.toBeNull();
    await Promise.all(idle.map((s) => closedWithin(s, 3000)));
    expect((await get(port, '/fast')).status).toBe(200);
  });
});

describe('API response headers (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should mark every API answer, refusals included, Cache-Control: no-store', async () => {
    const answers: [string, Awaited<ReturnType<TestApp['http']['get']>>][] = [
      ['health', await t.http.get('/api/health')],
      ['a list', await t.http.get('/api/members').set('Authorization', t.adminAuth)],
      ['401', await t.http.get('/api/members')],
      ['404', await t.http.get('/api/no-such-thing')],
      ['bad login', await t.http.post('/api/auth/login').send({ username: 'a', password: 'bad' })],
      ['400', await t.http.get('/api/members?q=%00').set('Authorization', t.adminAuth)],
      ['docs json', await t.http.get('/api/docs-json')],
    ];
    expect(answers.map(([name, r]) => [name, r.headers['cache-control']])).toEqual(
      answers.map(([name]) => [name, 'no-store']),
    );
  });

  it('should send the docs page with a Content-Security-Policy that keeps it to its own files', async () => {
    const page = await t.http.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Swagger UI loads only scripts from /api/docs/, none inline, so 'self' is enough.
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    const asset = await t.http.get('/api/docs/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).not.toBe('no-store');
  });
});
