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

/**
 * `details.reason` of the codes that carry several meanings: one reason per meaning, each with what it
 * means (the README's errors section and the OpenAPI `Error` schema list these). A throw site names
 * its reason from here (the type refuses any other string); a new meaning gets a new entry here.
 */
export const CONFLICT_REASONS = {
  DUPLICATE_NAME:
    'another staff user, team or catalog item already has this name (`details.field`: username or name)',
  PASSBOOK_NO_TAKEN: 'the passbook number is already in use',
  ALREADY_EXISTS:
    'a concurrent request created the same thing a moment earlier (a unique constraint lost the race)',
  SELF_DEACTIVATION: 'an admin cannot deactivate their own account',
  LAST_ADMIN: 'the last active admin cannot be deactivated or given another role',
  MEMBER_INACTIVE: 'the member (`details.memberId` or `memberIds`) no longer volunteers here',
  PASSBOOK_CLOSED: 'the passbook (`details.passbookNo`) is closed: its owner is deactivated',
  BALANCE_NOT_ZERO:
    'a volunteer moves to another community only with a zero balance (`details.balance`): points stay in the community that issued them, so redeem or donate them first',
  RECORDS_PENDING:
    'a volunteer moves only when none of their service records waits for approval (`details.pending`): approve or reject them first',
  LIKELY_DUPLICATE:
    'the member already has a record of the same item on the same day (`details.duplicates`): send `confirmDuplicate: true` if it is a second real service',
  OVERLAPPING_SERVICE:
    'the member is already in a timed record that overlaps this time (`details.overlaps` names the event): nobody serves in two places at once',
  EVENT_NOT_PLANNED:
    'the event (`details.status`) is closed or cancelled: its attendance, sign-up and records no longer change',
  PHOTO_LIMIT_REACHED:
    'the event already keeps its most photos (`details.limit`): delete one before adding another',
  NOT_EVENT_DAY:
    "check-in and check-out happen on the event's date (`details.date`) in the community's zone, not on another day (`details.today`)",
  NOT_CHECKED_IN:
    'the member (`details.memberId`) has not checked in to the event: check in first, or set the times by hand (补录)',
  EVENT_FULL:
    'every place of the event is taken (`details.capacity`); a place frees when someone withdraws',
  SIGNUP_CLOSED:
    'the sign-up deadline of the event has passed (`details.deadline`): signing up and withdrawing are closed',
  ATTENDANCE_OPEN:
    'someone checked in to the event and not out (`details.memberIds`): check them out or correct the time before closing',
  EVENT_EMPTY: 'nobody attended the event: there is nothing to close; cancel it instead',
  RECORD_REJECTED: 'the service record was rejected and cannot be approved; log the service again',
  RECORD_ALREADY_POSTED:
    'the service record is already credited and cannot be rejected; reverse it instead',
  RECORD_NOT_POSTED: 'the service record is pending or rejected: nothing was credited to reverse',
  REVERSAL_NOT_REVERSIBLE: 'a reversal cannot itself be reversed; post a new entry instead',
  RETURN_EXCEEDS_REMAINING:
    'a return asks for more units of an item than are left to return (`details.remaining`, `requested`)',
  PARTLY_RETURNED:
    'part of the redemption was returned, so it cannot be cancelled whole; return the rest instead',
  SHOP_RETURN: 'a shop return cannot be reversed: its items are back in stock',
  REDEMPTION_NEEDS_CANCEL:
    'a shop redemption is undone by cancelling it (stock back, coupons void), not by a reversal',
  WINDOW_ALREADY_CLOSED: 'the redemption window already closed',
  COUPON_VOID: 'the coupon is void: its redemption was cancelled',
  COUPON_RETURNED: 'the coupon was given back in a return of part of its redemption',
  ITEM_INACTIVE: 'a catalog item (`details.items`) is no longer offered',
  RATING_ALREADY_PUBLISHED: "the year's star rating is already published",
  YEAR_NOT_OVER: 'the year is not over; its rating can be published from 1 January of the next',
  DRAFT_OUTDATED:
    'points earned in the year changed since the draft was computed (`details.changedMembers`); run it again',
  NOTICE_NOT_OPEN:
    "the year's rating is not in its notice period now (`details.startsAt`, `endsAt`; null when not published): objections are filed during the period",
  NOTICE_NOT_OVER:
    'the notice period runs until `details.endsAt`: the rating can be finalized after it ends',
  OBJECTIONS_OPEN:
    'objections to the rating are still open (`details.count`): resolve them before finalizing',
  RATING_NOT_PUBLISHED: "the year's rating is a draft: publish it (its notice period) first",
  RATING_ALREADY_FINAL: "the year's rating is final already (`details.finalizedAt`)",
  OBJECTION_RESOLVED: 'the objection was resolved already (`details.status`)',
  WISH_CLAIMED:
    'the wish is claimed by someone else (`details.claim` names who): one claim at a time; it is free again when they release it',
  WISH_NOT_OPEN: 'the wish was fulfilled already (`details.status`): it no longer changes',
  WISH_NOT_CLAIMED:
    'nobody has claimed the wish (`details.status`: open): claim it first, or there is no claim to release',
  NO_RECORDED_SERVICE:
    'the volunteer has no verified service in the period (`details.from`, `to`): there is nothing to certify',
  CERTIFICATE_REVOKED: 'the certificate was revoked already (`details.revokedAt`)',
  MENU_ITEM_WITHDRAWN:
    'the menu item was withdrawn from the service menu: it can no longer be ordered or edited',
  ORDER_NOT_PLACED:
    'the order (`details.status`) is no longer waiting for a team: only a placed order is accepted or declined',
  ORDER_NOT_ACCEPTED:
    'the order (`details.status`) was not accepted by the team: only an accepted order is confirmed done',
  ORDER_CLOSED:
    'the order (`details.status`) is done, declined or cancelled already: it can no longer be cancelled',
  ORDER_NOT_DONE:
    'the order (`details.status`) is not done yet: the service is rated after the team confirms it done',
  ORDER_ALREADY_RATED: 'the order was rated already (`details.ratedAt`): a rating is given once',
} as const;

export const FORBIDDEN_REASONS = {
  NOT_WISH_CLAIMER:
    'the wish is claimed by another volunteer or team (`details.claim`): only the claimer (or an admin) may release it',
  ROLE_NOT_ALLOWED: "the caller's role may not do this",
  NOT_TEAM_LEADER: 'the leader does not lead this team (`details.teamId` when named)',
  NOT_IN_TEAM: 'a member (`details.memberIds`) is not in the team the service is logged under',
  ADMIN_ONLY_ITEM: 'the scoring item (`details.itemCode`) is awarded by an admin only',
  OWN_PASSBOOK_ONLY: 'a volunteer gives only from their own passbook',
  EVENT_PHOTO_KEPT:
    'the event (`details.status`) is no longer planned: its photos are evidence of what was recorded, and only an admin may delete one',
  NOT_TAKING_PART:
    "the member (`details.memberId`) is in none of the event's teams and did not sign up, and the event is not open to the whole community",
  NOT_TEAM_MEMBER:
    "an assignee (`details.memberIds`) is not a member of the menu item's team: a team sends its own members",
  CHECKIN_CODE_INVALID:
    "the self check-in code is wrong or stale: scan the code on the leader's screen again (it changes every minute)",
} as const;

export const REDEMPTION_WINDOW_CLOSED_REASONS = {
  WINDOW_NOT_OPEN: 'no redemption window is open now (`details.next`: the next one, or null)',
  CANCEL_WINDOW_PASSED:
    "the redemption's window has closed; only an admin may cancel it now (`details.redemptionId`)",
  RETURN_WINDOW_PASSED:
    "the redemption's window has closed; only an admin may take a return now (`details.redemptionId`)",
} as const;

export const COUPON_ALREADY_USED_REASONS = {
  COUPON_USED: 'the coupon was used already (`details.usedAt`)',
  REDEMPTION_COUPON_USED:
    'a coupon of the redemption was used, so it cannot be cancelled (`details.coupons`)',
  RETURN_COUPON_USED:
    'coupons of the line to return were used; used units cannot come back (`details.returnable`)',
} as const;

export const ALREADY_REVERSED_REASONS = {
  TRANSACTION_REVERSED: 'the transaction was reversed already (`details.reversalId`)',
  REDEMPTION_CANCELLED: 'the redemption was cancelled already (`details.cancelledAt`)',
} as const;

export const PERIOD_CLOSED_REASONS = {
  YEAR_CLOSED:
    "the service date's year (or the year of the earn being reversed) is closed by its published star rating (`details.year`, `serviceDate`)",
  RATING_PUBLISHED: 'the star rating is published and can no longer be recomputed',
} as const;

export const SERVICE_DATE_OUT_OF_RANGE_REASONS = {
  DATE_IN_FUTURE: 'the service date is after today (`details.latest`)',
  DATE_TOO_OLD: 'the service date is before the back-dating limit (`details.earliest`)',
  NO_STANDARD: 'no scoring standard was in force on the service date',
} as const;

export const HOUSEHOLD_NOT_ELIGIBLE_REASONS = {
  HOUSEHOLD_NOT_VERIFIED: 'the household is not verified yet',
  HOUSEHOLD_INACTIVE: 'the household is no longer active',
} as const;

export const UNKNOWN_ITEM_REASONS = {
  NOT_IN_STANDARD: 'the item code is not in the scoring standard in force (`details.itemCode`)',
  NOT_IN_CATALOG: 'the catalog has no such item (`details.catalogItemIds`)',
  NOT_AN_EVENT_ITEM:
    "the item (`details.itemCode`) is not one of the event's items (`details.itemCodes`)",
} as const;

/** Every code that names its case in `details.reason`, with its reasons and their meanings. */
export const REASONS = {
  [ErrorCode.CONFLICT]: CONFLICT_REASONS,
  [ErrorCode.FORBIDDEN]: FORBIDDEN_REASONS,
  [ErrorCode.REDEMPTION_WINDOW_CLOSED]: REDEMPTION_WINDOW_CLOSED_REASONS,
  [ErrorCode.COUPON_ALREADY_USED]: COUPON_ALREADY_USED_REASONS,
  [ErrorCode.ALREADY_REVERSED]: ALREADY_REVERSED_REASONS,
  [ErrorCode.PERIOD_CLOSED]: PERIOD_CLOSED_REASONS,
  [ErrorCode.SERVICE_DATE_OUT_OF_RANGE]: SERVICE_DATE_OUT_OF_RANGE_REASONS,
  [ErrorCode.HOUSEHOLD_NOT_ELIGIBLE]: HOUSEHOLD_NOT_ELIGIBLE_REASONS,
  [ErrorCode.UNKNOWN_ITEM]: UNKNOWN_ITEM_REASONS,
} as const satisfies Partial<Record<ErrorCode, Record<string, string>>>;

export type ReasonedCode = keyof typeof REASONS;
export type ReasonOf<C extends ReasonedCode> = keyof (typeof REASONS)[C] & string;
export type ConflictReason = ReasonOf<ErrorCode.CONFLICT>;

/** Details of a refusal; a code of REASONS must name its case. */
type DetailsOf<C extends ErrorCode> = C extends ReasonedCode
  ? { reason: ReasonOf<C>; [key: string]: unknown }
  : Record<string, unknown> | undefined;

/** The constructor's arguments, per code: `details` with a `reason` for the codes of REASONS. */
export type DomainErrorArgs = {
  [C in ErrorCode]: C extends ReasonedCode
    ? [code: C, message: string, details: DetailsOf<C>]
    : [code: C, message: string, details?: DetailsOf<C>];
}[ErrorCode];

/** A refusal a user can act on. Services throw it; the exception filter turns it into the response. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(...[code, message, details]: DomainErrorArgs) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
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
