/**
 * Points travel as two-place decimal strings ("12.50"). The pages add and compare them as integer
 * hundredths, like the service does, so a total never drifts by a float rounding.
 */
const DECIMAL_RE = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "12.5" -> 1250, "-3" -> -300; null when the text is not a plain decimal with two places at most. */
export function toCents(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) {
    return null;
  }
  const match = DECIMAL_RE.exec(String(text).trim());
  if (!match) {
    return null;
  }
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** 1250 -> "12.50", -5 -> "-0.05". */
export function formatCents(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** 300 -> "+3.00". */
export function formatSignedCents(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

/** A price times a whole number of units. */
export function timesUnits(priceCents: number, units: number): number {
  return priceCents * units;
}

/** quantity × rate, both in hundredths, rounded half-up to hundredths (the scoring rule). */
export function multiplyCents(quantityCents: number, rateCents: number): number {
  const product = quantityCents * rateCents;
  const whole = Math.floor(product / 100);
  return product % 100 >= 50 ? whole + 1 : whole;
}

/** Whether a typed quantity is a positive decimal with at most two places. */
export function isPositiveAmount(text: string): boolean {
  const cents = toCents(text);
  return cents !== null && cents > 0 && !text.trim().startsWith('-');
}
