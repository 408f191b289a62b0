import {
  ArgumentMetadata,
  Injectable,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { DomainError } from './errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting, strict validation pipe whose errors are coded VALIDATION_FAILED with field details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message =
        fields.map((f) => f.problems.join('; ')).join('; ') || 'the request is not valid';
      return DomainError.validation(message, { fields });
    },
  });
}

/** A UTF-16 surrogate without its partner: not text, and a database would store it altered. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Replaces lone surrogates with U+FFFD, as the database would, so what is hashed is what is stored. */
export function toWellFormedText(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * Refuses any request whose body, query or path holds malformed text (JSON allows "\ud800"):
 * stored, it would come back as U+FFFD and no longer match what was hashed into the ledger.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'custom' && !wellFormedDeep(value, 0)) {
      throw DomainError.validation('text must be valid Unicode', { in: metadata.type });
    }
    return value;
  }
}

function wellFormedDeep(value: unknown, depth: number): boolean {
  if (typeof value === 'string') {
    return isWellFormedText(value);
  }
  if (depth > 32 || value === null || typeof value !== 'object') {
    return true;
  }
  const entries = Array.isArray(value) ? value : Object.entries(value).flat();
  return entries.every((v) => wellFormedDeep(v, depth + 1));
}
