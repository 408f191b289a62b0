import { isMainlandMobile, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['139-8765-4321', '13987654321'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-13812345678', '13812345678'],
    ['138abc45678', '138abc45678'],
  ])('should read %j as %j', (raw, bare) => {
    expect(normalisePhone(raw)).toBe(bare);
  });

  it.each(['13812345678', '19900001111', '16612345678'])('should accept %j', (phone) => {
    expect(isMainlandMobile(phone)).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '02112345678', '84123456'])(
    'should refuse %j',
    (phone) => {
      expect(isMainlandMobile(phone)).toBe(false);
    },
  );
});
