import { localDate, localDateTime, zonedTime } from './clock';

describe('local dates and times of a zone', () => {
  it('should turn the day at local midnight, to the millisecond, in each zone alike', () => {
    // 2026-12-31 15:59:59.999Z is 23:59:59.999 in Shanghai; a millisecond later it is the new year.
    const before = new Date('2026-12-31T15:59:59.999Z');
    const after = new Date('2026-12-31T16:00:00.000Z');
    expect(localDate(before, 'Asia/Shanghai')).toBe('2026-12-31');
    expect(localDate(after, 'Asia/Shanghai')).toBe('2027-01-01');
    // The same instants in another zone, asked in between: each zone answers its own parts.
    expect(localDate(after, 'UTC')).toBe('2026-12-31');
    expect(localDate(before, 'Asia/Shanghai')).toBe('2026-12-31');
    expect(localDate(after, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDateTime(after, 'UTC')).toBe('2026-12-31 16:00 (UTC)');
  });

  it('should answer within one second as at its start, and the next second anew', () => {
    const zone = 'Asia/Shanghai';
    expect(localDateTime(new Date('2026-06-15T02:00:59.000Z'), zone)).toBe(
      '2026-06-15 10:00 (Asia/Shanghai)',
    );
    expect(localDateTime(new Date('2026-06-15T02:00:59.999Z'), zone)).toBe(
      '2026-06-15 10:00 (Asia/Shanghai)',
    );
    expect(localDateTime(new Date('2026-06-15T02:01:00.000Z'), zone)).toBe(
      '2026-06-15 10:01 (Asia/Shanghai)',
    );
    // Before 1970 (negative instants) the second is still the one the instant falls in.
    expect(localDate(new Date('1969-12-31T15:59:59.500Z'), zone)).toBe('1969-12-31');
    expect(localDate(new Date('1969-12-31T16:00:00.500Z'), zone)).toBe('1970-01-01');
  });

  it('should find the instant of a local wall-clock time across an offset change', () => {
    expect(zonedTime('2026-06-15', '08:30:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-15T00:30:00.000Z',
    );
    // New York: EST (-05:00) before 2026-03-08 02:00, EDT (-04:00) after.
    expect(zonedTime('2026-03-07', '12:00:00', 'America/New_York').toISOString()).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    expect(zonedTime('2026-03-09', '12:00:00', 'America/New_York').toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
  });
});
