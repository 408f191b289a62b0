import Decimal from 'decimal.js';
import { DomainError } from './errors';

/**
 * Points and quantities are integer hundredths ("cents") everywhere inside the service and
 * two-place decimal strings at the API. Nothing here goes through a binary float.
 */
export type Cents = number;

/** Largest amount accepted from a request: ten million points is far beyond any real passbook. */
export const CENTS_MAX = 1_000_000_000;

const DECIMAL_RE = /^([+-]?)(\d{1,15})(?:\.(\d{1,2}))?$/;

export interface ParseOptions {
  /** Allow a leading '-' (adjustments); otherwise negatives are refused. */
  signed?: boolean;
  /** Refuse zero (default true: an amount that moves or measures something is never zero). */
  positive?: boolean;
  /** Field name used in the error details. */
  field?: string;
}

/** Parses "12.5", "12.50", 12.5 or "+3" into hundredths; refuses more places, NaN, exponents, huge values. */
export function parseCents(input: unknown, options: ParseOptions = {}): Cents {
  const { signed = false, positive = true, field = 'amount' } = options;
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw invalid(field, 'must be a finite number');
    }
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    throw invalid(field, 'must be a decimal string or number with at most two decimal places');
  }
  const match = DECIMAL_RE.exec(text);
  if (!match) {
    throw invalid(field, 'must be a decimal with at most two decimal places, like "12.50"');
  }
  const [, sign, whole, fraction = ''] = match;
  if (sign === '-' && !signed) {
    throw invalid(field, 'must not be negative');
  }
  const magnitude = new Decimal(`${whole}.${fraction.padEnd(2, '0')}`).times(100);
  if (magnitude.greaterThan(CENTS_MAX)) {
    throw invalid(field, `must be at most ${formatCents(CENTS_MAX)}`);
  }
  const cents = magnitude.toNumber() * (sign === '-' ? -1 : 1);
  if (positive && cents === 0) {
    throw invalid(field, signed ? 'must not be zero' : 'must be greater than zero');
  }
  return cents === 0 ? 0 : cents;
}

function invalid(field: string, reason: string): DomainError {
  return DomainError.validation(`${field} ${reason}`, { field });
}

/** 1250 -> "12.50", -5 -> "-0.05". */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** 300 -> "+3.00", -500 -> "-5.00" (statement entries). */
export function formatSignedCents(cents: Cents): string {
  return cents >= 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

export function assertCents(value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`not an integer number of hundredths: ${value}`);
  }
}

/** quantity x rate, both in hundredths, rounded half-up to hundredths (the scoring rule). */
export function multiplyCents(quantity: Cents, rate: Cents): Cents {
  return new Decimal(quantity)
    .times(rate)
    .dividedBy(100)
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
}

/** Checked conversion of a database integer (pg returns bigint and count as strings). */
export function toSafeInteger(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return value;
  }
  if (typeof value === 'bigint') {
    return toSafeInteger(Number(value));
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) {
      return n;
    }
  }
  throw new Error(`not a safe integer from the database: ${String(value)}`);
}

/** TypeORM column transformer for bigint columns holding hundredths or sequence numbers. */
export const bigintTransformer = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: unknown): number | null =>
    value === null || value === undefined ? null : toSafeInteger(value),
};
