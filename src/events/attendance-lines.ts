import { Cents, formatCents } from '../common/points';
import { LogLine, ServedTime } from '../service-records/scoring';
import { findItem, hoursOf, StandardVersion } from '../standard/scoring-standard';
import { Event, EventAttendance } from './entities';
import { DEFAULT_HOURS_ROUNDING, eventBounds, HoursRounding, servedTime } from './event-hours';

/** Why an attendance row cannot (yet) become a service record. */
export type AttendanceProblemReason =
  /** checked in and not out: the close refuses with ATTENDANCE_OPEN */
  | 'STILL_CHECKED_IN'
  /** the event has several items and none was chosen for the participant */
  | 'ITEM_NOT_CHOSEN'
  /** the row's item is not of the standard the event is scored by */
  | 'ITEM_NOT_IN_STANDARD'
  /** an hourly item logged by hand without times needs its hours as the quantity */
  | 'QUANTITY_REQUIRED'
  /** the check-in and check-out hold no counted unit of time within the event's hours */
  | 'NO_TIME_IN_EVENT';

export interface AttendanceProblem {
  memberId: number;
  reason: AttendanceProblemReason;
  message: string;
}

export type AttendanceLineResult =
  { ok: true; line: LogLine; hours: Cents } | { ok: false; problem: AttendanceProblem };

/**
 * What closing the event will log for one participant: the one home of that rule, used by the
 * attendance view (its `hours` preview) and by the close. With both times, the time served within
 * the event's hours by the rounding rule (`source` "corrected" when a time was set by hand, 补录);
 * without times, the quantity logged by hand (one time of a per-time item when none was given).
 * The line leaves `teamId` to the close, which knows the teams.
 */
export function attendanceLine(
  event: Pick<Event, 'eventDate' | 'startsAt' | 'endsAt'>,
  row: Pick<
    EventAttendance,
    | 'memberId'
    | 'itemCode'
    | 'quantity'
    | 'checkInAt'
    | 'checkInMethod'
    | 'checkOutAt'
    | 'checkOutMethod'
    | 'note'
  >,
  version: StandardVersion,
  rounding: HoursRounding,
  timeZone: string,
): AttendanceLineResult {
  const fail = (reason: AttendanceProblemReason, message: string): AttendanceLineResult => ({
    ok: false,
    problem: { memberId: row.memberId, reason, message },
  });
  if (row.checkInAt !== null && row.checkOutAt === null) {
    return fail('STILL_CHECKED_IN', `member ${row.memberId} is checked in and not out`);
  }
  if (row.itemCode === null) {
    return fail('ITEM_NOT_CHOSEN', `choose the item member ${row.memberId} served`);
  }
  const found = findItem(version, row.itemCode);
  if (!found) {
    return fail(
      'ITEM_NOT_IN_STANDARD',
      `"${row.itemCode}" is not an item of the scoring standard version ${version.version}`,
    );
  }
  const { item } = found;
  let served: ServedTime | undefined;
  if (row.checkInAt !== null && row.checkOutAt !== null) {
    const time = servedTime(eventBounds(event, timeZone), row.checkInAt, row.checkOutAt, rounding);
    if (time === null || (time.hours === 0 && row.quantity === null && item.unit === 'hour')) {
      return fail(
        'NO_TIME_IN_EVENT',
        `member ${row.memberId} served less than a counted unit of time within the event's hours`,
      );
    }
    const corrected = row.checkInMethod === 'corrected' || row.checkOutMethod === 'corrected';
    served = { ...time, source: corrected ? 'corrected' : 'times' };
  }
  let quantity: Cents | undefined = row.quantity ?? undefined;
  if (quantity === undefined && served === undefined) {
    if (item.unit === 'hour') {
      return fail(
        'QUANTITY_REQUIRED',
        `member ${row.memberId} has no check-in and check-out: give the hours served as the quantity`,
      );
    }
    quantity = 100;
  }
  const hours = served ? served.hours : hoursOf(item, quantity!);
  const line: LogLine = {
    memberId: row.memberId,
    itemCode: item.code,
    note: row.note,
    ...(quantity === undefined ? {} : { quantity: formatCents(quantity) }),
    ...(served === undefined ? {} : { served }),
  };
  return { ok: true, line, hours };
}

/**
 * The rounding of served time in force: the service-records config's `eventHours` where the
 * community set one, else DEFAULT_HOURS_ROUNDING. The preview and the close both ask here.
 */
export function hoursRoundingOf(config: object): HoursRounding {
  return (config as { eventHours?: HoursRounding }).eventHours ?? DEFAULT_HOURS_ROUNDING;
}
