/** Dates and labels as people at the counter read them. */
import { community } from './community';
import { L, lang } from './i18n';
import type { EntryKind, Hardship, StaffUser } from './types';

const pad = (n: number): string => String(n).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar parts of an instant in the community's zone (COMMUNITY_TZ), never the device's. */
type DateParts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

function partsInZone(d: Date): DateParts {
  const timeZone = community().timeZone;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const out: DateParts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of fmt.formatToParts(d)) {
    if (p.type in out) {
      out[p.type as keyof DateParts] = p.value;
    }
  }
  return out;
}

/** "2026-06-30 18:00" in the community's time zone, wherever the device is set. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const p = partsInZone(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-06-30": the community's calendar date of an instant. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const p = partsInZone(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today as YYYY-MM-DD in the community (this device's clock, the community's calendar). */
export function todayLocal(): string {
  return formatDate(new Date().toISOString());
}

/** A YYYY-MM-DD date moved by whole days ("2026-03-01" - 1 = "2026-02-28"). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A date-time input value ("2026-06-15T09:00") read as the community's local time, as an ISO instant. */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) {
    return null;
  }
  const wanted = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(wanted)) {
    return null;
  }
  // The zone's offset at that moment, found by reading a first guess back (twice, for DST edges).
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = partsInZone(new Date(guess));
    const seen = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
    guess += wanted - seen;
  }
  return new Date(guess).toISOString();
}

/** An instant as a date-time input value in the community's zone. */
export function isoToLocalInput(iso: string): string {
  const p = partsInZone(new Date(iso));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function entryKindLabel(kind: EntryKind): string {
  switch (kind) {
    case 'earn':
      return L('服务积分', 'earned');
    case 'redeem':
      return L('兑换', 'redeemed');
    case 'redeem_return':
      return L('退货', 'returned');
    case 'donate':
      return L('捐赠', 'donated');
    case 'receive':
      return L('受赠', 'received');
    case 'reversal':
      return L('冲正', 'reversal');
    case 'adjust':
      return L('调整', 'adjustment');
    default:
      return kind;
  }
}

export function hardshipLabel(h: Hardship): string {
  switch (h) {
    case 'elderly_alone':
      return L('孤寡老人', 'elderly living alone');
    case 'disabled':
      return L('残疾人家庭', 'disabled');
    case 'low_income':
      return L('低保家庭', 'low income');
    case 'other':
      return L('其他困难', 'other hardship');
    default:
      return h;
  }
}

export function roleLabel(role: string): string {
  switch (role) {
    case 'admin':
      return L('管理员', 'administrator');
    case 'leader':
      return L('队长', 'team leader');
    case 'clerk':
      return L('店员', 'clerk');
    case 'office':
      return L('街道', 'street office');
    case 'volunteer':
      return L('志愿者', 'volunteer');
    default:
      return role;
  }
}

export function memberKindLabel(kind: string): string {
  return kind === 'party_member' ? L('党员', 'party member') : L('群众', 'resident');
}

export function couponStatusLabel(status: string): string {
  switch (status) {
    case 'issued':
      return L('未使用', 'not used');
    case 'used':
      return L('已使用', 'used');
    case 'void':
    case 'voided':
      return L('已作废', 'void');
    default:
      return status;
  }
}

export function unitLabel(unit: string): string {
  return unit === 'hour' ? L('小时', 'hours') : L('次', 'times');
}

/** Hours as people say them: "12.00" → "12 小时", "2.50" → "2.5 小时" (the API's hundredths string). */
export function formatHours(hours: string | number): string {
  const text = trimZeros(typeof hours === 'number' ? hours.toFixed(2) : hours);
  return L(`${text} 小时`, `${text} h`);
}

/**
 * Who did it, from the API's actor ("user:3"): the staff account's name and role when the list of
 * accounts is known, otherwise a neutral "工作人员 #3" — never the raw code.
 */
export function actorLabel(actor: string, users: readonly StaffUser[] | null | undefined): string {
  const m = /^(user|member):(\d+)$/.exec(actor);
  if (!m) {
    return actor;
  }
  const id = Number(m[2]);
  if (m[1] === 'member') {
    return L(`志愿者 #${id}`, `volunteer #${id}`);
  }
  const user = users?.find((u) => u.id === id);
  return user
    ? `${user.username}（${roleLabel(user.role)}）`
    : L(`工作人员 #${id}`, `staff #${id}`);
}

/** "2.50" hours shown without trailing zeros in Chinese text: "2.5". */
export function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

export function numberLocale(): string {
  return lang() === 'en' ? 'en' : 'zh-CN';
}

/** A value from a loosely known response as text (objects as JSON, never "[object Object]"). */
export function scalarText(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

/** An objection's state as the volunteer and the admin read it. */
export function objectionStatusLabel(status: string): string {
  switch (status) {
    case 'open':
      return L('待答复', 'Awaiting an answer');
    case 'accepted':
      return L('已采纳', 'Accepted');
    case 'rejected':
      return L('未采纳', 'Not accepted');
    default:
      return status;
  }
}

/** The notice period as local dates of the community: "2027-01-08 至 2027-01-15". */
export function noticePeriodText(notice: { startsAt: string; endsAt: string }): string {
  return L(
    `${formatDate(notice.startsAt)} 至 ${formatDate(notice.endsAt)}`,
    `${formatDate(notice.startsAt)} to ${formatDate(notice.endsAt)}`,
  );
}
