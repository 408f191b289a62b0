import { PASSBOOK_ALPHABET } from '../people/passbook-number';
import { COUPON_CODE_LENGTH, newCouponCode, normaliseCouponCode } from './coupon-code';

describe('coupon codes', () => {
  it('should make unique codes of at least 10 unambiguous characters', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newCouponCode();
      expect(code).toMatch(new RegExp(`^[${PASSBOOK_ALPHABET}]{${COUPON_CODE_LENGTH}}$`));
      expect(code).not.toMatch(/[01OIL]/);
      codes.add(code);
    }
    expect(COUPON_CODE_LENGTH).toBeGreaterThanOrEqual(10);
    expect(codes.size).toBe(2000);
  });

  it('should accept a code typed in lower case with spaces or dashes', () => {
    const code = newCouponCode();
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)} `;
    expect(normaliseCouponCode(typed)).toBe(code);
  });

  it('should refuse a code with one character mistyped, a wrong length or ambiguous characters', () => {
    const code = newCouponCode();
    const wrong = code.slice(0, 5) + (code[5] === '2' ? '3' : '2') + code.slice(6);
    expect(normaliseCouponCode(wrong)).toBeNull();
    expect(normaliseCouponCode(code.slice(1))).toBeNull();
    expect(normaliseCouponCode('O0I1L2345678')).toBeNull();
  });
});
