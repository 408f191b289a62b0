import { DomainError, ErrorCode } from './errors';
import { toErrorBody } from './http-exception.filter';

describe(toErrorBody.name, () => {
  it('should answer a domain error with its code, status and details', () => {
    expect(toErrorBody(new DomainError(ErrorCode.OUT_OF_STOCK, 'out', { item: 1 }))).toEqual({
      statusCode: 409,
      code: 'OUT_OF_STOCK',
      message: 'out',
      details: { item: 1 },
    });
  });

  it.each([
    [{ driverError: { code: '23505', detail: 'Key (name)=(毛巾) already exists.' } }],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: catalog_items.name' }],
  ])('should answer a lost unique-constraint race with 409 CONFLICT and no SQL', (err) => {
    const body = toErrorBody(Object.assign(new Error('query failed'), err));
    expect(body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: expect.any(String),
      details: { reason: 'ALREADY_EXISTS' },
    });
    expect(JSON.stringify(body)).not.toMatch(/constraint|Key \(|catalog_items/);
  });

  it('should answer anything unknown with a 500 that leaks nothing', () => {
    expect(toErrorBody(new Error('SELECT * FROM secrets failed'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'internal error; nothing was changed',
    });
  });
});
