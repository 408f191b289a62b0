import ExcelJS from 'exceljs';
import { Member } from '../src/people/entities/member.entity';
import { Team, TeamMember } from '../src/people/entities/team.entity';
import { newPassbookNumber } from '../src/people/passbook-number';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** An .xlsx roster as a community keeps it: Chinese headers, one person a row. */
async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('member roster import and export (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
  });
  afterAll(() => t.close());

  const count = (entity: typeof Member | typeof Team | typeof TeamMember): Promise<number> =>
    t.db.read((em) => em.count(entity));
  const importRoster = (body: object, dryRun = false) =>
    t.http
      .post(`/api/members/import${dryRun ? '?dryRun=true' : ''}`)
      .set('Authorization', t.adminAuth)
      .send(body);

  it('should report each row of an xlsx roster in a dry run and write nothing', async () => {
    await f.newMember({ name: '王秀兰', phone: '13811112222' });
    const file = await xlsx([
      ['姓名', '身份', '手机号', '服务队', '密码'],
      ['李桂英', '党员', '138 2222 3333', '环境整治服务队、理发义诊服务队', '012345'],
      ['王秀兰', '群众', '13811112222', null, null],
      ['', '群众', '13900001111', null, null],
      ['赵四', '干部', '1381234', null, null],
      ['王秀兰', null, '13700001111', null, null],
    ]);
    const members = await count(Member);
    const res = await importRoster({ file, format: 'xlsx' }, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      total: 5,
      valid: 2,
      refused: 3,
      imported: 0,
      newTeams: ['环境整治服务队', '理发义诊服务队'],
    });
    const [li, dup, noName, bad, sameName] = res.body.rows;
    expect(li).toMatchObject({
      row: 2,
      name: '李桂英',
      kind: 'party_member',
      phone: '13822223333',
      teams: ['环境整治服务队', '理发义诊服务队'],
      status: 'ok',
      problems: [],
    });
    expect(dup).toMatchObject({
      row: 3,
      status: 'refused',
      problems: [{ field: 'row', reason: 'DUPLICATE_EXISTING' }],
    });
    expect(noName.problems).toEqual([
      expect.objectContaining({ field: 'name', reason: 'REQUIRED' }),
    ]);
    expect(bad.problems.map((p: { field: string }) => p.field).sort()).toEqual(['kind', 'phone']);
    expect(sameName).toMatchObject({
      status: 'ok',
      warnings: [{ field: 'name', reason: 'SAME_NAME_EXISTS' }],
    });
    expect(await count(Member)).toBe(members);
  });

  it('should import nothing while a row is refused, then the valid rows with skipInvalid', async () => {
    const rows = [
      { name: '孙一', kind: '群众', phone: '13500000001', teams: '治安巡逻队' },
      { name: '孙二', kind: '党员', phone: '+86 135-0000-0002', teams: '治安巡逻队' },
      { name: '孙三', phone: '12345' },
      { name: '孙一', phone: '13500000001' },
    ];
    const members = await count(Member);
    const teams = await count(Team);
    const refused = await importRoster({ rows });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'IMPORT_ROWS_REFUSED', report: { total: 4, valid: 2, refused: 2 } },
    });
    expect(refused.body.details.report.rows[3].problems[0]).toMatchObject({
      reason: 'DUPLICATE_IN_FILE',
      row: 1,
    });
    expect(await count(Member)).toBe(members);
    expect(await count(Team)).toBe(teams);

    const done = await importRoster({ rows, skipInvalid: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      dryRun: false,
      imported: 2,
      refused: 2,
      newTeams: ['治安巡逻队'],
    });
    const [one, two, three] = done.body.rows;
    expect(one).toMatchObject({ status: 'imported', passbookNo: expect.stringMatching(/^V/) });
    expect(one.pin).toMatch(/^\d{6}$/);
    expect(two.phone).toBe('13500000002');
    expect(three.status).toBe('skipped');
    expect(await count(Member)).toBe(members + 2);
    const login = await t.http
      .post('/api/auth/passbook-login')
      .send({ passbookNo: one.passbookNo, pin: one.pin });
    expect(login.status).toBe(200);
    const team = await t.http.get(`/api/members/${two.memberId}`).set('Authorization', t.adminAuth);
    expect(team.body.teamIds).toHaveLength(1);
  });

  it('should keep a given PIN and pre-printed passbook number, and refuse one in use', async () => {
    const printed = newPassbookNumber('V');
    const taken = (await f.newMember()).passbookNo;
    const res = await importRoster({
      rows: [
        { name: '周五', pin: '654321', passbookNo: printed.toLowerCase() },
        { name: '周六', passbookNo: taken },
        { name: '周七', passbookNo: 'V2345678' },
      ],
      skipInvalid: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ status: 'imported', passbookNo: printed });
    expect(res.body.rows[0].pin).toBeUndefined();
    expect(res.body.rows[1].problems[0]).toMatchObject({ reason: 'PASSBOOK_NO_TAKEN' });
    expect(res.body.rows[2].problems[0]).toMatchObject({ field: 'passbookNo', reason: 'INVALID' });
  });

  it('should read a CSV saved by Excel on a Chinese Windows (GB18030) and keep cells as text', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), // 姓名
      Buffer.from(',pin,phone\r\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), // 张三
      Buffer.from(',012345,13612345678\r\n'),
    ]).toString('base64');
    const res = await importRoster({ file: csv, format: 'csv' }, true);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({ row: 2, name: '张三', phone: '13612345678', status: 'ok' }),
    ]);
  });

  it.each([
    ['no rows', { rows: [] }],
    ['a file without format', { file: 'AAAA' }],
    [
      'a file that is no spreadsheet',
      { file: Buffer.from('hello').toString('base64'), format: 'xlsx' },
    ],
    [
      'a sheet without a name column',
      { file: Buffer.from('a,b\n1,2').toString('base64'), format: 'csv' },
    ],
    ['a row that is no object', { rows: ['张三'] }],
  ])('should refuse %s with 400', async (_case, body) => {
    const res = await importRoster(body, true);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should export the member list as xlsx and as CSV with Chinese headers', async () => {
    const member = await f.newMember({ name: '=HYPERLINK("x")', phone: '13912340000' });
    const xlsxRes = await t.http
      .get('/api/members/export')
      .set('Authorization', t.adminAuth)
      .responseType('blob');
    expect(xlsxRes.status).toBe(200);
    expect(xlsxRes.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxRes.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '存折号',
      '姓名',
      '身份',
      '电话',
      '服务队',
      '余额',
      '状态',
      '开户日期',
      '加入日期',
    ]);
    expect(sheet.rowCount).toBe((await count(Member)) + 1);

    const csv = await t.http
      .get('/api/members/export?format=csv')
      .set('Authorization', t.adminAuth)
      .responseType('blob');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF存折号,姓名')).toBe(true);
    expect(text).toContain(`${member.passbookNo},"'=HYPERLINK(""x"")"`);
  });

  it('should name the passbooks already open for a name, marking the same phone', async () => {
    const same = await f.newMember({ name: '钱多多', phone: '13800009999' });
    const other = await f.newMember({ name: '钱多多', phone: '13800008888' });
    const res = await t.http
      .get('/api/members/duplicates')
      .query({ name: ' 钱多多 ', phone: '138-0000-9999' })
      .set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: same.id, samePhone: true }),
      expect.objectContaining({ id: other.id, samePhone: false }),
    ]);
  });

  it('should check phones as mainland mobile numbers on create and edit', async () => {
    const bad = await t.http
      .post('/api/members')
      .set('Authorization', t.adminAuth)
      .send({ name: '吴一', kind: 'resident', phone: '84123456' });
    expect(bad.status).toBe(400);
    const good = await t.http
      .post('/api/members')
      .set('Authorization', t.adminAuth)
      .send({ name: '吴一', kind: 'resident', phone: '+86 139 1234 5678' });
    expect(good.status).toBe(201);
    const view = await t.http.get(`/api/members/${good.body.id}`).set('Authorization', t.adminAuth);
    expect(view.body.phone).toBe('13912345678');
    const edit = await t.http
      .patch(`/api/members/${good.body.id}`)
      .set('Authorization', t.adminAuth)
      .send({ phone: '1391234567' });
    expect(edit.status).toBe(400);
  });
});
