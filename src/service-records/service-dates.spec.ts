import { DomainError } from '../common/errors';
import { assertServiceDateInRange } from './service-dates';

const reasonOf = (serviceDate: string): unknown => {
  try {
    assertServiceDateInRange(serviceDate, '2026-06-15', 7);
  } catch (err) {
    if (err instanceof DomainError) {
      return { code: err.code, ...(err.details as object) };
    }
    throw err;
  }
  return 'accepted';
};

describe(assertServiceDateInRange.name, () => {
  it('should accept today and exactly the back-dating days before, and nothing outside', () => {
    expect(reasonOf('2026-06-15')).toBe('accepted');
    expect(reasonOf('2026-06-08')).toBe('accepted');
    expect(reasonOf('2026-06-16')).toEqual({
      code: 'SERVICE_DATE_OUT_OF_RANGE',
      reason: 'DATE_IN_FUTURE',
      serviceDate: '2026-06-16',
      earliest: '2026-06-08',
      latest: '2026-06-15',
    });
    expect(reasonOf('2026-06-07')).toEqual({
      code: 'SERVICE_DATE_OUT_OF_RANGE',
      reason: 'DATE_TOO_OLD',
      serviceDate: '2026-06-07',
      earliest: '2026-06-08',
      latest: '2026-06-15',
    });
  });
});
