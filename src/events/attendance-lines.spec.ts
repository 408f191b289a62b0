import { readFileSync } from 'node:fs';
import { parseStandard, StandardVersion } from '../standard/scoring-standard';
import { attendanceLine, hoursRoundingOf } from './attendance-lines';
import { DEFAULT_HOURS_ROUNDING } from './event-hours';

const version: StandardVersion = {
  ...parseStandard(JSON.parse(readFileSync('config/scoring-standard.json', 'utf8'))),
  version: 1,
  contentHash: 'x',
};
const event = { eventDate: '2026-12-13', startsAt: '08:30', endsAt: '11:30' };
const TZ = 'Asia/Shanghai';
/** 13 December 2026 at a local HH:MM in Shanghai. */
const at = (hhmm: string) => `2026-12-13T${hhmm}:00+08:00`;
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString();

const row = (over: Partial<Parameters<typeof attendanceLine>[1]> = {}) => ({
  memberId: 7,
  itemCode: 'event_security',
  quantity: null,
  checkInAt: null,
  checkInMethod: null,
  checkOutAt: null,
  checkOutMethod: null,
  note: null,
  ...over,
});
const line = (r: ReturnType<typeof row>) =>
  attendanceLine(event, r, version, DEFAULT_HOURS_ROUNDING, TZ);

describe('attendanceLine', () => {
  it('should log the time served within the event, in quarter hours down', () => {
    const result = line(
      row({
        checkInAt: iso('08:10'),
        checkInMethod: 'scan',
        checkOutAt: iso('10:52'),
        checkOutMethod: 'name',
        note: '东门',
      }),
    );
    expect(result).toEqual({
      ok: true,
      hours: 225,
      line: {
        memberId: 7,
        itemCode: 'event_security',
        note: '东门',
        served: { startedAt: iso('08:30'), endedAt: iso('10:52'), hours: 225, source: 'times' },
      },
    });
  });

  it('should mark a time set by hand as corrected', () => {
    const result = line(
      row({
        checkInAt: iso('08:30'),
        checkInMethod: 'corrected',
        checkOutAt: iso('11:30'),
        checkOutMethod: 'self',
      }),
    );
    expect(result.ok && result.line.served?.source).toBe('corrected');
    expect(result.ok && result.hours).toBe(300);
  });

  it('should count a per-time item once, or the quantity given, by its hours per time', () => {
    expect(line(row({ itemCode: 'haircut' }))).toEqual({
      ok: true,
      hours: 50,
      line: { memberId: 7, itemCode: 'haircut', note: null, quantity: '1.00' },
    });
    const three = line(row({ itemCode: 'haircut', quantity: 300 }));
    expect(three.ok && [three.hours, three.line.quantity]).toEqual([150, '3.00']);
  });

  it('should name what is missing: check-out, item, hours, time within the event', () => {
    const reason = (r: ReturnType<typeof row>) => {
      const result = line(r);
      return result.ok ? null : result.problem.reason;
    };
    expect(reason(row({ checkInAt: iso('09:00'), checkInMethod: 'scan' }))).toBe(
      'STILL_CHECKED_IN',
    );
    expect(reason(row({ itemCode: null }))).toBe('ITEM_NOT_CHOSEN');
    expect(reason(row({ itemCode: 'no_such_item' }))).toBe('ITEM_NOT_IN_STANDARD');
    expect(reason(row())).toBe('QUANTITY_REQUIRED');
    expect(
      reason(
        row({
          checkInAt: iso('11:35'),
          checkInMethod: 'scan',
          checkOutAt: iso('12:00'),
          checkOutMethod: 'scan',
        }),
      ),
    ).toBe('NO_TIME_IN_EVENT');
    expect(
      reason(
        row({
          checkInAt: iso('09:00'),
          checkInMethod: 'scan',
          checkOutAt: iso('09:10'),
          checkOutMethod: 'scan',
        }),
      ),
    ).toBe('NO_TIME_IN_EVENT');
  });

  it('should take the rounding of the config when it has one', () => {
    expect(hoursRoundingOf({ approvalRequired: false })).toEqual(DEFAULT_HOURS_ROUNDING);
    const nearest = { stepMinutes: 30, mode: 'nearest' as const };
    expect(hoursRoundingOf({ eventHours: nearest })).toBe(nearest);
  });
});
