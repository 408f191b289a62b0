import { formatCents, formatSignedCents, multiplyCents, parseCents, toSafeInteger } from './points';
import { DomainError } from './errors';

describe('points', () => {
  describe(parseCents.name, () => {
    it.each([
      ['12.50', 1250],
      ['12.5', 1250],
      ['12', 1200],
      ['0.01', 1],
      [12.5, 1250],
      [3, 300],
      [' 7.25 ', 725],
      ['10000000', 1_000_000_000],
    ])('should parse %p as %p hundredths', (input, cents) => {
      expect(parseCents(input)).toBe(cents);
    });

    it.each([
      ['12.345'],
      [12.345],
      ['1e3'],
      [1e21],
      ['NaN'],
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
      ['Infinity'],
      ['-5'],
      ['0'],
      ['0.00'],
      [''],
      ['.5'],
      ['5.'],
      ['0x10'],
      ['10000000.01'],
      [null],
      [true],
      [{}],
      ['１２'],
    ])('should refuse %p with VALIDATION_FAILED', (input) => {
      expect(() => parseCents(input)).toThrow(DomainError);
    });

    it('should accept a signed amount only when asked', () => {
      expect(parseCents('-12.50', { signed: true })).toBe(-1250);
      expect(parseCents('+3', { signed: true })).toBe(300);
      expect(() => parseCents('-12.50')).toThrow('must not be negative');
    });

    it('should name the field in the error details', () => {
      try {
        parseCents('1.234', { field: 'quantity' });
        throw new Error('expected a refusal');
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).details).toEqual({ field: 'quantity' });
      }
    });
  });

  describe(formatCents.name, () => {
    it.each([
      [0, '0.00'],
      [1, '0.01'],
      [1250, '12.50'],
      [-5, '-0.05'],
      [-1250, '-12.50'],
      [100000000000, '1000000000.00'],
    ])('should format %p as %p', (cents, text) => {
      expect(formatCents(cents)).toBe(text);
    });

    it('should sign statement amounts', () => {
      expect(formatSignedCents(300)).toBe('+3.00');
      expect(formatSignedCents(-500)).toBe('-5.00');
    });

    it('should refuse a fractional number of hundredths', () => {
      expect(() => formatCents(1.5)).toThrow('not an integer');
    });
  });

  describe(multiplyCents.name, () => {
    it.each([
      // quantity (hundredths) x rate (hundredths) -> points (hundredths), half-up
      [150, 200, 300], // 1.5 h x 2 = 3.00
      [33, 150, 50], // 0.33 x 1.5 = 0.495 -> 0.50 (half-up at the edge)
      [33, 149, 49], // 0.33 x 1.49 = 0.4917 -> 0.49
      [1, 50, 1], // 0.01 x 0.5 = 0.005 -> 0.01
      [1, 49, 0], // 0.01 x 0.49 = 0.0049 -> 0.00
      [125, 333, 416], // 1.25 x 3.33 = 4.1625 -> 4.16
      [1200, 1000, 12000],
    ])('should score %p x %p as %p', (quantity, rate, points) => {
      expect(multiplyCents(quantity, rate)).toBe(points);
    });
  });

  describe(toSafeInteger.name, () => {
    it('should convert what pg returns for bigint', () => {
      expect(toSafeInteger('9007199254740991')).toBe(9007199254740991);
      expect(toSafeInteger('-42')).toBe(-42);
      expect(toSafeInteger(7)).toBe(7);
    });

    it('should refuse what is not an exact integer', () => {
      expect(() => toSafeInteger('9007199254740993')).toThrow();
      expect(() => toSafeInteger('1.5')).toThrow();
      expect(() => toSafeInteger(1.5)).toThrow();
      expect(() => toSafeInteger(null)).toThrow();
    });
  });
});
