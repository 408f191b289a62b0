import { describe, expect, it } from '@jest/globals';
import { addDays, formatDate, formatDateTime, isoToLocalInput, localInputToIso } from './format';

// The pages' zone before /api/public/community answers is Asia/Shanghai, whatever this machine's is.
describe(formatDateTime.name, () => {
  it("should show an instant in the community's zone, not the device's", () => {
    expect(formatDateTime('2026-12-01T19:00:00Z')).toBe('2026-12-02 03:00');
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it("should read a date-time input as the community's local time and back", () => {
    expect(localInputToIso('2026-06-15T09:00')).toBe('2026-06-15T01:00:00.000Z');
    expect(isoToLocalInput('2026-06-15T01:00:00.000Z')).toBe('2026-06-15T09:00');
    expect(localInputToIso('')).toBeNull();
  });

  it('should move a calendar date by whole days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
