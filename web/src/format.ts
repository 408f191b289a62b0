/** Dates and labels as people at the counter read them. */
import { L, lang } from './i18n';
import type { EntryKind, Hardship } from './types';

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-06-30 18:00" in the device's time zone (the counter is in the community). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD on this device. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date-time input value ("2026-06-15T09:00") as an ISO instant with this device's offset. */
export function localInputToIso(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
