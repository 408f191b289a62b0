import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { AuthService } from '../src/auth/auth.service';
import { CommunitiesService } from '../src/communities/communities.service';
import { Household } from '../src/people/entities/household.entity';
import { PeopleService } from '../src/people/people.service';
import { API_SCHEMA_FILE, apiSchemaSource, GEN_API_TYPES_COMMAND } from '../scripts/api-types';
import { fixtures } from './support/fixtures';
import { ADMIN_PASSWORD, createTestApp, TestApp } from './support/test-app';

/**
 * The OpenAPI document (/api/docs-json) is the contract between the server and its clients: it
 * must describe every route's success response, and what the routes send must match it.
 */
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  nullable?: boolean;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The fields of answers the test goes on with (ids, codes). */
interface Answered {
  id: number;
  code: string;
  transactionId: string;
  records: { id: number }[];
  coupons: { code: string }[];
}

let t: TestApp;
let doc: Doc;

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.http.get('/api/docs-json')).body as Doc;
});
afterAll(() => t.close());

function resolve(schema: Schema): Schema {
  if (schema.$ref) {
    return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  }
  // A nullable reference: {nullable: true, allOf: [{$ref}]}.
  if (schema.allOf?.length === 1) {
    const inner = resolve(schema.allOf[0]);
    return schema.nullable ? { ...inner, nullable: true } : inner;
  }
  return schema;
}

/** The schema of `method path`'s 2xx response, or undefined when the document gives none. */
function successSchema(method: string, path: string): Schema | undefined {
  const op = doc.paths[path]?.[method];
  const [, response] = Object.entries(op?.responses ?? {}).find(([code]) => /^2/.test(code)) ?? [];
  const content = response?.content ?? {};
  const first = Object.values(content)[0];
  return first?.schema;
}

/**
 * What is wrong with `value` by `schema`: a required property missing, a property the schema does
 * not name, a wrong JSON type; checked down through objects and the items of arrays.
 */
function mismatches(value: unknown, schema: Schema, at = '$'): string[] {
  const s = resolve(schema);
  if (value === null) {
    return s.nullable || s.type === undefined ? [] : [`${at} is null`];
  }
  if (s.type === 'array' || s.items) {
    if (!Array.isArray(value)) {
      return [`${at} is not an array`];
    }
    return value.flatMap((v, i) => (s.items ? mismatches(v, s.items, `${at}[${i}]`) : []));
  }
  if (s.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      return [`${at} is not an object`];
    }
    const record = value as Record<string, unknown>;
    const missing = (s.required ?? [])
      .filter((k) => !(k in record))
      .map((k) => `${at}.${k} missing`);
    const extra = Object.keys(record)
      .filter((k) => !(k in s.properties!))
      .map((k) => `${at}.${k} undocumented`);
    const inner = Object.entries(record).flatMap(([k, v]) =>
      s.properties![k] ? mismatches(v, s.properties![k], `${at}.${k}`) : [],
    );
    return [...missing, ...extra, ...inner];
  }
  const types: Record<string, string[]> = {
    string: ['string'],
    number: ['number'],
    integer: ['number'],
    boolean: ['boolean'],
  };
  if (s.type && types[s.type] && !types[s.type].includes(typeof value)) {
    return [`${at} is ${typeof value}, documented ${s.type}`];
  }
  return [];
}

/**
 * The types web/src/types.ts still writes out (the rest are aliases of the generated schemas) and
 * the schemas each describes; `*PageDto`: every page schema (pageDtoOf) against `Page<T>`.
 */
const WEB_TYPES: Record<string, string[]> = {
  MemberIdDocument: ['MaskedIdDocumentDto'],
  Page: ['*PageDto'],
};

/**
 * What a web type reads that its schemas do not give: a property none of them names, or one the
 * type counts on (not optional) that none of them requires. Inline object types are followed.
 */
function webTypeMismatches(
  members: ts.NodeArray<ts.TypeElement>,
  schemas: Schema[],
  at: string,
): string[] {
  return members.filter(ts.isPropertySignature).flatMap((p) => {
    const name = p.name.getText();
    const where = `${at}.${name}`;
    const props = schemas.map((s) => resolve(s).properties?.[name]).filter((x) => x !== undefined);
    if (props.length === 0) {
      return [`${where} is not in ${at.split('.')[0]}'s schemas`];
    }
    const required = schemas.some((s) => resolve(s).required?.includes(name));
    const problems = !p.questionToken && !required ? [`${where} is optional in the schema`] : [];
    // Follow `{...}`, `{...} | null` and `{...}[]` into the property's own schema.
    const literal = (node: ts.TypeNode | undefined): ts.TypeLiteralNode | undefined => {
      if (!node) {
        return undefined;
      }
      if (ts.isTypeLiteralNode(node)) {
        return node;
      }
      if (ts.isUnionTypeNode(node)) {
        return node.types.map(literal).find((x) => x !== undefined);
      }
      if (ts.isArrayTypeNode(node)) {
        return literal(node.elementType);
      }
      return ts.isParenthesizedTypeNode(node) ? literal(node.type) : undefined;
    };
    const inner = literal(p.type);
    if (!inner) {
      return problems;
    }
    const innerSchemas = props.map((x) => {
      const r = resolve(x);
      return r.items ? resolve(r.items) : r;
    });
    return [...problems, ...webTypeMismatches(inner.members, innerSchemas, where)];
  });
}

describe('OpenAPI document', () => {
  it('should describe a 2xx response with a schema for every route', () => {
    const undescribed: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        if (!ops[method]) {
          continue;
        }
        const op = ops[method];
        const codes = Object.keys(op.responses ?? {}).filter((c) => /^2/.test(c));
        // 204 No Content has no body to describe.
        if (codes.includes('204')) {
          continue;
        }
        if (!successSchema(method, path)) {
          undescribed.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('should have web/src/api-schema.ts as the generator writes it from this document', async () => {
    const generated = await apiSchemaSource(doc);
    const file = readFileSync(API_SCHEMA_FILE, 'utf8');
    const want = generated.split('\n');
    const have = file.split('\n');
    const at = want.findIndex((line, i) => line !== have[i]);
    const first = at === -1 ? want.length : at;
    expect(
      file === generated
        ? 'up to date'
        : `${API_SCHEMA_FILE} is not what the OpenAPI document gives: run ${GEN_API_TYPES_COMMAND} ` +
            `(line ${first + 1} is ${JSON.stringify(have[first])}, generated ${JSON.stringify(want[first])})`,
    ).toBe('up to date');
    // A changed DTO changes the generated text: the comparison above can fail.
    const changed = structuredClone(doc);
    delete changed.components.schemas.UserViewDto.properties!.username;
    expect(await apiSchemaSource(changed)).not.toBe(file);
  });

  it('should give every field the pages read in the types web/src/types.ts writes out', () => {
    const file = 'web/src/types.ts';
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const interfaces = source.statements.filter(ts.isInterfaceDeclaration);
    const schemasOf = (name: string) => {
      const names = WEB_TYPES[name].flatMap((n) =>
        n.startsWith('*')
          ? Object.keys(doc.components.schemas).filter((k) => k.endsWith(n.slice(1)))
          : [n],
      );
      expect(names.length).toBeGreaterThan(0);
      return names.map((n) => {
        expect(doc.components.schemas).toHaveProperty(n);
        return doc.components.schemas[n];
      });
    };
    const problems = interfaces
      .filter((i) => WEB_TYPES[i.name.text])
      .flatMap((i) => webTypeMismatches(i.members, schemasOf(i.name.text), i.name.text));
    expect(problems).toEqual([]);
    // Every type written out by hand is checked here (an alias of a schema is checked by tsc).
    expect(interfaces.map((i) => i.name.text).filter((n) => !WEB_TYPES[n])).toEqual([]);
  });

  it('should find what the checker looks for: a missing required and an undocumented property', () => {
    const schema = successSchema('get', '/api/users/{id}')!;
    expect(mismatches({ id: 1 }, schema)).toContain('$.username missing');
    expect(mismatches({ id: 1 }, schema)).toContain('$.mustChangePassword missing');
    const user = {
      id: 1,
      username: 'a',
      role: 'clerk',
      active: true,
      teamIds: [],
      createdAt: 'x',
      mustChangePassword: false,
    };
    expect(mismatches(user, schema)).toEqual([]);
    expect(mismatches({ ...user, passwordHash: 'h' }, schema)).toEqual([
      '$.passwordHash undocumented',
    ]);
    expect(mismatches({ ...user, teamIds: ['1'] }, schema)).toEqual([
      '$.teamIds[0] is string, documented number',
    ]);
  });

  it('should answer what it documents: real responses against their schemas', async () => {
    const f = fixtures(t.app);
    const admin = t.adminAuth;
    const clerkUser = await f.newUser('clerk');
    const clerk = await f.bearer({ userId: clerkUser.id });
    const member = await f.newMember({ phone: '13812345678' });
    const volunteer = await f.memberAuth(member.id);
    const { team, auth: leader } = await f.newLeaderWithTeam([member.id]);
    const household = await f.newHousehold({ address: '幸福路 1 号' });
    await t.db.write((em) => em.update(Household, { id: household.id }, { verified: true }));
    const goods = await f.newCatalogItem({ stock: 20 });
    const couponItem = await f.newCatalogItem({ kind: 'service_coupon', stock: 20 });
    const window = await f.openRedemptionWindow();
    let key = 0;
    const idem = () => `openapi-${++key}`;

    /** Each request, the route it answers as documented (method, path template) and its body. */
    const answers: { route: [string, string]; status: number; body: unknown }[] = [];
    const record = (method: string, path: string, res: { status: number; body: unknown }) => {
      answers.push({ route: [method, path], status: res.status, body: res.body });
      return res.body as Answered;
    };
    const get = async (path: string, route: string, auth = admin) =>
      record('get', route, await t.http.get(path).set('Authorization', auth));
    const post = async (path: string, route: string, body: object, auth = admin) =>
      record(
        'post',
        route,
        await t.http
          .post(path)
          .set('Authorization', auth)
          .set('Idempotency-Key', idem())
          .send(body),
      );
    const patch = async (path: string, route: string, body: object, auth = admin) =>
      record('patch', route, await t.http.patch(path).set('Authorization', auth).send(body));

    record('get', '/api/health', await t.http.get('/api/health'));
    record(
      'post',
      '/api/auth/passbook-login',
      await t.http
        .post('/api/auth/passbook-login')
        .send({ passbookNo: member.passbookNo, pin: '123456' }),
    );
    record(
      'post',
      '/api/auth/login',
      await t.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }),
    );
    await get('/api/me', '/api/me', volunteer);
    await get('/api/me', '/api/me');
    // Staff accounts.
    const user = await post('/api/users', '/api/users', {
      username: 'openapi-clerk',
      password: 'password-123',
      role: 'clerk',
    });
    await get('/api/users', '/api/users');
    await get(`/api/users/${user.id}`, '/api/users/{id}');
    await patch(`/api/users/${user.id}`, '/api/users/{id}', { role: 'leader', teamIds: [team.id] });
    await post(`/api/users/${user.id}/deactivate`, '/api/users/{id}/deactivate', {});
    await post(`/api/users/${user.id}/activate`, '/api/users/{id}/activate', {});
    // People.
    const created = await post('/api/members', '/api/members', { name: '赵六', kind: 'resident' });
    await get('/api/members', '/api/members');
    await get(`/api/members/${member.id}`, '/api/members/{id}');
    await get(`/api/members/${member.id}`, '/api/members/{id}', leader);
    await patch(`/api/members/${created.id}`, '/api/members/{id}', { phone: '13900001111' });
    await post(`/api/members/${created.id}/pin`, '/api/members/{id}/pin', {});
    // Certificates (志愿服务记录证明): the community's contact, one issued, checked and revoked.
    await patch(`/api/members/${member.id}`, '/api/members/{id}', {
      idDocument: { type: 'resident_id', number: '110101199003071233' },
    });
    await patch('/api/me/community', '/api/me/community', { personInCharge: '王建国' });
    await f.logService(member, { itemCode: 'cleanup', quantity: 1, serviceDate: '2026-06-13' });
    const certificate = (await post('/api/certificates', '/api/certificates', {
      memberId: member.id,
      from: '2026-06-01',
      to: '2026-06-15',
      handler: '李红',
    })) as unknown as { number: string };
    await get('/api/certificates', '/api/certificates');
    await get(`/api/certificates/${certificate.number}`, '/api/certificates/{number}');
    record(
      'get',
      '/api/public/certificates/{number}',
      await t.http.get(`/api/public/certificates/${certificate.number}`),
    );
    record('get', '/api/public/certificates/key', await t.http.get('/api/public/certificates/key'));
    await post(
      `/api/certificates/${certificate.number}/revoke`,
      '/api/certificates/{number}/revoke',
      {
        reason: '开错了',
      },
    );
    // A move to another community (记录转移接续), and the new passbook with the move on it.
    await t.app
      .get(CommunitiesService)
      .create({ streetOfficeId: 1, code: 'openapi-b', name: 'B社区' });
    const moving = await post('/api/members', '/api/members', { name: '孙八', kind: 'resident' });
    const moved = await post(`/api/members/${moving.id}/transfer`, '/api/members/{id}/transfer', {
      toCommunity: 'openapi-b',
      reason: '搬家',
    });
    await get(`/api/members/${moving.id}/transfers`, '/api/members/{id}/transfers');
    await get(
      `/api/passbooks/${(moved as unknown as { toPassbookNo: string }).toPassbookNo}`,
      '/api/passbooks/{passbookNo}',
      await t.app
        .get(AuthService)
        .issueToken({ memberId: moving.id })
        .then(({ token }) => `Bearer ${token}`),
    );
    // The street office: its communities, their figures side by side and their books.
    const officeUser = await f.newUser('office', 'openapi-office', { streetOfficeId: 1 });
    const office = await t.app
      .get(AuthService)
      .issueToken({ userId: officeUser.id })
      .then(({ token }) => `Bearer ${token}`);
    await get('/api/me/community', '/api/me/community');
    await get('/api/me/community', '/api/me/community', office);
    await get('/api/office/communities', '/api/office/communities', office);
    const added = await post(
      '/api/office/communities',
      '/api/office/communities',
      { code: 'openapi-c', name: 'C社区' },
      office,
    );
    await patch(
      `/api/office/communities/${added.id}`,
      '/api/office/communities/{id}',
      { issuer: 'C社区志愿服务站' },
      office,
    );
    await post(
      `/api/office/communities/${added.id}/admins`,
      '/api/office/communities/{id}/admins',
      { username: 'openapi-c-admin', password: 'password-123' },
      office,
    );
    await get('/api/office/overview?year=2026&quarter=2', '/api/office/overview', office);
    await get('/api/office/verify', '/api/office/verify', office);
    await get('/api/members/duplicates?name=%E8%B5%B5%E5%85%AD', '/api/members/duplicates');
    await post('/api/members/import?dryRun=true', '/api/members/import', {
      rows: [{ name: '钱七', kind: '居民', teams: team.name }],
    });
    await post('/api/teams', '/api/teams', { name: 'OpenAPI 服务队' });
    await get('/api/teams', '/api/teams', leader);
    await get(`/api/teams/${team.id}`, '/api/teams/{id}');
    await patch(`/api/teams/${team.id}`, '/api/teams/{id}', { serviceType: '家电维修' });
    await post(`/api/teams/${team.id}/members`, '/api/teams/{id}/members', {
      memberId: created.id,
    });
    await post('/api/households', '/api/households', { name: '孙奶奶', hardship: 'elderly_alone' });
    await get('/api/households', '/api/households');
    await get('/api/households', '/api/households', volunteer);
    await get(`/api/households/${household.id}`, '/api/households/{id}', clerk);
    await patch(`/api/households/${household.id}`, '/api/households/{id}', { contact: '王先生' });
    // Service.
    await get('/api/standard', '/api/standard');
    await get('/api/standard/versions', '/api/standard/versions');
    await get('/api/service-records/settings', '/api/service-records/settings', leader);
    const service = await post('/api/service-records', '/api/service-records', {
      memberId: member.id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: '2026-06-14',
      note: '义诊',
    });
    await get('/api/service-records', '/api/service-records');
    await get(`/api/service-records/${service.id}`, '/api/service-records/{id}', leader);
    const activity = await post(
      '/api/activities',
      '/api/activities',
      {
        teamId: team.id,
        itemCode: 'free_clinic',
        title: '六月义诊',
        serviceDate: '2026-06-13',
        participants: [{ memberId: member.id, quantity: 1 }],
      },
      leader,
    );
    await get(`/api/activities/${activity.id}`, '/api/activities/{id}', leader);
    await post(
      `/api/service-records/${activity.records[0].id}/reversal`,
      '/api/service-records/{id}/reversal',
      { reason: '记错日期' },
    );
    // Passbooks and the ledger.
    const adjustment = await post('/api/ledger/adjustments', '/api/ledger/adjustments', {
      passbookNo: member.passbookNo,
      amount: '50.00',
      reason: '纸质存折结转',
    });
    await get(`/api/passbooks/${member.passbookNo}`, '/api/passbooks/{passbookNo}');
    await get('/api/me/passbook', '/api/me/passbook', volunteer);
    await get(`/api/passbooks?q=${member.passbookNo}`, '/api/passbooks', clerk);
    await post(
      `/api/ledger/transactions/${adjustment.transactionId}/reversal`,
      '/api/ledger/transactions/{id}/reversal',
      { reason: '重复结转' },
    );
    await post('/api/ledger/adjustments', '/api/ledger/adjustments', {
      passbookNo: member.passbookNo,
      amount: '50.00',
      reason: '纸质存折结转',
    });
    await get('/api/ledger/verify', '/api/ledger/verify');
    await get('/api/ledger/trial-balance', '/api/ledger/trial-balance');
    // The shop.
    await post('/api/catalog-items', '/api/catalog-items', {
      name: '肥皂',
      kind: 'goods',
      price: '3.00',
      stock: 5,
    });
    await get('/api/catalog-items', '/api/catalog-items', volunteer);
    await get(`/api/catalog-items/${goods.id}`, '/api/catalog-items/{id}', clerk);
    await patch(`/api/catalog-items/${goods.id}`, '/api/catalog-items/{id}', { price: '1.50' });
    await post(`/api/catalog-items/${goods.id}/restock`, '/api/catalog-items/{id}/restock', {
      quantity: 2,
      note: '街道配送',
    });
    await post(
      `/api/catalog-items/${goods.id}/stock-adjustments`,
      '/api/catalog-items/{id}/stock-adjustments',
      { quantity: -1, reason: '盘点: 一件破损' },
    );
    await get(
      `/api/catalog-items/${goods.id}/stock-movements`,
      '/api/catalog-items/{id}/stock-movements',
    );
    await get('/api/redemption-windows/current', '/api/redemption-windows/current', volunteer);
    await get('/api/redemption-windows', '/api/redemption-windows', clerk);
    await get(`/api/redemption-windows/${window.id}`, '/api/redemption-windows/{id}', clerk);
    const adHoc = await post('/api/redemption-windows', '/api/redemption-windows', {
      opensAt: '2026-10-01T09:00:00+08:00',
      closesAt: '2026-10-01T17:00:00+08:00',
    });
    await post(`/api/redemption-windows/${adHoc.id}/close`, '/api/redemption-windows/{id}/close', {
      note: '改期',
    });
    const redemption = await post(
      '/api/redemptions',
      '/api/redemptions',
      {
        passbookNo: member.passbookNo,
        lines: [
          { catalogItemId: goods.id, quantity: 2 },
          { catalogItemId: couponItem.id, quantity: 2 },
        ],
      },
      clerk,
    );
    await get('/api/redemptions', '/api/redemptions', clerk);
    await post(
      `/api/redemptions/${redemption.id}/returns`,
      '/api/redemptions/{id}/returns',
      {
        lines: [{ catalogItemId: goods.id, quantity: 1 }],
        reason: '退回一件',
      },
      clerk,
    );
    await get(`/api/redemptions/${redemption.id}`, '/api/redemptions/{id}', clerk);
    const code = redemption.coupons[0].code;
    await get(`/api/coupons/${code}`, '/api/coupons/{code}', clerk);
    await post(`/api/coupons/${code}/use`, '/api/coupons/{code}/use', { note: '已上门' }, clerk);
    await get(
      `/api/passbooks/${member.passbookNo}/coupons`,
      '/api/passbooks/{passbookNo}/coupons',
      clerk,
    );
    await get('/api/me/coupons', '/api/me/coupons', volunteer);
    const second = await post(
      '/api/redemptions',
      '/api/redemptions',
      { passbookNo: member.passbookNo, lines: [{ catalogItemId: goods.id, quantity: 1 }] },
      clerk,
    );
    await post(
      `/api/redemptions/${second.id}/cancel`,
      '/api/redemptions/{id}/cancel',
      {
        reason: '选错了商品',
      },
      clerk,
    );
    await get('/api/counter/day-summary', '/api/counter/day-summary', clerk);
    // Gifts.
    await post(
      '/api/donations',
      '/api/donations',
      { householdId: household.id, points: '2.00' },
      volunteer,
    );
    await get('/api/donations', '/api/donations', volunteer);
    await get(`/api/households/${household.id}/gifts`, '/api/households/{id}/gifts');
    // Wishes (微心愿).
    const wishBody = { title: '一件棉衣', category: 'goods', neededBy: '2026-12-31', points: '5' };
    const wish = await post(
      '/api/wishes',
      '/api/wishes',
      { householdId: household.id, ...wishBody },
      clerk,
    );
    const ownWish = await post('/api/me/wishes', '/api/me/wishes', wishBody, volunteer);
    await get('/api/wishes', '/api/wishes', volunteer);
    await get(`/api/wishes/${wish.id}`, '/api/wishes/{id}', clerk);
    await post(`/api/me/wishes/${wish.id}/claim`, '/api/me/wishes/{id}/claim', {}, volunteer);
    await post(`/api/me/wishes/${wish.id}/release`, '/api/me/wishes/{id}/release', {}, volunteer);
    await post(
      `/api/wishes/${wish.id}/claim`,
      '/api/wishes/{id}/claim',
      { teamId: team.id },
      leader,
    );
    await post(`/api/wishes/${wish.id}/release`, '/api/wishes/{id}/release', {}, leader);
    await post(`/api/me/wishes/${ownWish.id}/claim`, '/api/me/wishes/{id}/claim', {}, volunteer);
    await post(
      `/api/wishes/${ownWish.id}/fulfil`,
      '/api/wishes/{id}/fulfil',
      { note: '送到了' },
      clerk,
    );
    record('get', '/api/public/wishes', await t.http.get('/api/public/wishes'));
    // Ratings and reports.
    await post('/api/star-ratings/2026/run', '/api/star-ratings/{year}/run', {});
    await get('/api/star-ratings/2026?limit=10', '/api/star-ratings/{year}');
    // 2025 is over (the clock stands in June 2026): its draft can be published.
    await post('/api/star-ratings/2025/run', '/api/star-ratings/{year}/run', {});
    await post('/api/star-ratings/2025/publish', '/api/star-ratings/{year}/publish', {});
    record(
      'get',
      '/api/public/star-ratings/{year}',
      await t.http.get('/api/public/star-ratings/2025'),
    );
    // Year end: an objection during the notice, its answer, and finalizing a year whose notice is over.
    const objection = await post(
      '/api/me/objections',
      '/api/me/objections',
      { year: 2025, about: 'self', reason: '少算了一次义诊' },
      volunteer,
    );
    await get('/api/me/objections', '/api/me/objections', volunteer);
    await get('/api/star-ratings/2025/objections', '/api/star-ratings/{year}/objections');
    await post(
      `/api/star-ratings/2025/objections/${String(objection.id)}/resolve`,
      '/api/star-ratings/{year}/objections/{id}/resolve',
      { decision: 'rejected', reply: '核对无误' },
    );
    await post('/api/star-ratings/2024/run', '/api/star-ratings/{year}/run', {});
    await post('/api/star-ratings/2024/publish', '/api/star-ratings/{year}/publish', {});
    await t.db.write((em) =>
      em.query(
        'UPDATE star_ratings SET notice_ends_at = notice_starts_at WHERE year = 2024 AND community_id = 1',
      ),
    );
    await post('/api/star-ratings/2024/finalize', '/api/star-ratings/{year}/finalize', {});
    await get('/api/reports/quarter/2026/2', '/api/reports/quarter/{year}/{quarter}');
    await get('/api/reports/year/2025', '/api/reports/year/{year}');
    await get('/api/reports/year/2026', '/api/reports/year/{year}');
    await get('/api/reports/growth?from=2025-07&to=2026-06', '/api/reports/growth');
    record('get', '/api/public/community', await t.http.get('/api/public/community'));
    // events-api: planning, the list, sign-up and the volunteer's events, cancelling.
    const fair = {
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: '2026-06-20',
      startsAt: '08:30',
      endsAt: '11:30',
      teamIds: [team.id],
      itemCodes: ['leifeng_fair', 'haircut', 'appliance_repair'],
    };
    const event = await post(
      '/api/events',
      '/api/events',
      { ...fair, signup: { audience: 'teams', capacity: 20 } },
      leader,
    );
    const plain = await post('/api/events', '/api/events', { ...fair, description: '无需报名' });
    await get('/api/events', '/api/events', leader);
    await get(`/api/events/${event.id}`, '/api/events/{id}');
    await post(`/api/me/events/${event.id}/signup`, '/api/me/events/{id}/signup', {}, volunteer);
    await get('/api/me/events', '/api/me/events', volunteer);
    await get(`/api/events/${event.id}/signups`, '/api/events/{id}/signups', leader);
    await post(
      `/api/me/events/${event.id}/withdraw`,
      '/api/me/events/{id}/withdraw',
      {},
      volunteer,
    );
    await post(`/api/events/${plain.id}/cancel`, '/api/events/{id}/cancel', { reason: '下雨' });
    // The day of an event (the clock stands on 15 June, 10:00): check-in and out, photos, close.
    const today = await post(
      '/api/events',
      '/api/events',
      { ...fair, date: '2026-06-15', startsAt: '08:00', endsAt: '18:00' },
      leader,
    );
    const at = (route: string) => route.replace('{id}', String(today.id));
    await post(
      at('/api/events/{id}/check-in'),
      '/api/events/{id}/check-in',
      { passbookNo: member.passbookNo, itemCode: 'appliance_repair' },
      leader,
    );
    const helper = await f.newMember();
    await t.app.get(PeopleService).addTeamMember(team.id, helper.id);
    record(
      'put',
      '/api/events/{id}/attendance/{memberId}',
      await t.http
        .put(at(`/api/events/{id}/attendance/${helper.id}`))
        .set('Authorization', leader)
        .send({ itemCode: 'haircut', quantity: '2' }),
    );
    await post(
      at(`/api/events/{id}/attendance/${member.id}/correction`),
      '/api/events/{id}/attendance/{memberId}/correction',
      { checkInAt: '2026-06-15T08:30:00+08:00', reason: '到场时忘了签到' },
      leader,
    );
    const shown = await get(
      at('/api/events/{id}/check-in-code'),
      '/api/events/{id}/check-in-code',
      leader,
    );
    const self = await f.newMember();
    await t.app.get(PeopleService).addTeamMember(team.id, self.id);
    const selfAuth = await f.memberAuth(self.id);
    await post(
      at('/api/me/events/{id}/check-in'),
      '/api/me/events/{id}/check-in',
      { code: shown.code },
      selfAuth,
    );
    t.clock.advance(30 * 60_000);
    const code2 = await get(
      at('/api/events/{id}/check-in-code'),
      '/api/events/{id}/check-in-code',
      leader,
    );
    await post(
      at('/api/me/events/{id}/check-out'),
      '/api/me/events/{id}/check-out',
      { code: code2.code },
      selfAuth,
    );
    await post(
      at('/api/events/{id}/check-out'),
      '/api/events/{id}/check-out',
      { memberId: member.id },
      leader,
    );
    await get(at('/api/events/{id}/attendance'), '/api/events/{id}/attendance', leader);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await post(
      at('/api/events/{id}/photos'),
      '/api/events/{id}/photos',
      { contentType: 'image/png', data: png.toString('base64') },
      leader,
    );
    await get(at('/api/events/{id}/photos'), '/api/events/{id}/photos', leader);
    await t.http
      .put(at(`/api/events/{id}/attendance/${self.id}`))
      .set('Authorization', leader)
      .send({ itemCode: 'leifeng_fair' });
    const closed = await post(at('/api/events/{id}/close'), '/api/events/{id}/close', {}, leader);
    if (!closed.records) {
      throw new Error(`close refused: ${JSON.stringify(closed)}`);
    }
    const ids = (closed.records as { id: number }[]).map((r) => r.id);
    await post(at('/api/events/{id}/approve'), '/api/events/{id}/approve', {});
    await post(at('/api/events/{id}/reject'), '/api/events/{id}/reject', { reason: '未到岗' });
    await post('/api/service-records/approve', '/api/service-records/approve', { ids });
    await post('/api/service-records/reject', '/api/service-records/reject', {
      ids,
      reason: '未到岗',
    });
    t.clock.advance(-30 * 60_000);
    // end events-api
    // service menu (点单): the menu, a volunteer's and a household's orders through to the rating.
    const server = await f.newMember();
    await t.app.get(PeopleService).addTeamMember(team.id, server.id);
    const menuItem = await post(
      '/api/menu-items',
      '/api/menu-items',
      { teamId: team.id, itemCode: 'legal_consult', title: '法律咨询', availability: '每周三下午' },
      leader,
    );
    await patch(`/api/menu-items/${menuItem.id}`, '/api/menu-items/{id}', { description: '免费' });
    await get('/api/menu-items', '/api/menu-items', volunteer);
    record('get', '/api/public/menu', await t.http.get('/api/public/menu'));
    const mine = await post(
      '/api/me/orders',
      '/api/me/orders',
      { menuItemId: menuItem.id, preferredTime: '周三下午', place: '3号楼' },
      volunteer,
    );
    const forHousehold = await post(
      '/api/orders',
      '/api/orders',
      {
        menuItemId: menuItem.id,
        householdId: household.id,
        preferredTime: '周三',
        place: '服务站',
      },
      clerk,
    );
    await get('/api/orders', '/api/orders', leader);
    await get(`/api/orders/${forHousehold.id}`, '/api/orders/{id}', clerk);
    await post(
      `/api/orders/${mine.id}/accept`,
      '/api/orders/{id}/accept',
      { memberIds: [server.id] },
      leader,
    );
    await post(
      `/api/orders/${mine.id}/done`,
      '/api/orders/{id}/done',
      { volunteers: [{ memberId: server.id, quantity: '1.50' }] },
      leader,
    );
    await post(
      `/api/me/orders/${mine.id}/rating`,
      '/api/me/orders/{id}/rating',
      { rating: 5 },
      volunteer,
    );
    await get('/api/me/orders', '/api/me/orders', volunteer);
    await post(
      `/api/orders/${forHousehold.id}/decline`,
      '/api/orders/{id}/decline',
      { reason: '无人' },
      leader,
    );
    const another = await post(
      '/api/orders',
      '/api/orders',
      {
        menuItemId: menuItem.id,
        householdId: household.id,
        preferredTime: '周三',
        place: '服务站',
      },
      clerk,
    );
    await post(`/api/orders/${another.id}/cancel`, '/api/orders/{id}/cancel', {}, clerk);
    const own = await post(
      '/api/me/orders',
      '/api/me/orders',
      { menuItemId: menuItem.id, preferredTime: '周三', place: '3号楼' },
      volunteer,
    );
    await post(`/api/me/orders/${own.id}/cancel`, '/api/me/orders/{id}/cancel', {}, volunteer);
    const served = await post(
      '/api/orders',
      '/api/orders',
      {
        menuItemId: menuItem.id,
        householdId: household.id,
        preferredTime: '周三',
        place: '服务站',
      },
      clerk,
    );
    const helper2 = await f.newMember();
    await t.app.get(PeopleService).addTeamMember(team.id, helper2.id);
    await post(`/api/orders/${served.id}/accept`, '/api/orders/{id}/accept', {
      memberIds: [helper2.id],
    });
    await post(`/api/orders/${served.id}/done`, '/api/orders/{id}/done', {
      volunteers: [{ memberId: helper2.id, quantity: 1 }],
    });
    await post(`/api/orders/${served.id}/rating`, '/api/orders/{id}/rating', { rating: 4 }, clerk);
    await post(
      `/api/menu-items/${menuItem.id}/withdraw`,
      '/api/menu-items/{id}/withdraw',
      {},
      leader,
    );
    // end service menu

    const problems: Record<string, unknown> = {};
    for (const { route, status, body } of answers) {
      const [method, path] = route;
      const schema = successSchema(method, path);
      const label = `${method.toUpperCase()} ${path}`;
      const found =
        status >= 300
          ? [`status ${status}: ${JSON.stringify(body)}`]
          : schema
            ? mismatches(body, schema)
            : ['no schema'];
      if (found.length > 0) {
        problems[label] = [...((problems[label] as string[]) ?? []), ...found];
      }
    }
    expect(problems).toEqual({});
    const checked = new Set(
      answers.map(({ route: [method, path] }) => `${method.toUpperCase()} ${path}`),
    );
    const unchecked = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        METHODS.filter((m) => ops[m] && successSchema(m, path)).map(
          (m) => `${m.toUpperCase()} ${path}`,
        ),
      )
      .filter((route) => !checked.has(route));
    // The spreadsheets and a photo are files; approving and rejecting answer the record as GET
    // does, and need approval switched on (test/service-records.e2e-spec.ts covers them).
    expect(unchecked).toEqual([
      'GET /api/members/export',
      'POST /api/service-records/{id}/approve',
      'POST /api/service-records/{id}/reject',
      'GET /api/events/{id}/photos/{photoId}',
      'GET /api/exports/national-service-records.xlsx',
      'GET /api/exports/national-service-records.csv',
    ]);
  });
});
