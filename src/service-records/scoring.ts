import { DomainError, ErrorCode } from '../common/errors';
import { Cents, formatCents, parseCents } from '../common/points';
import {
  findItem,
  hoursOf,
  ResolvedItem,
  scoreQuantity,
  StandardVersion,
} from '../standard/scoring-standard';

/** One member's line of a log request: a single record or one participant of an activity. */
export interface LogLine {
  memberId: number;
  quantity: unknown;
  note?: string | null;
}

export interface ScoredLine {
  memberId: number;
  quantity: Cents;
  hours: Cents;
  points: Cents;
  note: string | null;
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

/** Parses every quantity and scores it; all bad lines are reported together. */
export function scoreLines(
  req: { lines: LogLine[]; fieldOf: (i: number, field: string) => string },
  { item }: ResolvedItem,
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
    let quantity: Cents;
    try {
      quantity = parseCents(line.quantity, { field });
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
      quantity,
      hours: hoursOf(item, quantity),
      points,
      note: line.note?.trim() || null,
    });
  });
  if (problems.length > 0) {
    throw DomainError.validation(problems.flatMap((p) => p.problems).join('; '), {
      fields: problems,
    });
  }
  return lines;
}
