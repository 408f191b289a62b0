import { ErrorCode } from '../common/errors';
import { parseUnits } from './units';

describe(parseUnits.name, () => {
  const opts = { field: 'quantity', min: 1, max: 1000 };

  it.each([
    [3, 3],
    ['3', 3],
    [' 12 ', 12],
    ['3.00', 3],
    ['3.0', 3],
    [1000, 1000],
  ])('should read %j as %d whole units', (input, expected) => {
    expect(parseUnits(input, opts)).toBe(expected);
  });

  it.each([[1.5], ['1.5'], ['1e2'], [''], ['abc'], [null], [true], [[3]], [0], [1001], [-2]])(
    'should refuse %j with VALIDATION_FAILED naming the field',
    (input) => {
      expect(() => parseUnits(input, opts)).toThrow(
        expect.objectContaining({
          code: ErrorCode.VALIDATION_FAILED,
          details: { field: 'quantity' },
        }) as Error,
      );
    },
  );

  it('should accept signed units where the range allows them', () => {
    expect(parseUnits('-2', { field: 'quantity', min: -10, max: 10 })).toBe(-2);
  });
});
