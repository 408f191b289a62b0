import { DomainError } from '../common/errors';

/**
 * Parses a count of whole units (stock, quantities of goods): a JSON integer or a string like
 * "3" or "3.00". Refuses fractions, signs where not allowed, and values out of range.
 */
export function parseUnits(
  input: unknown,
  options: { field: string; min: number; max: number },
): number {
  const { field, min, max } = options;
  let n: number | null = null;
  if (typeof input === 'number' && Number.isSafeInteger(input)) {
    n = input;
  } else if (typeof input === 'string' && /^[+-]?\d{1,9}(\.0{1,2})?$/.test(input.trim())) {
    n = Number(input.trim().replace(/\.0+$/, ''));
  }
  if (n === null) {
    throw DomainError.validation(`${field} must be a whole number`, { field });
  }
  if (n < min || n > max) {
    throw DomainError.validation(`${field} must be from ${min} to ${max}`, { field });
  }
  return n === 0 ? 0 : n;
}
