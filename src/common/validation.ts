import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyInstance } from 'fastify';
import { DomainError } from './errors';
import { TEXT_MAX } from './limits';

/** Trims a string field before it is checked (anything else is left for the checks to refuse). */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * The reason kept with a correction (a reversal, an adjustment, a rejection, a cancellation, a
 * return, a stock write-off): trimmed, not blank, one line, at most TEXT_MAX.reason. The one rule
 * for every such field, since the reason is printed on statements and receipts as it was given.
 */
export function IsReason(max: number = TEXT_MAX.reason): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsString(),
    IsNotEmpty({ message: 'reason must not be blank' }),
    MaxLength(max),
    Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { message: 'reason must be text on one line' }),
  );
}

/** Printable text on one line: what a name, an address or a contact may hold. */
export const ONE_LINE = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

/**
 * A one-line text field (a name, an address, a contact, a handler): trimmed, text, at most `max`
 * characters, on one line (`field` names it in the message); `notBlank`, also not empty once trimmed.
 * Whether it may be left out or null stays beside it (`IsOptional`, `ValidateIf`).
 */
export function IsOneLine(
  field: string,
  max: number,
  options: { notBlank?: boolean } = {},
): PropertyDecorator {
  // Listed bottom-up, in the order the stacked decorators it replaces registered their checks
  // (so a value failing several reads its problems in the same order).
  return applyDecorators(
    Matches(ONE_LINE, { message: `${field} must be text on one line` }),
    MaxLength(max),
    ...(options.notBlank ? [IsNotEmpty()] : []),
    IsString(),
    Trim(),
  );
}

/**
 * `?community=`: the code (or id) of the community a request names, optional (who may name which,
 * and what leaving it out means, is the access policy's `communityToRead`).
 */
export const IsCommunityParam = (): PropertyDecorator =>
  // Bottom-up, in the order the stacked checks it replaces registered.
  applyDecorators(MaxLength(TEXT_MAX.communityCode), IsString(), IsOptional());

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
 * Containers (objects, arrays) a request may nest. The deepest real body, an activity's
 * `participants: [{memberId, quantity}]`, nests three; deeper is no request of this API, and would
 * only make the validator and the idempotency hash recurse.
 */
export const REQUEST_DEPTH_MAX = 8;

/**
 * C0 control characters and DEL, except tab, newline and carriage return (free text may hold them):
 * PostgreSQL refuses NUL in text, and none of them is anything a person types.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type RequestTextProblem = 'TOO_DEEP' | 'CONTROL_CHARACTER' | 'MALFORMED_UNICODE';

const PROBLEM_MESSAGES: Record<RequestTextProblem, string> = {
  TOO_DEEP: `the request nests deeper than ${REQUEST_DEPTH_MAX} levels`,
  CONTROL_CHARACTER: 'text may not contain control characters (such as NUL)',
  // JSON allows "\ud800": stored, it would come back as U+FFFD and no longer match its hash.
  MALFORMED_UNICODE: 'text must be valid Unicode',
};

/**
 * The one check of every string a request carries (body, query, path; keys included), without
 * recursion, so a hostile body is refused before anything else walks it.
 */
export function findRequestTextProblem(value: unknown): RequestTextProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) {
        return problem;
      }
      continue;
    }
    if (v === null || typeof v !== 'object') {
      continue;
    }
    if (depth >= REQUEST_DEPTH_MAX) {
      return 'TOO_DEEP';
    }
    if (Array.isArray(v)) {
      for (const item of v) {
        stack.push({ value: item, depth: depth + 1 });
      }
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      const problem = textProblem(key);
      if (problem) {
        return problem;
      }
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

function textProblem(text: string): RequestTextProblem | null {
  if (CONTROL_CHARACTER.test(text)) {
    return 'CONTROL_CHARACTER';
  }
  return isWellFormedText(text) ? null : 'MALFORMED_UNICODE';
}

/**
 * Refuses, before Nest's pipes run, any request whose body, query or path is too deep or holds text
 * no store would keep as sent: a coded 400 with `details.reason`, the same on SQLite and PostgreSQL.
 */
export function refuseHostileText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['body', req.body],
      ['query', req.query],
      ['param', req.params],
    ];
    for (const [where, value] of parts) {
      const reason = findRequestTextProblem(value);
      if (reason) {
        throw DomainError.validation(PROBLEM_MESSAGES[reason], { in: where, reason });
      }
    }
  });
}
