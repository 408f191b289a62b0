/** Stable error codes of the API contract; the filter maps each to one HTTP status. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  IDEMPOTENCY_KEY_REQUIRED = 'IDEMPOTENCY_KEY_REQUIRED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  REDEMPTION_WINDOW_CLOSED = 'REDEMPTION_WINDOW_CLOSED',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  ALREADY_REVERSED = 'ALREADY_REVERSED',
  COUPON_ALREADY_USED = 'COUPON_ALREADY_USED',
  PERIOD_CLOSED = 'PERIOD_CLOSED',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  CAP_EXCEEDED = 'CAP_EXCEEDED',
  SERVICE_DATE_OUT_OF_RANGE = 'SERVICE_DATE_OUT_OF_RANGE',
  HOUSEHOLD_NOT_ELIGIBLE = 'HOUSEHOLD_NOT_ELIGIBLE',
  UNKNOWN_ITEM = 'UNKNOWN_ITEM',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The database cannot take the request now (disk full, locked, unreachable); nothing was recorded. */
  STORAGE_UNAVAILABLE = 'STORAGE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.IDEMPOTENCY_KEY_REQUIRED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.REDEMPTION_WINDOW_CLOSED]: 409,
  [ErrorCode.INSUFFICIENT_POINTS]: 409,
  [ErrorCode.OUT_OF_STOCK]: 409,
  [ErrorCode.ALREADY_REVERSED]: 409,
  [ErrorCode.COUPON_ALREADY_USED]: 409,
  [ErrorCode.PERIOD_CLOSED]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.CAP_EXCEEDED]: 422,
  [ErrorCode.SERVICE_DATE_OUT_OF_RANGE]: 422,
  [ErrorCode.HOUSEHOLD_NOT_ELIGIBLE]: 422,
  [ErrorCode.UNKNOWN_ITEM]: 422,
  [ErrorCode.ACCOUNT_LOCKED]: 423,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.STORAGE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_ERROR]: 500,
};

/** Seconds a client is told to wait (`Retry-After`) before trying a 503 again. */
export const RETRY_AFTER_SECONDS = 10;

/** A refusal a user can act on. Services throw it; the exception filter turns it into the response. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static validation(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
  }
}

/** A stored refusal answered again under its Idempotency-Key: sent as stored, marked replayed. */
export class ReplayedRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super('replayed refusal');
    this.name = 'ReplayedRefusal';
  }
}
