import { describe, expect, it } from '@jest/globals';
import {
  actorLabel,
  addDays,
  formatDate,
  formatDateTime,
  formatHours,
  isoToLocalInput,
  localInputToIso,
} from './format';

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

describe(formatHours.name, () => {
  it('should show hours as a plain number with its unit', () => {
    expect(formatHours('12.00')).toBe('12 小时');
    expect(formatHours('2.50')).toBe('2.5 小时');
    expect(formatHours('0.25')).toBe('0.25 小时');
    expect(formatHours('100')).toBe('100 小时');
    expect(formatHours(3)).toBe('3 小时');
  });
});

describe(actorLabel.name, () => {
  it('should name the staff account behind an actor code, never show the code', () => {
    const users = [
      {
        id: 3,
        username: 'clerk-li',
        role: 'clerk' as const,
        active: true,
        teamIds: [],
        createdAt: '2026-01-05T08:00:00.000Z',
        mustChangePassword: false,
      },
    ];
    expect(actorLabel('user:3', users)).toBe('clerk-li（店员）');
    expect(actorLabel('user:1', users)).toBe('工作人员 #1');
    expect(actorLabel('user:1', null)).toBe('工作人员 #1');
    expect(actorLabel('member:12', users)).toBe('志愿者 #12');
  });
});
