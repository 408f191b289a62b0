import { DomainError, ErrorCode } from '../common/errors';
import { Cents, formatCents, parseCents } from '../common/points';
import {
  findItem,
  hoursOf,
  ResolvedItem,
  scoreQuantity,
  StandardVersion,
} from '../standard/scoring-standard';

/** When a member served, from check-in to check-out at an event, and the hours that counts. */
export interface ServedTime {
  startedAt: string;
  endedAt: string;
  /** Hundredths of hours: the time within the event's hours, rounded by the configured rule. */
  hours: Cents;
  /** `corrected`: a time the leader set by hand (补录). */
  source: 'times' | 'corrected';
}

/**
 * One member's line of a log request: a single record, one participant of an activity, or one
 * participant of an event (who names their own item and may carry the time they served).
 */
export interface LogLine {
  memberId: number;
  /** Absent for a timed line of an hourly item (the hours are the quantity) or of a per-time item (once). */
  quantity?: unknown;
  note?: string | null;
  /** The line's own item (events); else the request's. */
  itemCode?: string;
  served?: ServedTime;
  /** The team the member served under (events); else the request's. */
  teamId?: number | null;
}

export interface ScoredLine {
  memberId: number;
  item: ResolvedItem;
  quantity: Cents;
  hours: Cents;
  points: Cents;
  note: string | null;
  served: ServedTime | null;
  teamId: number | null | undefined;
}

export function resolveItem(version: StandardVersion, itemCode: string): ResolvedItem {
  const resolved = findItem(version, itemCode);
  if (!resolved) {
    throw new DomainError(
      ErrorCode.UNKNOWN_ITEM,
      `"${itemCode}" is not an item of the scoring standard in force (version ${version.version}); see GET /api/standard`,
      { reason: 'NOT_IN_STANDARD', itemCode, standardVersion: version.version },
    );
  }
  return resolved;
}

/**
 * Parses every quantity and scores it; all bad lines are reported together. `itemOf` is the
 * request's one item, or each line's. A timed line's hours are the time served; an hourly item's
 * quantity is then those hours unless given.
 */
export function scoreLines(
  req: { lines: LogLine[]; fieldOf: (i: number, field: string) => string },
  itemOf: ResolvedItem | ((line: LogLine, i: number) => ResolvedItem),
): ScoredLine[] {
  const problems: { field: string; problems: string[] }[] = [];
  const seen = new Map<number, number>();
  const lines: ScoredLine[] = [];
  req.lines.forEach((line, i) => {
    const field = req.fieldOf(i, 'quantity');
    const first = seen.get(line.memberId);
    if (first !== undefined) {
      problems.push({
        field: req.fieldOf(i, 'memberId'),
        problems: [
          `member ${line.memberId} is already listed at participants[${first}]; give one line per member with the total quantity`,
        ],
      });
      return;
    }
    seen.set(line.memberId, i);
    const resolved = typeof itemOf === 'function' ? itemOf(line, i) : itemOf;
    const { item } = resolved;
    let quantity: Cents;
    try {
      if (line.quantity === undefined && line.served) {
        quantity = item.unit === 'hour' ? line.served.hours : 100;
        if (quantity === 0) {
          problems.push({
            field: req.fieldOf(i, 'checkOut'),
            problems: [
              `${field}: less than a counted unit of time was served within the event's hours`,
            ],
          });
          return;
        }
      } else {
        quantity = parseCents(line.quantity, { field });
      }
    } catch (err) {
      if (err instanceof DomainError) {
        problems.push({ field, problems: [err.message] });
        return;
      }
      throw err;
    }
    if (item.unit === 'time' && quantity % 100 !== 0) {
      problems.push({
        field,
        problems: [`${field} of ${item.name} counts times and must be a whole number`],
      });
      return;
    }
    const points = scoreQuantity(item, quantity);
    if (points === 0) {
      problems.push({
        field,
        problems: [`${field} ${formatCents(quantity)} of ${item.name} earns less than 0.01 points`],
      });
      return;
    }
    lines.push({
      memberId: line.memberId,
      item: resolved,
      quantity,
      hours: line.served ? line.served.hours : hoursOf(item, quantity),
      points,
      note: line.note?.trim() || null,
      served: line.served ?? null,
      teamId: line.teamId,
    });
  });
  if (problems.length > 0) {
    throw DomainError.validation(problems.flatMap((p) => p.problems).join('; '), {
      fields: problems,
    });
  }
  return lines;
}
