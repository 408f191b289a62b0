import { Cents, formatCents } from '../common/points';
import { DomainError, ErrorCode } from '../common/errors';
import { Member } from '../people/entities/member.entity';
import { StandardItem } from '../standard/scoring-standard';

/** What a member already has on one day (records that are posted or pending, not undone). */
export interface DayUsage {
  quantityByItem: Map<string, Cents>;
  hours: Cents;
}

export const emptyUsage = (): DayUsage => ({ quantityByItem: new Map(), hours: 0 });

export interface CapViolation {
  memberId: number;
  /** `item`: the item's maxUnitsPerDay; `dailyHours`: the configured maximum hours a day. */
  limit: 'item' | 'dailyHours';
  itemCode: string;
  max: string;
  alreadyLogged: string;
  requested: string;
  remaining: string;
}

/**
 * Checks one member's new quantity of an item on a day against the item's daily cap and the daily
 * maximum of service hours. Returns the limits it breaks (empty when it fits).
 */
export function dailyCapViolations(input: {
  memberId: number;
  item: StandardItem;
  quantity: Cents;
  hours: Cents;
  usage: DayUsage;
  maxHoursPerDay: Cents;
}): CapViolation[] {
  const { memberId, item, quantity, hours, usage, maxHoursPerDay } = input;
  const violations: CapViolation[] = [];
  const logged = usage.quantityByItem.get(item.code) ?? 0;
  if (item.maxUnitsPerDay !== null && logged + quantity > item.maxUnitsPerDay) {
    violations.push({
      memberId,
      limit: 'item',
      itemCode: item.code,
      max: formatCents(item.maxUnitsPerDay),
      alreadyLogged: formatCents(logged),
      requested: formatCents(quantity),
      remaining: formatCents(Math.max(0, item.maxUnitsPerDay - logged)),
    });
  }
  if (hours > 0 && usage.hours + hours > maxHoursPerDay) {
    violations.push({
      memberId,
      limit: 'dailyHours',
      itemCode: item.code,
      max: formatCents(maxHoursPerDay),
      alreadyLogged: formatCents(usage.hours),
      requested: formatCents(hours),
      remaining: formatCents(Math.max(0, maxHoursPerDay - usage.hours)),
    });
  }
  return violations;
}

/** The refusal of a log over a daily cap, naming each member, the limit and what is left. */
export function capExceeded(
  violations: CapViolation[],
  members: Map<number, Pick<Member, 'name'>>,
  itemName: string | ((itemCode: string) => string),
  serviceDate: string,
): DomainError {
  const nameOf = typeof itemName === 'string' ? () => itemName : itemName;
  const lines = violations.map((v) => {
    const who = members.get(v.memberId)!.name;
    return v.limit === 'item'
      ? `${who}: ${nameOf(v.itemCode)} is capped at ${v.max} a day, ${v.alreadyLogged} already logged, ${v.remaining} left`
      : `${who}: at most ${v.max} service hours a day, ${v.alreadyLogged} already logged, ${v.remaining} left`;
  });
  return new DomainError(
    ErrorCode.CAP_EXCEEDED,
    `over the daily limit on ${serviceDate}: ${lines.join('; ')}`,
    { serviceDate, violations },
  );
}
