const PASSBOOK_RE = /^[VH][0-9A-Z]{7}$/;

/**
 * Cleans what was typed or scanned into a passbook number: "v7k2 mq9x" -> "V7K2MQ9X". A scanner
 * that reads a URL or a label sends more than the number; then the number is its last part.
 */
export function cleanPassbookNo(text: string): string {
  const upper = text.trim().toUpperCase();
  const compact = upper.replace(/[\s-]/g, '');
  if (PASSBOOK_RE.test(compact) || !/[/:=?#]/.test(upper)) {
    return compact;
  }
  const parts = upper.split(/[/:=?#&\s]+/).filter((p) => PASSBOOK_RE.test(p));
  return parts.length ? parts[parts.length - 1] : compact;
}

/** Coupon codes are 12 characters; a clerk may scan one into the passbook box by mistake. */
export function looksLikeCouponCode(text: string): boolean {
  return /^[0-9A-Z]{12}$/.test(text.trim().toUpperCase().replace(/[\s-]/g, ''));
}
