/** The one source of "now"; tests move a FixedClock instead of waiting. */
export abstract class Clock {
  abstract now(): Date;

  /** Today in the community's zone (YYYY-MM-DD): the one way features ask what day it is. */
  today(timeZone: string): string {
    return localDate(this.now(), timeZone);
  }

  /** The community's current year. */
  year(timeZone: string): number {
    return Number(this.today(timeZone).slice(0, 4));
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date | string): void {
    this.current = typeof to === 'string' ? new Date(to) : new Date(to.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Each zone's last answer: the parts name whole seconds, so one second's instants share them. */
const lastParts = new Map<string, { second: number; parts: Readonly<Record<string, string>> }>();

function partsIn(date: Date, timeZone: string): Readonly<Record<string, string>> {
  const second = Math.floor(date.getTime() / 1000);
  const last = lastParts.get(timeZone);
  if (last?.second === second) {
    return last.parts;
  }
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) {
    out[p.type] = p.value;
  }
  lastParts.set(timeZone, { second, parts: out });
  return out;
}

/** The community's local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as the community reads it: local date and time with the zone, "2027-01-08 07:30 (Asia/Shanghai)". */
export function localDateTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${timeZone})`;
}

/** The instant at which a local wall-clock time occurs in a zone (no DST in Asia/Shanghai, but handled). */
export function zonedTime(dateText: string, time: string, timeZone: string): Date {
  const guess = new Date(`${dateText}T${time}Z`);
  // Offset of the zone at that instant, applied twice to settle across offset changes.
  let result = guess;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(result, timeZone);
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    result = new Date(guess.getTime() - (asUtc - result.getTime()));
  }
  return result;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') {
    return false;
  }
  const m = DATE_RE.exec(text);
  if (!m) {
    return false;
  }
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Whole days from a to b (YYYY-MM-DD), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The instants a local day starts and ends (exclusive) in a zone, as ISO strings (UTC, `Z`). */
export function localDayBounds(date: string, timeZone: string): { from: string; to: string } {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    from: zonedTime(date, '00:00:00', timeZone).toISOString(),
    to: zonedTime(next, '00:00:00', timeZone).toISOString(),
  };
}
