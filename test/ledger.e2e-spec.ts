import { LedgerService } from '../src/ledger/ledger.service';
import { createTestApp, TestApp } from './support/test-app';

describe('ledger over HTTP (e2e)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let issuance: number;

  beforeAll(async () => {
    t = await createTestApp();
    ledger = t.app.get(LedgerService);
    issuance = await ledger.systemAccountId(1, 'issuance');
  });
  afterAll(() => t.close());

  let n = 0;
  async function earned(cents: number): Promise<{ accountId: number; transactionId: string }> {
    n++;
    return t.db.write(async () => {
      const account = await ledger.openAccount(1, 'member', `会员${n}`, `E2E${n}`);
      const posted = await ledger.post({
        communityId: 1,
        kind: 'earn',
        actor: 'user:1',
        description: 'seed',
        postings: [
          { accountId: issuance, amount: -cents },
          { accountId: account.id, amount: cents },
        ],
      });
      return { accountId: account.id, transactionId: posted.id };
    });
  }
  const countTransactions = async (): Promise<number> =>
    t.db.read(async (em) =>
      Number((await em.query('SELECT COUNT(*) AS c FROM ledger_transactions'))[0].c),
    );

  it('should answer health without login', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('should describe the API at /api/docs-json', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/ledger/verify',
        '/api/ledger/transactions/{id}/reversal',
        '/api/auth/login',
      ]),
    );
  });

  it('should refuse a wrong password with UNAUTHENTICATED', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
    });
  });

  it('should require the Idempotency-Key on a reversal', async () => {
    const { transactionId } = await earned(500);
    const res = await t.http
      .post(`/api/ledger/transactions/${transactionId}/reversal`)
      .set('Authorization', t.adminAuth)
      .send({ reason: 'wrong member' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('should replay a repeated reversal and refuse the key for a different body', async () => {
    const { accountId, transactionId } = await earned(500);
    const send = (key: string, reason: string) =>
      t.http
        .post(`/api/ledger/transactions/${transactionId}/reversal`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', key)
        .send({ reason });
    const first = await send('rev-1', 'wrong member');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      transactionId: expect.any(String),
      reverses: transactionId,
      seq: expect.any(Number),
    });
    const before = await countTransactions();

    const again = await send('rev-1', 'wrong member');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const reused = await send('rev-1', 'another reason');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const second = await send('rev-2', 'wrong member');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_REVERSED');
    expect(await countTransactions()).toBe(before);
    await expect(ledger.balanceOf(accountId)).resolves.toBe(0);
  });

  it('should replay a refusal under its key, but not a malformed request', async () => {
    const { transactionId } = await earned(200);
    const reverse = (key: string, body: object) =>
      t.http
        .post(`/api/ledger/transactions/${transactionId}/reversal`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', key)
        .send(body);
    await reverse('refusal-1', { reason: 'first' });
    const refused = await reverse('refusal-2', { reason: 'second' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ALREADY_REVERSED');
    expect(refused.headers['idempotent-replayed']).toBeUndefined();
    const again = await reverse('refusal-2', { reason: 'second' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(refused.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const malformed = await reverse('refusal-3', { reason: 42 });
    expect(malformed.status).toBe(400);
    const fixed = await reverse('refusal-3', { reason: 'fixed body' });
    expect(fixed.status).toBe(409);
    expect(fixed.body.code).toBe('ALREADY_REVERSED');
  });

  it('should make exactly one transaction from 20 concurrent repeats of one request', async () => {
    const { transactionId } = await earned(300);
    const before = await countTransactions();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http
          .post(`/api/ledger/transactions/${transactionId}/reversal`)
          .set('Authorization', t.adminAuth)
          .set('Idempotency-Key', 'concurrent-1')
          .send({ reason: 'duplicate entry' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.body.transactionId)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await countTransactions()).toBe(before + 1);
  });

  it('should report verify and trial balance to an admin only', async () => {
    const verify = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({
      ok: true,
      transactions: await countTransactions(),
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      community: { id: 1, code: 'default' },
    });
    const tb = await t.http.get('/api/ledger/trial-balance').set('Authorization', t.adminAuth);
    expect(tb.body).toEqual({
      ok: true,
      sum: '0.00',
      accounts: expect.any(Number),
      community: { id: 1, code: 'default' },
    });
    const anon = await t.http.get('/api/ledger/verify');
    expect(anon.status).toBe(401);
  });

  it.each([
    [
      'unknown transaction id',
      '00000000-0000-4000-8000-000000000000',
      { reason: 'x' },
      404,
      'NOT_FOUND',
    ],
    ['malformed id', 'not-a-uuid', { reason: 'x' }, 404, 'NOT_FOUND'],
    ['missing reason', null, {}, 400, 'VALIDATION_FAILED'],
    ['reason of wrong type', null, { reason: 42 }, 400, 'VALIDATION_FAILED'],
    ['unknown field', null, { reason: 'x', extra: 1 }, 400, 'VALIDATION_FAILED'],
    ['over-long reason', null, { reason: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
  ])(
    'should refuse a reversal with %s and change nothing',
    async (_name, id, body, status, code) => {
      const { transactionId } = await earned(100);
      const before = await countTransactions();
      const res = await t.http
        .post(`/api/ledger/transactions/${id ?? transactionId}/reversal`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `bad-${_name.replace(/ /g, '-')}`)
        .send(body);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|INSERT|at .*\.ts|sqlite|QueryFailed/i);
      expect(await countTransactions()).toBe(before);
    },
  );

  it('should refuse malformed JSON and over-large bodies with coded errors', async () => {
    const bad = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const big = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
