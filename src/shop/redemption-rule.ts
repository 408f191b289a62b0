import { join } from 'node:path';
import { localDate, zonedTime } from '../common/clock';
import { ConfigError } from '../config/app-config';
import { configObject, readConfigFile } from '../config/config-file';

/** When the recurring redemption windows fall, as written in config/redemption.json. */
export interface RedemptionRule {
  every: 'quarter' | 'month' | 'none';
  /** Month of the quarter the window falls in (1-3); always 1 for monthly windows. */
  monthOfPeriod: number;
  opens: DayTime;
  closes: DayTime;
}

export interface DayTime {
  /** Day of the month (1-28) or the month's last day. */
  day: number | 'last';
  /** Local wall-clock time HH:MM. */
  time: string;
}

/** Once a quarter, from the 25th of its last month at 09:00 to the month's last day at 18:00. */
export const DEFAULT_REDEMPTION_RULE: RedemptionRule = {
  every: 'quarter',
  monthOfPeriod: 3,
  opens: { day: 25, time: '09:00' },
  closes: { day: 'last', time: '18:00' },
};

export const REDEMPTION_CONFIG_FILE = 'redemption.json';

/** Reads `<configDir>/redemption.json`; a missing file means the default, a bad one stops the start. */
export function loadRedemptionRule(configDir: string): RedemptionRule {
  const file = join(configDir, REDEMPTION_CONFIG_FILE);
  const json = readConfigFile(file);
  return json === undefined ? DEFAULT_REDEMPTION_RULE : parseRedemptionRule(json, file);
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validates the file's content, naming the field at fault. */
export function parseRedemptionRule(json: unknown, source: string): RedemptionRule {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${source}: ${field} ${problem}`);
  };
  const o = configObject(json, ['every', 'monthOfPeriod', 'opens', 'closes'], source);
  const every = o.every ?? DEFAULT_REDEMPTION_RULE.every;
  if (every !== 'quarter' && every !== 'month' && every !== 'none') {
    return fail('every', 'must be "quarter", "month" or "none"');
  }
  const monthOfPeriod = o.monthOfPeriod ?? (every === 'quarter' ? 3 : 1);
  const monthsMax = every === 'quarter' ? 3 : 1;
  if (
    typeof monthOfPeriod !== 'number' ||
    !Number.isInteger(monthOfPeriod) ||
    monthOfPeriod < 1 ||
    monthOfPeriod > monthsMax
  ) {
    fail('monthOfPeriod', `must be a whole number from 1 to ${monthsMax}`);
  }
  const dayTime = (field: string, value: unknown, fallback: DayTime): DayTime => {
    if (value === undefined) {
      return fallback;
    }
    if (!value || typeof value !== 'object') {
      return fail(field, 'must be an object like {"day": 25, "time": "09:00"}');
    }
    const { day, time } = value as Record<string, unknown>;
    if (
      day !== 'last' &&
      !(typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 28)
    ) {
      fail(`${field}.day`, 'must be a day from 1 to 28 or "last"');
    }
    if (typeof time !== 'string' || !TIME_RE.test(time)) {
      fail(`${field}.time`, 'must be a time HH:MM like "09:00"');
    }
    return { day: day as number | 'last', time: time as string };
  };
  const rule: RedemptionRule = {
    every,
    monthOfPeriod: monthOfPeriod as number,
    opens: dayTime('opens', o.opens, DEFAULT_REDEMPTION_RULE.opens),
    closes: dayTime('closes', o.closes, DEFAULT_REDEMPTION_RULE.closes),
  };
  // February is the shortest month: if the window is well-formed there, it is in every month.
  if (every !== 'none') {
    const w = windowOfMonth(2027, 2, rule, 'UTC');
    if (w.closesAt <= w.opensAt) {
      fail('closes', 'must come after opens within the same month');
    }
  }
  return rule;
}

export interface Period {
  key: string;
  year: number;
  /** Quarter 1-4 or month 1-12. */
  index: number;
}

export interface ScheduledWindow {
  periodKey: string;
  opensAt: Date;
  closesAt: Date;
}

/** The period (quarter or month) a local date falls in; null when windows do not recur. */
export function periodOf(date: string, rule: RedemptionRule): Period | null {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (rule.every) {
    case 'quarter':
      return quarter(year, Math.floor((month - 1) / 3) + 1);
    case 'month':
      return monthPeriod(year, month);
    case 'none':
      return null;
  }
}

export function nextPeriod(p: Period, rule: RedemptionRule): Period {
  const last = rule.every === 'quarter' ? 4 : 12;
  const year = p.index === last ? p.year + 1 : p.year;
  const index = p.index === last ? 1 : p.index + 1;
  return rule.every === 'quarter' ? quarter(year, index) : monthPeriod(year, index);
}

/** The window the rule gives a period, as instants in the community's time zone. */
export function scheduledWindow(
  p: Period,
  rule: RedemptionRule,
  timeZone: string,
): ScheduledWindow {
  const month = rule.every === 'quarter' ? (p.index - 1) * 3 + rule.monthOfPeriod : p.index;
  return { periodKey: p.key, ...windowOfMonth(p.year, month, rule, timeZone) };
}

/** The scheduled windows of the current and the next period at `now` (none when not recurring). */
export function scheduledWindowsAround(
  now: Date,
  rule: RedemptionRule,
  timeZone: string,
): ScheduledWindow[] {
  const current = periodOf(localDate(now, timeZone), rule);
  if (!current) {
    return [];
  }
  return [current, nextPeriod(current, rule)].map((p) => scheduledWindow(p, rule, timeZone));
}

function windowOfMonth(
  year: number,
  month: number,
  rule: RedemptionRule,
  timeZone: string,
): { opensAt: Date; closesAt: Date } {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const at = (dt: DayTime): Date => {
    const day = dt.day === 'last' ? lastDay : dt.day;
    const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return zonedTime(text, `${dt.time}:00`, timeZone);
  };
  return { opensAt: at(rule.opens), closesAt: at(rule.closes) };
}

function quarter(year: number, index: number): Period {
  return { key: `${year}-Q${index}`, year, index };
}

function monthPeriod(year: number, index: number): Period {
  return { key: `${year}-${String(index).padStart(2, '0')}`, year, index };
}
