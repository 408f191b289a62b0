import { createHmac, timingSafeEqual } from 'node:crypto';
import { PASSBOOK_ALPHABET } from '../people/passbook-number';

/** The passbook numbers' alphabet (no 0/O, 1/I/L): a volunteer may type the code off the leader's screen. */
export const CHECKIN_CODE_ALPHABET = PASSBOOK_ALPHABET;
export const CHECKIN_CODE_LENGTH = 8;
/** A code stands for one window of this many seconds and is accepted in it and the next. */
export const CHECKIN_WINDOW_SECONDS = 60;

/** The window an instant falls in: whole windows since the epoch. */
export function checkinWindow(at: Date): number {
  return Math.floor(at.getTime() / 1000 / CHECKIN_WINDOW_SECONDS);
}

/** The event's code for one window: HMAC-SHA256 of "eventId:window" keyed by the event's secret. */
export function checkinCode(secretHex: string, eventId: number, window: number): string {
  const mac = createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(`${eventId}:${window}`)
    .digest();
  let code = '';
  for (let i = 0; i < CHECKIN_CODE_LENGTH; i++) {
    // 31 letters from a byte: a bias of under 1/8 per character, far below what guessing needs.
    code += CHECKIN_CODE_ALPHABET[mac[i] % CHECKIN_CODE_ALPHABET.length];
  }
  return code;
}

/** The code shown now and the instant it stops being accepted (the end of the next window). */
export function currentCheckinCode(
  secretHex: string,
  eventId: number,
  now: Date,
): { code: string; validUntil: string } {
  const window = checkinWindow(now);
  return {
    code: checkinCode(secretHex, eventId, window),
    validUntil: new Date((window + 2) * CHECKIN_WINDOW_SECONDS * 1000).toISOString(),
  };
}

/** What a volunteer typed or scanned, as a code: case and spaces do not matter. */
export function normaliseCheckinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Whether the code is the event's code of the current or the previous window (a code read just
 * before it rotates still works; a photo sent home stops working within two minutes). Compared in
 * constant time.
 */
export function isValidCheckinCode(
  secretHex: string,
  eventId: number,
  input: string,
  now: Date,
): boolean {
  const given = Buffer.from(normaliseCheckinCode(input));
  const window = checkinWindow(now);
  let valid = false;
  for (const w of [window, window - 1]) {
    const expected = Buffer.from(checkinCode(secretHex, eventId, w));
    // Both windows are always compared, so the time taken says nothing about which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      valid = true;
    }
  }
  return valid;
}
