import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Response } from 'supertest';
import { restoreAppendOnlyTriggers } from '../src/common/db/append-only';
import { sql } from '../src/common/db/database';
import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** A resident ID with a right GB 11643 check digit, and the same with the last digit changed. */
const RESIDENT_ID = '110101199003071233';
const BAD_CHECK_DIGIT = '110101199003071234';
const PASSPORT = 'E12345678';

/**
 * Certificates of recorded service (志愿服务记录证明) and the national export: issued from verified
 * records, checked by anyone, refused when the stored content or the signature was changed,
 * revoked; the identity document never leaves the service unmasked except in the export.
 */
describe('certificates (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let ana: Member;
  let bo: Member;
  let keys = 0;
  /** Every answer's text, searched for the identity numbers at the end. */
  const answers: string[] = [];

  const keep = (res: Response): Response => {
    answers.push(res.text ?? '', JSON.stringify(res.headers));
    return res;
  };
  const admin = () => t.adminAuth;
  const issue = async (body: object, key = `cert-${++keys}`) =>
    keep(
      await t.http
        .post('/api/certificates')
        .set('Authorization', admin())
        .set('Idempotency-Key', key)
        .send(body),
    );
  const check = async (number: string) =>
    keep(await t.http.get(`/api/public/certificates/${number}`));
  const log = async (member: Member, itemCode: string, quantity: number, serviceDate: string) =>
    f.logService(member, { itemCode, quantity, serviceDate });

  beforeAll(async () => {
    t = await createTestApp({ env: { COMMUNITY_NAME: '岭南社区' } });
    f = fixtures(t.app);
    // Through the admin's own endpoints, as the office pages would.
    const created = keep(
      await t.http
        .post('/api/members')
        .set('Authorization', admin())
        .send({
          name: '张三明',
          kind: 'party_member',
          idDocument: { type: 'resident_id', number: '1101 0119 9003 0712 33' },
        }),
    );
    expect(created.status).toBe(201);
    expect(created.body.idDocument).toEqual({ type: 'resident_id', number: '1101**********1233' });
    ana = await t.db.read((em) => em.findOneByOrFail(Member, { id: created.body.id }));
    bo = await f.newMember({ name: '李四' });
    const edited = keep(
      await t.http
        .patch(`/api/members/${bo.id}`)
        .set('Authorization', admin())
        .send({ idDocument: { type: 'passport', number: PASSPORT } }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.idDocument).toEqual({ type: 'passport', number: 'E1*****78' });
    const contact = keep(
      await t.http.patch('/api/me/community').set('Authorization', admin()).send({
        personInCharge: '王建国',
        contactPhone: '0411-84561234',
        contactAddress: '大连市甘井子区泡崖街道岭南社区服务中心',
      }),
    );
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({
      code: 'default',
      name: '岭南社区',
      personInCharge: '王建国',
    });

    // Q2 2026 (the clock stands on 15 June): two categories for ana, one record reversed, one in Q1.
    await log(ana, 'appliance_repair', 3, '2026-04-10');
    await log(ana, 'cleanup', 2.5, '2026-05-20');
    await log(ana, 'haircut', 2, '2026-05-20');
    const reversed = await log(ana, 'daily_patrol', 4, '2026-06-01');
    await log(ana, 'free_clinic', 1, '2026-03-20');
    await log(bo, 'free_clinic', 1.5, '2026-06-10');
    const reversal = await t.http
      .post(`/api/service-records/${reversed.id}/reversal`)
      .set('Authorization', admin())
      .set('Idempotency-Key', 'reverse-1')
      .send({ reason: '重复记录' });
    expect(reversal.status).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should let the street office set a community’s contact, and remove one with null', async () => {
    const office = await f.bearer({ userId: (await f.newUser('office')).id });
    const res = keep(
      await t.http
        .patch('/api/office/communities/1')
        .set('Authorization', office)
        .send({ contactAddress: null, personInCharge: '王建国' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      personInCharge: '王建国',
      contactPhone: '0411-84561234',
      contactAddress: null,
    });
    const back = keep(
      await t.http.patch('/api/me/community').set('Authorization', admin()).send({
        contactAddress: '大连市甘井子区泡崖街道岭南社区服务中心',
      }),
    );
    expect(back.body.contactAddress).toBe('大连市甘井子区泡崖街道岭南社区服务中心');
    const bad = await t.http
      .patch('/api/me/community')
      .set('Authorization', admin())
      .send({ contactPhone: 'call me' });
    expect(bad.status).toBe(400);
  });

  it('should refuse a resident ID whose check digit is wrong, and change nothing', async () => {
    const res = keep(
      await t.http
        .patch(`/api/members/${bo.id}`)
        .set('Authorization', admin())
        .send({ idDocument: { type: 'resident_id', number: BAD_CHECK_DIGIT } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([
      {
        field: 'idDocument.number',
        problems: [
          'the resident ID number’s check digit does not match (GB 11643): a digit was mistyped',
        ],
      },
    ]);
    const after = keep(await t.http.get(`/api/members/${bo.id}`).set('Authorization', admin()));
    expect(after.body.idDocument).toEqual({ type: 'passport', number: 'E1*****78' });
  });

  let number: string;

  it('should issue a certificate of two categories with exact hours and content', async () => {
    const res = await issue({
      memberId: ana.id,
      from: '2026-04-01',
      to: '2026-06-15',
      handler: '李红',
      purpose: '升学材料',
    });
    expect(res.status).toBe(201);
    number = res.body.number;
    expect(res.body).toEqual({
      number: 'default-2026-000001',
      status: 'valid',
      issuedAt: '2026-06-15T02:00:00.000Z',
      issuedOn: '2026-06-15',
      from: '2026-04-01',
      to: '2026-06-15',
      memberId: ana.id,
      volunteer: {
        name: '张三明',
        passbookNo: ana.passbookNo,
        idDocument: { type: 'resident_id', typeName: '居民身份证', number: '1101**********1233' },
      },
      hours: '6.50',
      service: [
        {
          categoryCode: 'convenience',
          categoryName: '便民服务',
          hours: '4.00',
          items: [
            { itemCode: 'appliance_repair', itemName: '家电维修', hours: '3.00', records: 1 },
            { itemCode: 'haircut', itemName: '理发', hours: '1.00', records: 1 },
          ],
        },
        {
          categoryCode: 'environment',
          categoryName: '环境整治',
          hours: '2.50',
          items: [{ itemCode: 'cleanup', itemName: '清洁卫生', hours: '2.50', records: 1 }],
        },
      ],
      community: {
        code: 'default',
        name: '岭南社区',
        issuer: '岭南社区志愿服务站',
        personInCharge: '王建国',
        contactPhone: '0411-84561234',
        contactAddress: '大连市甘井子区泡崖街道岭南社区服务中心',
      },
      handler: '李红',
      purpose: '升学材料',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      revocation: null,
    });
  });

  it('should replay the issue under the same key and number the next one in sequence', async () => {
    const body = {
      memberId: ana.id,
      from: '2026-04-01',
      to: '2026-06-15',
      handler: '李红',
      purpose: '升学材料',
    };
    const again = await issue(body, 'cert-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.number).toBe(number);
    const next = await issue({
      memberId: bo.id,
      from: '2026-06-01',
      to: '2026-06-15',
      handler: '李红',
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      number: 'default-2026-000002',
      hours: '1.50',
      purpose: null,
    });
    const list = keep(
      await t.http.get(`/api/certificates?memberId=${ana.id}`).set('Authorization', admin()),
    );
    expect(list.body).toEqual({
      items: [
        {
          number,
          status: 'valid',
          memberId: ana.id,
          name: '张三明',
          passbookNo: ana.passbookNo,
          from: '2026-04-01',
          to: '2026-06-15',
          hours: '6.50',
          issuedAt: '2026-06-15T02:00:00.000Z',
          issuedBy: expect.stringMatching(/^user:\d+$/),
          revokedAt: null,
        },
      ],
      nextCursor: null,
    });
  });

  it('should refuse a period without verified service', async () => {
    const res = await issue({
      memberId: bo.id,
      from: '2026-01-01',
      to: '2026-03-31',
      handler: '李红',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NO_RECORDED_SERVICE', from: '2026-01-01', to: '2026-03-31' },
    });
  });

  it('should verify on the public endpoint with a masked name, and publish the key', async () => {
    const res = await check(number);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      number,
      status: 'valid',
      issuedAt: '2026-06-15T02:00:00.000Z',
      name: '张*明',
      hours: '6.50',
      from: '2026-04-01',
      to: '2026-06-15',
      community: { code: 'default', name: '岭南社区', issuer: '岭南社区志愿服务站' },
      revokedAt: null,
    });
    expect((await check('default-2026-999999')).status).toBe(404);
    expect((await check('not-a-number')).status).toBe(404);
    const key = keep(await t.http.get('/api/public/certificates/key'));
    expect(key.body).toEqual({
      algorithm: 'Ed25519',
      publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n/),
      fingerprint: expect.stringMatching(/^([0-9a-f]{4}:){15}[0-9a-f]{4}$/),
    });
  });

  const isPg = () => t.db.dialect === 'postgres';
  /** Plain SQL on the store, as someone with a SQL shell or the database file would send it. */
  const plainSql = (text: string, params: unknown[] = []) =>
    t.db.write((em) => em.query(sql(t.db, text), params));
  /**
   * Sets a stored column of the certificate directly, as someone with the database file could: the
   * append-only trigger refuses the UPDATE, so they drop it first (the next start puts it back;
   * here it is put back at once, for the tests after this one).
   */
  const setColumn = (column: 'payload' | 'signature', value: string) =>
    t.db.write(async (em) => {
      await em.query(`DROP TRIGGER certificates_no_update${isPg() ? ' ON certificates' : ''}`);
      await em.query(sql(t.db, `UPDATE certificates SET ${column} = ? WHERE number = ?`), [
        value,
        number,
      ]);
      expect(await restoreAppendOnlyTriggers(em.queryRunner!, ['certificates'])).toEqual([
        'certificates_no_update',
      ]);
    });
  const stored = async () =>
    (
      await t.db.read((em) =>
        em.query(sql(t.db, 'SELECT payload, signature FROM certificates WHERE number = ?'), [
          number,
        ]),
      )
    )[0] as { payload: string; signature: string };

  it('should refuse an UPDATE or DELETE of a stored certificate through plain SQL', async () => {
    const before = await stored();
    await expect(
      plainSql('UPDATE certificates SET signature = ? WHERE number = ?', ['x', number]),
    ).rejects.toThrow(/append-only table certificates: UPDATE refused/);
    await expect(plainSql('DELETE FROM certificates WHERE number = ?', [number])).rejects.toThrow(
      /append-only table certificates: DELETE refused/,
    );
    expect(await stored()).toEqual(before);
    expect((await check(number)).body.status).toBe('valid');
  });

  it('should answer invalid once one byte of the stored payload or of the signature changed', async () => {
    const original = await stored();
    const at = original.payload.indexOf('"hours":"6.50"');
    expect(at).toBeGreaterThan(0);
    const oneByte = `${original.payload.slice(0, at + 9)}7${original.payload.slice(at + 10)}`;
    expect(oneByte.length).toBe(original.payload.length);
    await setColumn('payload', oneByte);
    const changed = await check(number);
    expect(changed.body).toEqual({
      number,
      status: 'invalid',
      issuedAt: null,
      name: null,
      hours: null,
      from: null,
      to: null,
      community: null,
      revokedAt: null,
    });
    const office = keep(
      await t.http.get(`/api/certificates/${number}`).set('Authorization', admin()),
    );
    expect(office.body).toMatchObject({ status: 'invalid', hours: '7.50' });
    await setColumn('payload', original.payload);
    expect((await check(number)).body.status).toBe('valid');

    const sig = Buffer.from(original.signature, 'base64');
    sig[10] ^= 0x01;
    await setColumn('signature', sig.toString('base64'));
    expect((await check(number)).body.status).toBe('invalid');
    await setColumn('signature', 'not base64!');
    expect((await check(number)).body.status).toBe('invalid');
    await setColumn('signature', original.signature);
    expect((await check(number)).body.status).toBe('valid');
  });

  it('should answer revoked after a revocation, with who, when and why; a second one is refused', async () => {
    t.clock.advance(60_000);
    const res = keep(
      await t.http
        .post(`/api/certificates/${number}/revoke`)
        .set('Authorization', admin())
        .send({ reason: '期间填写有误' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'revoked',
      revocation: {
        revokedAt: '2026-06-15T02:01:00.000Z',
        revokedBy: expect.stringMatching(/^user:\d+$/),
        reason: '期间填写有误',
      },
    });
    expect((await check(number)).body).toMatchObject({
      status: 'revoked',
      name: '张*明',
      revokedAt: '2026-06-15T02:01:00.000Z',
    });
    const again = keep(
      await t.http
        .post(`/api/certificates/${number}/revoke`)
        .set('Authorization', admin())
        .send({ reason: '再次' }),
    );
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({
      reason: 'CERTIFICATE_REVOKED',
      revokedAt: '2026-06-15T02:01:00.000Z',
    });
  });

  it('should keep a revoked certificate revoked: its revocation cannot be changed, deleted or doubled in plain SQL', async () => {
    const revocations = () =>
      t.db.read((em) =>
        em.query(
          'SELECT certificate_id, revoked_at, revoked_by, reason FROM certificate_revocations',
        ),
      );
    const before = await revocations();
    expect(before).toEqual([
      {
        certificate_id: 1,
        revoked_at: '2026-06-15T02:01:00.000Z',
        revoked_by: expect.stringMatching(/^user:\d+$/),
        reason: '期间填写有误',
      },
    ]);
    await expect(plainSql("UPDATE certificate_revocations SET reason = 'x'")).rejects.toThrow(
      /append-only table certificate_revocations: UPDATE refused/,
    );
    await expect(plainSql('DELETE FROM certificate_revocations')).rejects.toThrow(
      /append-only table certificate_revocations: DELETE refused/,
    );
    await expect(
      plainSql(
        'INSERT INTO certificate_revocations (certificate_id, revoked_at, revoked_by, reason) VALUES (?, ?, ?, ?)',
        [1, '2026-06-15T03:00:00.000Z', 'user:1', 'later'],
      ),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
    expect(await revocations()).toEqual(before);
    expect((await check(number)).body).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-06-15T02:01:00.000Z',
    });
    const office = keep(
      await t.http.get(`/api/certificates/${number}`).set('Authorization', admin()),
    );
    expect(office.body).toMatchObject({
      status: 'revoked',
      revocation: { revokedAt: '2026-06-15T02:01:00.000Z', reason: '期间填写有误' },
    });
    const list = keep(
      await t.http.get(`/api/certificates?memberId=${ana.id}`).set('Authorization', admin()),
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ number, status: 'revoked', revokedAt: '2026-06-15T02:01:00.000Z' }),
    ]);
  });

  it('should revoke once when two revocations arrive together: the first counts, the other is 409', async () => {
    const second = 'default-2026-000002';
    t.clock.advance(60_000);
    const answers = await Promise.all(
      ['一', '二'].map(async (reason) =>
        keep(
          await t.http
            .post(`/api/certificates/${second}/revoke`)
            .set('Authorization', admin())
            .send({ reason }),
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409]);
    const won = answers.find((a) => a.status === 200)!;
    const lost = answers.find((a) => a.status === 409)!;
    expect(won.body.revocation.revokedAt).toBe('2026-06-15T02:02:00.000Z');
    expect(lost.body.details).toEqual({
      reason: 'CERTIFICATE_REVOKED',
      revokedAt: '2026-06-15T02:02:00.000Z',
    });
    const rows: { reason: string }[] = await t.db.read((em) =>
      em.query(
        sql(t.db, 'SELECT reason FROM certificate_revocations WHERE certificate_id = ?'),
        [2],
      ),
    );
    expect(rows).toEqual([{ reason: won.body.revocation.reason }]);
    expect((await check(second)).body.status).toBe('revoked');
  });

  it('should export a quarter of verified records in the national fields, read back exactly', async () => {
    const res = await t.http
      .get('/api/exports/national-service-records.xlsx?from=2026-04-01&to=2026-06-30')
      .set('Authorization', admin())
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="national-service-records-default-2026-04-01-2026-06-30.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Buffer);
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      [
        '姓名',
        '证件类型',
        '证件号码',
        '志愿者编号',
        '服务日期',
        '服务内容',
        '服务时长',
        '记录单位',
      ],
      [
        '张三明',
        '居民身份证',
        RESIDENT_ID,
        ana.passbookNo,
        '2026-04-10',
        '便民服务 / 家电维修',
        3,
        '岭南社区',
      ],
      [
        '张三明',
        '居民身份证',
        RESIDENT_ID,
        ana.passbookNo,
        '2026-05-20',
        '环境整治 / 清洁卫生',
        2.5,
        '岭南社区',
      ],
      [
        '张三明',
        '居民身份证',
        RESIDENT_ID,
        ana.passbookNo,
        '2026-05-20',
        '便民服务 / 理发',
        1,
        '岭南社区',
      ],
      ['李四', '护照', PASSPORT, bo.passbookNo, '2026-06-10', '便民服务 / 义诊', 1.5, '岭南社区'],
    ]);
    const csv = await t.http
      .get('/api/exports/national-service-records.csv?from=2026-04-01&to=2026-06-30')
      .set('Authorization', admin());
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n').filter(Boolean)).toEqual([
      '\uFEFF姓名,证件类型,证件号码,志愿者编号,服务日期,服务内容,服务时长,记录单位',
      `张三明,居民身份证,${RESIDENT_ID},${ana.passbookNo},2026-04-10,便民服务 / 家电维修,3.00,岭南社区`,
      `张三明,居民身份证,${RESIDENT_ID},${ana.passbookNo},2026-05-20,环境整治 / 清洁卫生,2.50,岭南社区`,
      `张三明,居民身份证,${RESIDENT_ID},${ana.passbookNo},2026-05-20,便民服务 / 理发,1.00,岭南社区`,
      `李四,护照,${PASSPORT},${bo.passbookNo},2026-06-10,便民服务 / 义诊,1.50,岭南社区`,
    ]);
  });

  it('should keep the identity numbers out of every answer and out of the database in clear', async () => {
    for (const member of [ana, bo]) {
      keep(await t.http.get(`/api/members/${member.id}`).set('Authorization', admin()));
      keep(await t.http.get(`/api/passbooks/${member.passbookNo}`).set('Authorization', admin()));
    }
    keep(await t.http.get('/api/members').set('Authorization', admin()));
    keep(await t.http.get(`/api/certificates/${number}`).set('Authorization', admin()));
    keep(await t.http.get('/api/certificates').set('Authorization', admin()));
    keep(await t.http.get('/api/members/export?format=csv').set('Authorization', admin()));
    const text = answers.join('\n');
    expect(text).toContain('1101**********1233');
    for (const secret of [RESIDENT_ID, PASSPORT, '110101199003071', '9003071233']) {
      expect(text).not.toContain(secret);
    }
    const raw: Record<string, unknown>[] = await t.db.read((em) =>
      em.query(sql(t.db, 'SELECT * FROM members WHERE id IN (?, ?)'), [ana.id, bo.id]),
    );
    const rows = JSON.stringify(raw);
    expect(rows).toContain('1101**********1233');
    expect(rows).toContain('"resident_id"');
    for (const secret of [RESIDENT_ID, PASSPORT, '9003071233', '12345678']) {
      expect(rows).not.toContain(secret);
    }
    const certificates = JSON.stringify(
      await t.db.read((em) => em.query('SELECT * FROM certificates')),
    );
    expect(certificates).not.toContain(RESIDENT_ID);
  });

  it('should warn at start, naming the folder, when the keys are not the ones this database was written with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passbook-other-keys-'));
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const other = await createTestApp({ share: t, env: { CERTIFICATE_KEY_DIR: dir } });
      try {
        // Its export still answers, the numbers it cannot open marked, never a 500.
        const csv = await other.http
          .get('/api/exports/national-service-records.csv?from=2026-04-01&to=2026-06-30')
          .set('Authorization', other.adminAuth);
        expect(csv.status).toBe(200);
        expect(csv.text).toContain(`张三明,居民身份证,（无法解密）,${ana.passbookNo}`);
      } finally {
        await other.close();
      }
      const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(dir));
      expect(lines).toEqual([
        `identity documents stored in the database do not open with the key in ${dir}: restore that folder from the backup made with the database`,
        `the newest certificate does not verify with the signing key in ${dir} (another key, or a changed row): restore that folder from the backup made with the database`,
        `national export of community default: the identity document of 4 rows does not open with the key in ${dir}: was that folder restored with the database?`,
      ]);
    } finally {
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
