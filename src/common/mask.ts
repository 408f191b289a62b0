/**
 * Masking of personal data for everyone but admins, in one place. Names keep their first and last
 * character (张三明 -> 张*明, 张三 -> 张*), phones their first three and last four digits
 * (13812345678 -> 138****5678), addresses their first few characters (the district, not the door),
 * identity document numbers their first and last four (110101199003071234 -> 1101**********1234).
 */

const MASK = '*';

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) {
    return MASK;
  }
  if (chars.length === 2) {
    return `${chars[0]}${MASK}`;
  }
  return `${chars[0]}${MASK.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length >= 8) {
    return `${chars.slice(0, 3).join('')}${MASK.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
  }
  if (chars.length >= 3) {
    return `${MASK.repeat(chars.length - 2)}${chars.slice(-2).join('')}`;
  }
  return MASK.repeat(chars.length);
}

/**
 * An identity document number as every answer shows it: the first and last four characters of a
 * long number (a resident ID keeps its region's first digits and its check digit), two of a
 * shorter one, only the last of a very short one.
 */
export function maskIdNumber(number: string): string {
  const chars = Array.from(number.trim());
  const kept = chars.length >= 12 ? 4 : chars.length >= 7 ? 2 : 0;
  if (kept === 0) {
    return `${MASK.repeat(Math.max(chars.length - 1, 0))}${chars.slice(-1).join('')}`;
  }
  return `${chars.slice(0, kept).join('')}${MASK.repeat(chars.length - 2 * kept)}${chars.slice(-kept).join('')}`;
}

/** 大连市甘井子区泡崖街道岭南社区12号楼 -> 大连市甘井子区**** : enough to know the area, not the door. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  const kept = Math.min(7, Math.floor(chars.length / 3));
  return `${chars.slice(0, kept).join('')}${MASK.repeat(4)}`;
}

/** A contact field holds a phone or a person's name: mask it as whichever it looks like. */
export function maskContact(contact: string): string {
  return /\d{4}/.test(contact) ? maskPhone(contact) : maskName(contact);
}

/** Full value for admins, masked for other staff, null stays null. */
export function revealTo<T extends string | null>(
  value: T,
  full: boolean,
  mask: (v: string) => string,
): T {
  return value === null || full ? value : (mask(value) as T);
}
