import { describe, expect, it } from '@jest/globals';
import { formatCents, formatSignedCents, isPositiveAmount, multiplyCents, toCents } from './points';
import { cleanPassbookNo, looksLikeCouponCode } from './passbook-no';

describe(toCents.name, () => {
  it('should read two-place decimals as integer hundredths', () => {
    expect(['12.50', '12.5', '3', '+3.00', '-0.05', ' 7.1 ', '0'].map((t) => toCents(t))).toEqual([
      1250, 1250, 300, 300, -5, 710, 0,
    ]);
  });

  it('should refuse more places, exponents, words and empties', () => {
    expect(['1.234', '1e3', 'abc', '', '.5', '1.', '1,5'].map((t) => toCents(t))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe(formatCents.name, () => {
  it('should write hundredths with exactly two places', () => {
    expect([1250, 5, -5, 0, 100000].map(formatCents)).toEqual([
      '12.50',
      '0.05',
      '-0.05',
      '0.00',
      '1000.00',
    ]);
    expect([300, -500, 0].map(formatSignedCents)).toEqual(['+3.00', '-5.00', '0.00']);
  });

  it('should add prices without float drift', () => {
    const total = ['0.10', '0.20', '0.70'].reduce((sum, p) => sum + (toCents(p) ?? 0), 0);
    expect(formatCents(total)).toBe('1.00');
  });
});

describe(multiplyCents.name, () => {
  it('should round quantity times rate half-up to hundredths like the service', () => {
    expect(multiplyCents(250, 200)).toBe(500);
    expect(multiplyCents(133, 150)).toBe(200);
    expect(multiplyCents(1, 50)).toBe(1);
    expect(multiplyCents(1, 49)).toBe(0);
  });
});

describe(isPositiveAmount.name, () => {
  it('should accept positive decimals only', () => {
    expect(['2', '0.5', '0', '-1', '1.234', 'x'].map(isPositiveAmount)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe(cleanPassbookNo.name, () => {
  it('should clean typed and scanned numbers', () => {
    expect(cleanPassbookNo(' v7k2-mq9x ')).toBe('V7K2MQ9X');
    expect(cleanPassbookNo('http://counter.local/print/V7K2MQ9X')).toBe('V7K2MQ9X');
    expect(cleanPassbookNo('abc')).toBe('ABC');
    // A coupon code is not searched for a passbook number inside it.
    expect(cleanPassbookNo('7HQYNUK6PECX')).toBe('7HQYNUK6PECX');
    expect(looksLikeCouponCode('7hqy-nuk6-pecx')).toBe(true);
    expect(looksLikeCouponCode('V7K2MQ9X')).toBe(false);
  });
});
