import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Hostile input across every endpoint the OpenAPI document lists: wrong types, missing fields, huge
 * and tiny numbers, too many decimals, unknown ids, injection-looking strings, wrong content types,
 * oversized and malformed bodies, bad tokens. Every answer must be a coded 4xx, never a 5xx, and the
 * ledger must be exactly as before.
 */
interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  isPublic: boolean;
  properties: Record<string, { type?: string; enum?: unknown[]; nullable?: boolean }>;
  required: string[];
  query: string[];
  hasBody: boolean;
}

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE members; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${7*7}',
  '\u0000',
];
const BAD_NUMBERS: unknown[] = [
  3_000_000_000,

  '1.234',
  '1e5',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '99999999999999999999',
  1e308,
  -0.001,
  0.001,
  '12,50',
  ' ',
];
const BAD_PATH_VALUES = [
  'abc',
  '-1',
  '0',
  '99999999',
  '1.5',
  "' OR 1=1 --",
  '%00',
  '00000000-0000-4000-8000-000000000000',
];

describe('hostile input (e2e)', () => {
  let t: TestApp;
  let ops: Operation[];
  let ledgerCount: () => Promise<number>;

  beforeAll(async () => {
    t = await createTestApp();
    const f = fixtures(t.app);
    const m = await f.newMember();
    await f.earn(m.accountId, 5000);
    const doc = (await t.http.get('/api/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            security?: unknown[];
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
          }
        >
      >;
      components?: {
        schemas?: Record<
          string,
          {
            properties?: Record<string, { type?: string; enum?: unknown[]; nullable?: boolean }>;
            required?: string[];
          }
        >;
      };
    };
    ops = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined;
        ops.push({
          method: method as Operation['method'],
          path,
          isPublic: !op.security,
          properties: schema?.properties ?? {},
          hasBody: Boolean(schema),
          required: schema?.required ?? [],
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        });
      }
    }
    ledgerCount = async () =>
      t.db.read(async (em) =>
        Number((await em.query('SELECT COUNT(*) AS c FROM ledger_transactions'))[0].c),
      );
  });
  afterAll(() => t.close());

  function fill(path: string, value: string): string {
    return path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
  }

  function requests(): {
    name: string;
    method: Operation['method'];
    path: string;
    body?: unknown;
    headers: Record<string, string>;
    raw?: string;
  }[] {
    const out: ReturnType<typeof requests> = [];
    const admin = { Authorization: t.adminAuth, 'Idempotency-Key': 'hostile' };
    for (const op of ops) {
      if (op.path.startsWith('/api/docs')) {
        continue;
      }
      const hasParams = op.path.includes('{');
      const base = hasParams ? fill(op.path, 'abc') : op.path;
      // Bad tokens on every non-public endpoint.
      if (!op.isPublic) {
        for (const auth of [
          'Bearer nope',
          'Bearer ' + 'a'.repeat(43),
          'Basic YWRtaW46YWRtaW4=',
          'Bearer',
          "Bearer ' OR 1=1 --",
        ]) {
          out.push({
            name: `${op.method} ${op.path} auth=${auth}`,
            method: op.method,
            path: base,
            headers: { Authorization: auth },
            body: {},
          });
        }
      }
      // Unknown or malformed ids in the path.
      if (hasParams) {
        for (const v of [...BAD_PATH_VALUES, ...INJECTIONS.slice(0, 3)]) {
          out.push({
            name: `${op.method} ${op.path} id=${v}`,
            method: op.method,
            path: fill(op.path, v),
            headers: admin,
            body: { reason: 'x' },
          });
        }
      }
      if (op.method === 'get') {
        // Bad values for the typed query parameters the endpoint declares.
        const bad = [
          'abc',
          '-1',
          '100000',
          '1.5',
          '%27%20OR%201%3D1',
          '2026-13-45',
          'x'.repeat(300),
        ];
        const typed = op.query.filter((name) =>
          /^(limit|cursor|date|from|to|year|quarter|format)$|Id$/.test(name),
        );
        // An unknown id in a filter is a valid question with an empty answer; a non-number is not.
        const pairs = typed.flatMap((name) =>
          bad.filter((v) => !(name.endsWith('Id') && v === '100000')).map((v) => `${name}=${v}`),
        );
        for (const q of pairs) {
          out.push({
            name: `${op.method} ${op.path}?${q}`,
            method: op.method,
            path: `${base}?${q}`,
            headers: admin,
          });
        }
        continue;
      }
      if (!op.hasBody) {
        // No request body: whatever is sent is ignored, which is not a refusal to test.
        continue;
      }
      const props = Object.entries(op.properties);
      // Extra unknown field carrying an injection string, beside otherwise valid-looking fields.
      for (const inj of INJECTIONS.slice(0, 2)) {
        out.push({
          name: `${op.method} ${op.path} extra field`,
          method: op.method,
          path: base,
          headers: admin,
          body: { [inj]: inj },
        });
      }
      // Missing everything required.
      if (op.required.length) {
        out.push({
          name: `${op.method} ${op.path} {}`,
          method: op.method,
          path: base,
          headers: admin,
          body: {},
        });
      }
      // Each property with a wrong type, a bad number or an injection where it cannot be valid.
      for (const [prop, schema] of props) {
        // null is a value where the schema says so (a PATCH removing an optional field).
        const wrong: unknown[] = [
          { nested: true },
          [1, 2],
          true,
          ...(schema.nullable ? [] : [null]),
        ];
        if (
          schema.type === 'number' ||
          schema.type === 'integer' ||
          /points|price|quantity|amount|stock/i.test(prop)
        ) {
          wrong.push(...BAD_NUMBERS);
        }
        if (schema.enum) {
          wrong.push(INJECTIONS[0], 'x'.repeat(300));
        }
        if (schema.type === 'string' && !schema.enum) {
          wrong.push('x'.repeat(10_000), 12345, 'lone \ud800 surrogate');
        }
        for (const w of wrong) {
          out.push({
            name: `${op.method} ${op.path} ${prop}=${JSON.stringify(w)?.slice(0, 40)}`,
            method: op.method,
            path: base,
            headers: admin,
            body: { [prop]: w },
          });
        }
      }
      // Transport-level abuse.
      out.push({
        name: `${op.method} ${op.path} malformed`,
        method: op.method,
        path: base,
        headers: { ...admin, 'Content-Type': 'application/json' },
        raw: '{"a": ',
      });
      out.push({
        name: `${op.method} ${op.path} array body`,
        method: op.method,
        path: base,
        headers: admin,
        body: [1, 2, 3],
      });
      out.push({
        name: `${op.method} ${op.path} text body`,
        method: op.method,
        path: base,
        headers: { ...admin, 'Content-Type': 'text/plain' },
        raw: 'hello',
      });
      out.push({
        name: `${op.method} ${op.path} xml body`,
        method: op.method,
        path: base,
        headers: { ...admin, 'Content-Type': 'application/xml' },
        raw: '<a/>',
      });
      out.push({
        name: `${op.method} ${op.path} 1.1 MB`,
        method: op.method,
        path: base,
        headers: { ...admin, 'Content-Type': 'application/json' },
        raw: JSON.stringify({ note: 'x'.repeat(1_100_000) }),
      });
    }
    return out;
  }

  // About 700 requests: a minute and more on PostgreSQL on a shared machine.
  it('should answer at least 500 bad requests with coded 4xx, no 5xx, and leave the ledger unchanged', async () => {
    const before = await ledgerCount();
    const list = requests();
    expect(list.length).toBeGreaterThanOrEqual(500);
    const problems: string[] = [];
    let sent = 0;
    for (const r of list) {
      let req = t.http[r.method](r.path);
      for (const [k, v] of Object.entries(r.headers)) {
        // A fresh key each time, so a refusal is about the request itself, not a reused key.
        req = req.set(k, k === 'Idempotency-Key' ? `hostile-${sent}` : v);
      }
      sent++;
      req = req.timeout(15_000);
      const res =
        r.raw !== undefined
          ? await req.send(r.raw)
          : r.body !== undefined
            ? await req.send(r.body as object)
            : await req;
      const body = res.body as { statusCode?: number; code?: string };
      if (
        res.status < 400 ||
        res.status >= 500 ||
        typeof body.code !== 'string' ||
        body.statusCode !== res.status
      ) {
        problems.push(`${r.name} -> ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
      if (/SELECT |INSERT |QueryFailedError|\.ts:\d+|node_modules/.test(res.text)) {
        problems.push(`${r.name} leaked internals: ${res.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await ledgerCount()).toBe(before);
    const verify = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verify.body).toMatchObject({ ok: true, transactions: before });
  }, 240_000);

  /** 40 kB of nesting, as sent to the login without a token. */
  const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('should refuse nesting deeper than the API needs with a coded 400 before anything recurses', async () => {
    const bodies = [
      `{"username": ${deepArray(20_000)}, "password": "x"}`,
      deepObject(8_000),
      // One level past the bound is refused, as is anything further.
      `{"username": ${deepArray(8)}, "password": "x"}`,
    ];
    for (const raw of bodies) {
      const res = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(raw);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: { reason: 'TOO_DEEP' },
      });
    }
    // An idempotent write hashes its body: refused the same way, nothing stored.
    const res = await t.http
      .post('/api/service-records')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', 'deep-1')
      .set('Content-Type', 'application/json')
      .send(`{"memberId": 1, "note": ${deepArray(20_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ reason: 'TOO_DEEP' });
    // The deepest real body (an activity's participants) is not affected by the bound.
    const shallow = await t.http
      .post('/api/auth/login')
      .send({ username: [[[[[[[1]]]]]]], password: 'x' });
    expect(shallow.body.details?.reason).not.toBe('TOO_DEEP');
  });

  it('should refuse NUL and other control characters in any text with a coded 400', async () => {
    const admin = (r: ReturnType<TestApp['http']['get']>, key?: string) =>
      key
        ? r.set('Authorization', t.adminAuth).set('Idempotency-Key', key)
        : r.set('Authorization', t.adminAuth);
    const member = await fixtures(t.app).newMember();
    const tx = await fixtures(t.app).earn(member.accountId, 100);
    const cases: [string, () => ReturnType<TestApp['http']['get']>][] = [
      [
        'login username',
        () => t.http.post('/api/auth/login').send({ username: 'ad\u0000min', password: 'x' }),
      ],
      [
        'login password',
        () => t.http.post('/api/auth/login').send({ username: 'admin', password: 'x\u0000' }),
      ],
      [
        'passbook login',
        () =>
          t.http
            .post('/api/auth/passbook-login')
            .send({ passbookNo: `${member.passbookNo}\u0000`, pin: '123456' }),
      ],
      [
        'member name',
        () => admin(t.http.post('/api/members')).send({ name: '张\u0000三', kind: 'resident' }),
      ],
      [
        'escape code in a name',
        () => admin(t.http.post('/api/members')).send({ name: '张\u001b[31m三', kind: 'resident' }),
      ],
      [
        'household name',
        () => admin(t.http.post('/api/households')).send({ name: '王\u0000家', hardship: 'other' }),
      ],
      ['team name', () => admin(t.http.post('/api/teams')).send({ name: 'team\u0000' })],
      [
        'catalog name',
        () =>
          admin(t.http.post('/api/catalog-items')).send({
            name: 'soap\u0000',
            kind: 'goods',
            price: '1.00',
            stock: 1,
          }),
      ],
      [
        'user name',
        () =>
          admin(t.http.post('/api/users')).send({
            username: 'clerk\u0000',
            password: 'password-123',
            role: 'clerk',
          }),
      ],
      [
        'service record note',
        () =>
          admin(t.http.post('/api/service-records'), 'nul-1').send({
            memberId: member.id,
            itemCode: 'A1',
            quantity: 1,
            serviceDate: '2026-06-14',
            note: 'n\u0000',
          }),
      ],
      [
        'reversal reason',
        () =>
          admin(t.http.post(`/api/ledger/transactions/${tx.id}/reversal`), 'nul-2').send({
            reason: 'r\u0000',
          }),
      ],
      [
        'key of a body field',
        () => admin(t.http.post('/api/members')).send({ ['na\u0000me']: 'x', kind: 'resident' }),
      ],
      ['q of a search', () => admin(t.http.get('/api/members?q=%00'))],
      ['cursor', () => admin(t.http.get('/api/members?cursor=%00'))],
      [
        'passbook number in a path',
        () => admin(t.http.get(`/api/passbooks/${member.passbookNo}%00`)),
      ],
      ['coupon code in a path', () => admin(t.http.get('/api/coupons/ABC%00'))],
    ];
    const problems: string[] = [];
    for (const [name, send] of cases) {
      const res = await send();
      if (
        res.status !== 400 ||
        res.body.code !== 'VALIDATION_FAILED' ||
        res.body.details?.reason !== 'CONTROL_CHARACTER'
      ) {
        problems.push(`${name} -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
    // Free text keeps its tabs and line breaks.
    const ok = await admin(t.http.post('/api/members')).send({ name: '张三', kind: 'resident' });
    expect(ok.status).toBe(201);
  });

  it('should refuse ids past 32 bits in every list cursor and id filter with a coded 400', async () => {
    const f = fixtures(t.app);
    const member = await f.newMember();
    const household = await f.newHousehold();
    const item = await f.newCatalogItem();
    await f.earn(member.accountId, 100, '2025-06-01');
    expect(
      (await t.http.post('/api/star-ratings/2025/run').set('Authorization', t.adminAuth)).status,
    ).toBe(200);
    const memberAuth = await f.memberAuth(member.id);
    const authFor = (path: string) => (path.startsWith('/api/me/') ? memberAuth : t.adminAuth);
    const big = 2 ** 31;
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    const cursors = [`i:${big}`, `r:${big}`, `d:${big}`, `r:1:100:${big}`, `i:99999999999`].map(
      cursor,
    );
    const fillParams = (path: string) =>
      path
        .replace('{passbookNo}', member.passbookNo)
        .replace('{year}', '2025')
        .replace(/\/catalog-items\/\{id\}/, `/catalog-items/${item.id}`)
        .replace(/\/households\/\{id\}/, `/households/${household.id}`);
    const lists = ops.filter((op) => op.method === 'get' && op.query.includes('cursor'));
    expect(lists.length).toBeGreaterThanOrEqual(9);
    const problems: string[] = [];
    for (const op of lists) {
      const path = fillParams(op.path);
      for (const c of cursors) {
        const res = await t.http.get(`${path}?cursor=${c}`).set('Authorization', authFor(path));
        if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED') {
          problems.push(
            `${path} cursor=${Buffer.from(c, 'base64url').toString()} -> ${res.status}`,
          );
        }
      }
      for (const name of op.query.filter((q) => q.endsWith('Id'))) {
        for (const v of [String(big), '99999999999']) {
          const res = await t.http.get(`${path}?${name}=${v}`).set('Authorization', t.adminAuth);
          if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED') {
            problems.push(`${path}?${name}=${v} -> ${res.status}`);
          }
        }
      }
    }
    const res = await t.http
      .get('/api/donations?householdId=99999999999')
      .set('Authorization', t.adminAuth);
    if (res.status !== 400) {
      problems.push(`/api/donations?householdId=99999999999 -> ${res.status}`);
    }
    expect(problems).toEqual([]);
  });
});
