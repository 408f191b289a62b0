import { createTestApp, TestApp } from './support/test-app';

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
  if (schema.allOf?.length === 1) {
    return resolve(schema.allOf[0]);
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
});

export { mismatches, successSchema };
