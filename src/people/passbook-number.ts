import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a clerk reads these off paper and types them. */
export const PASSBOOK_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export type PassbookPrefix = 'V' | 'H';

/** A check character over the body, so a mistyped character is caught at the counter. */
export function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = PASSBOOK_ALPHABET.indexOf(body[i]);
    sum += value * (i + 1);
  }
  return PASSBOOK_ALPHABET[sum % PASSBOOK_ALPHABET.length];
}

/** "V" for a volunteer, "H" for a household, six random characters and a check character: "V7K2MQ9X". */
export function newPassbookNumber(prefix: PassbookPrefix): string {
  let body = prefix;
  for (let i = 0; i < 6; i++) {
    body += PASSBOOK_ALPHABET[randomInt(PASSBOOK_ALPHABET.length)];
  }
  return body + checkChar(body);
}

/** Normalises what a clerk typed or a scanner sent (case, spaces, dashes) and checks its form. */
export function normalisePassbookNumber(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[VH][23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/.test(text)) {
    return null;
  }
  return checkChar(text.slice(0, 7)) === text[7] ? text : null;
}

/**
 * A passbook number from what a scanner sent at a check-in: the number itself, or an address or
 * label ending in it (the passbook's QR code may hold a link); the last part that is a valid
 * number wins, as in the web's scanner (web/src/passbook-no.ts).
 */
export function passbookNumberOfScan(input: string): string | null {
  const whole = normalisePassbookNumber(input);
  if (whole !== null || !/[/:=?#]/.test(input)) {
    return whole;
  }
  const parts = input
    .split(/[/:=?#&\s]+/)
    .map((p) => normalisePassbookNumber(p))
    .filter((p) => p !== null);
  return parts.length > 0 ? parts[parts.length - 1] : null;
}
