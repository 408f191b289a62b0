import { describe, expect, it } from '@jest/globals';
import { openingQuarter, quarterOf } from './quarter';

describe(openingQuarter.name, () => {
  it('should open on the quarter just over during a quarter first month', () => {
    expect(openingQuarter('2027-01-05')).toEqual({ year: 2026, quarter: 4 });
    expect(openingQuarter('2026-04-30')).toEqual({ year: 2026, quarter: 1 });
    expect(openingQuarter('2026-10-01')).toEqual({ year: 2026, quarter: 3 });
  });

  it('should open on the current quarter once it is under way', () => {
    expect(openingQuarter('2026-05-01')).toEqual({ year: 2026, quarter: 2 });
    expect(openingQuarter('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
  });
});
