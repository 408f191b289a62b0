import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  ConflictReason,
  DomainError,
  ErrorCode,
  HTTP_STATUS_OF,
  ReplayedRefusal,
  REASONS,
  ReasonedCode,
  RETRY_AFTER_SECONDS,
} from './errors';

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The OpenAPI schema of ErrorBody, `details.reason` listed from the one table of reasons. */
export function errorBodySchema(): Record<string, unknown> {
  const codes = Object.keys(REASONS) as ReasonedCode[];
  const listed = codes.map(
    (code) =>
      `${code}: ` +
      Object.entries(REASONS[code])
        .map(([reason, meaning]) => `${reason} (${meaning})`)
        .join('; '),
  );
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 409 },
      code: { type: 'string', enum: Object.values(ErrorCode), example: ErrorCode.CONFLICT },
      message: { type: 'string', description: 'English, for people; clients decide by code' },
      details: {
        type: 'object',
        additionalProperties: true,
        properties: {
          reason: {
            type: 'string',
            description: `The case of a code that has several meanings, named by every refusal of ${codes.join(', ')}: ${listed.join('. ')}. (VALIDATION_FAILED, ACCOUNT_LOCKED and STORAGE_UNAVAILABLE carry reasons of their own, see the README.)`,
            'x-reasons': REASONS,
          },
        },
      },
    },
  };
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.VALIDATION_FAILED,
  423: ErrorCode.ACCOUNT_LOCKED,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Maps every error to {statusCode, code, message, details}; internals never reach the client. */
export function toErrorBody(exception: unknown, logger?: Logger): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: HTTP_STATUS_OF[exception.code],
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  // A unique constraint lost to a concurrent request (two clerks creating the same name at once):
  // the rule was checked, the race was lost, and the answer is the same 409 the check gives.
  if (isUniqueViolation(exception)) {
    return {
      statusCode: 409,
      code: ErrorCode.CONFLICT,
      message: 'this already exists (created by another request at the same moment)',
      details: { reason: 'ALREADY_EXISTS' satisfies ConflictReason },
    };
  }
  // Nest's own (route not found, throttler) and Fastify's (bad JSON, body too large) client errors.
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500;
  if (status >= 400 && status < 500) {
    const code = CODE_OF_STATUS[status] ?? ErrorCode.VALIDATION_FAILED;
    return { statusCode: HTTP_STATUS_OF[code], code, message: clientMessage(code) };
  }
  logger?.error(
    exception instanceof Error ? `${exception.name}: ${exception.message}` : 'unknown error',
    exception instanceof Error ? exception.stack : undefined,
  );
  return {
    statusCode: 500,
    code: ErrorCode.INTERNAL_ERROR,
    message: 'internal error; nothing was changed',
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

const CLIENT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.NOT_FOUND]: 'not found',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'request body is too large',
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 'send the body as application/json',
  [ErrorCode.RATE_LIMITED]: 'too many requests; wait a moment and try again',
  [ErrorCode.UNAUTHENTICATED]: 'log in first',
  [ErrorCode.FORBIDDEN]: 'your role may not do this',
};

function clientMessage(code: ErrorCode): string {
  return CLIENT_MESSAGES[code] ?? 'the request is not valid';
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<{
      status: (n: number) => { send: (b: unknown) => void };
      header: (k: string, v: string) => void;
    }>();
    reply.header('content-type', 'application/json; charset=utf-8');
    if (exception instanceof ReplayedRefusal) {
      reply.header('Idempotent-Replayed', 'true');
      reply.status(exception.statusCode).send(exception.body);
      return;
    }
    const body = toErrorBody(exception, this.logger);
    if (body.statusCode === 503) {
      reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    reply.status(body.statusCode).send(body);
  }
}
