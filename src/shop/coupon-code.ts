import { randomInt } from 'node:crypto';
import { checkChar, PASSBOOK_ALPHABET } from '../people/passbook-number';

/** Eleven random characters (31^11, about 2.5e16) and a check character. */
export const COUPON_CODE_LENGTH = 12;

/** A random coupon code without 0/O/1/I/L, e.g. "K7M2QX9PRT4H"; the last character checks the rest. */
export function newCouponCode(): string {
  let body = '';
  for (let i = 0; i < COUPON_CODE_LENGTH - 1; i++) {
    body += PASSBOOK_ALPHABET[randomInt(PASSBOOK_ALPHABET.length)];
  }
  return body + checkChar(body);
}

/** What a clerk typed (any case, spaces, dashes) as a stored code, or null when it cannot be one. */
export function normaliseCouponCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '');
  if (!new RegExp(`^[${PASSBOOK_ALPHABET}]{${COUPON_CODE_LENGTH}}$`).test(text)) {
    return null;
  }
  return checkChar(text.slice(0, -1)) === text[text.length - 1] ? text : null;
}
