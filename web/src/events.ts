/**
 * Events (活动) as the volunteer's pages read them: the shapes of the events endpoints (aliases of the
 * schemas generated into ./api-schema.ts) and the
 * few words they share (when, how many places are left, what a refusal means for this event).
 */
import type { components } from './api-schema';
import { ApiError } from './api';
import { describeError } from './errors';
import { formatDate, formatDateTime } from './format';
import { L } from './i18n';

type Schemas = components['schemas'];

export type EventItemView = Schemas['EventItemRefDto'];
export type EventView = Schemas['EventViewDto'];
/** `GET /api/me/events`: an event open to the volunteer, with their own sign-up and attendance. */
export type MyEvent = Schemas['MyEventDto'];
export type AttendanceView = Schemas['AttendanceViewDto'];

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "12月12日（周六）": an event's local date as people say it. */
export function eventDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return L(`${m}月${d}日（周${WEEKDAYS_ZH[weekday]}）`, `${WEEKDAYS_EN[weekday]} ${date}`);
}

/** "09:00–11:30". */
export function eventHours(e: Pick<EventView, 'startsAt' | 'endsAt'>): string {
  return `${e.startsAt}–${e.endsAt}`;
}

/** "09:02": the community's local time of an instant (check-in, check-out). */
export function clockTime(iso: string): string {
  return formatDateTime(iso).slice(11, 16);
}

/** The deadline as "12月11日 18:00", or the full date-time when it is another year. */
export function deadlineText(iso: string): string {
  const date = formatDate(iso);
  const [, m, d] = date.split('-').map(Number);
  return L(`${m}月${d}日 ${clockTime(iso)}`, `${date} ${clockTime(iso)}`);
}

/** Places still free, or null when the event has no capacity (anyone open to it may come). */
export function placesLeft(e: Pick<EventView, 'signup'>): number | null {
  const s = e.signup;
  if (!s || s.capacity === null) {
    return null;
  }
  return Math.max(0, s.capacity - s.signedUp);
}

export function signupClosed(e: Pick<EventView, 'signup'>, now = Date.now()): boolean {
  const deadline = e.signup?.deadline;
  return deadline ? Date.parse(deadline) <= now : false;
}

const reasonOf = (err: unknown): string | undefined =>
  err instanceof ApiError && typeof err.details.reason === 'string'
    ? err.details.reason
    : undefined;

/**
 * The sentence for a refusal of an event action (sign up, withdraw, check in) on the volunteer's
 * own pages, naming what the page knows (this event's capacity, its deadline, the code just
 * scanned); any other refusal reads as everywhere else (errors.ts).
 */
export function eventErrorSentence(err: unknown, event?: EventView): string {
  if (!(err instanceof ApiError)) {
    return describeError(err);
  }
  const reason = reasonOf(err);
  if (err.code === 'NOT_FOUND') {
    return L(
      '这个活动现在不对您开放（可能已取消、已结束，或不是您所在服务队的活动）。如在现场，请找队长登记。',
      'This event is not open to you now (cancelled, over, or not of your teams). At the event, ask the team leader.',
    );
  }
  switch (reason ?? '') {
    case 'EVENT_FULL': {
      const capacity = event?.signup?.capacity;
      return capacity
        ? L(
            `报名人数已满（共 ${capacity} 个名额），这次报不上了。`,
            `The event is full (${capacity} places); you cannot sign up this time.`,
          )
        : L('报名人数已满，这次报不上了。', 'The event is full; you cannot sign up this time.');
    }
    case 'SIGNUP_CLOSED': {
      const deadline = event?.signup?.deadline;
      return deadline
        ? L(
            `报名已在 ${deadlineText(deadline)} 截止，不能再报名或取消。`,
            `Sign-up closed at ${deadlineText(deadline)}; it can no longer be changed.`,
          )
        : L('报名已经截止，不能再报名或取消。', 'Sign-up has closed.');
    }
    case 'EVENT_NOT_PLANNED':
      return L(
        '这个活动已经结束或取消了，不能再报名或签到。',
        'This event is over or cancelled: no more sign-up or check-in.',
      );
    case 'CHECKIN_CODE_INVALID':
      return L(
        '二维码已过期，请重新扫描现场屏幕上的二维码。',
        'This QR code has expired: scan the code on the screen at the event again.',
      );
    case 'NOT_EVENT_DAY': {
      const date = typeof err.details.date === 'string' ? err.details.date : event?.date;
      return date
        ? L(
            `这个活动在 ${eventDay(date)}，只能在当天签到、签退。`,
            `This event is on ${eventDay(date)}: check in and out on that day.`,
          )
        : L('签到、签退只能在活动当天进行。', "Check-in happens on the event's day.");
    }
    case 'NOT_CHECKED_IN':
      return L(
        '您还没有签到，不能签退。请先扫码签到，或找队长登记。',
        'You have not checked in, so you cannot check out: check in first or ask the team leader.',
      );
    default:
      return describeError(err);
  }
}

/** The page the leader's rotating QR code opens: /me/check-in?event=ID&code=CODE. */
export const CHECK_IN_PATH = '/me/check-in';

/** The event and code of that address's query. */
export function checkInParams(search: string): { eventId: number; code: string } | null {
  const params = new URLSearchParams(search);
  const eventId = Number(params.get('event'));
  const code = (params.get('code') ?? '').trim();
  return Number.isSafeInteger(eventId) && eventId > 0 && code !== '' ? { eventId, code } : null;
}
