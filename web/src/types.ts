/** Shapes of the public API (shared/design/api.md) that the pages read. */

export type StaffRole = 'admin' | 'leader' | 'clerk' | 'office';

export interface StaffLogin {
  token: string;
  expiresAt: string;
  /** mustChangePassword: someone else chose the password (generated, reset); choose one first. */
  user: { id: number; username: string; role: StaffRole; mustChangePassword?: boolean };
}

export interface PassbookLogin {
  token: string;
  expiresAt: string;
  member: { id: number; passbookNo: string; name: string };
}

export type EntryKind =
  'earn' | 'redeem' | 'redeem_return' | 'donate' | 'receive' | 'reversal' | 'adjust';

export interface StatementEntry {
  seq: number;
  transactionId: string;
  kind: EntryKind;
  amount: string;
  balanceAfter: string;
  effectiveDate: string;
  createdAt: string;
  /** Local date the entry was posted: the statement's order and its date column. */
  postedDate: string;
  description: string;
  reason: string | null;
  /** On a reversal: the entry it reverses. */
  reversesEntry: {
    transactionId: string;
    kind: EntryKind;
    amount: string;
    effectiveDate: string;
    postedDate: string;
    description: string;
  } | null;
  /** On a reversed entry: its reversal. */
  reversedBy: {
    transactionId: string;
    effectiveDate: string;
    postedDate: string;
    createdAt: string;
    reason: string | null;
  } | null;
}

export interface Passbook {
  passbookNo: string;
  owner: { type: 'member' | 'household'; id: number; name: string };
  balance: string;
  earnedThisYear?: string;
  hours?: { thisYear: string; total: string };
  hoursGrade?: { preset: string; stars: number; nextAtHours: string | null };
  /** Moves between communities (记录转移接续); `hours.total` includes the hours they carried. */
  transfers?: {
    fromCommunity: string;
    toCommunity: string;
    fromPassbookNo: string;
    toPassbookNo: string;
    hours: string;
    date: string;
  }[];
  /** Year-end stars as things stand (the published rating is the official one). */
  starsThisYear?: { stars: number; nextAtPoints: string | null };
  entries: StatementEntry[];
  nextCursor: string | null;
}

export interface WindowSpan {
  id: number | string;
  opensAt: string;
  closesAt: string;
  note?: string | null;
}

export interface WindowStatus {
  open: boolean;
  window: WindowSpan | null;
  next: WindowSpan | null;
}

export interface CatalogItem {
  id: number;
  name: string;
  kind: 'goods' | 'service_coupon';
  price: string;
  stock: number | string;
  active: boolean;
}

export interface Coupon {
  code: string;
  catalogItemId: number;
  status: 'issued' | 'used' | 'void';
  itemName?: string;
  usedAt?: string | null;
  voidedAt?: string | null;
  issuedAt?: string;
  redemptionId?: number | string;
}

export interface RedemptionLine {
  catalogItemId: number;
  quantity: number | string;
  unitPrice?: string;
  amount?: string;
  name?: string;
  kind?: 'goods' | 'service_coupon';
  /** Units of the line given back by returns so far. */
  returnedQuantity?: number;
}

/** One return of part of a redemption (`POST /api/redemptions/:id/returns`). */
export interface RedemptionReturn {
  id: number;
  redemptionId: number;
  transactionId: string;
  points: string;
  balanceAfter: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
  lines: {
    catalogItemId: number;
    name: string;
    quantity: number;
    unitPrice: string;
    amount: string;
  }[];
  voidedCoupons: string[];
}

export interface Redemption {
  id: number | string;
  passbookNo: string;
  total: string;
  balanceAfter?: string;
  lines: RedemptionLine[];
  coupons?: Coupon[];
  status?: string;
  createdAt?: string;
  windowId?: number | string;
  returnedPoints?: string;
  returns?: RedemptionReturn[];
}

export interface HouseholdChoice {
  id: number;
  name: string;
  hardship: Hardship;
  passbookNo?: string;
  address?: string | null;
  contact?: string | null;
  verified?: boolean;
  active?: boolean;
  balance?: string;
}

export type Hardship = 'elderly_alone' | 'disabled' | 'low_income' | 'other';

export interface Donation {
  id: number | string;
  transactionId: string;
  passbookNo: string;
  householdId: number;
  points: string;
  balanceAfter: string;
}

export interface StandardItem {
  code: string;
  name: string;
  unit: 'hour' | 'time';
  pointsPerUnit: string;
  maxUnitsPerDay?: string | null;
}

export interface Standard {
  version: string | number;
  effectiveFrom: string;
  categories: { code: string; name: string; items: StandardItem[] }[];
}

export interface ServiceRecord {
  id: number | string;
  memberId: number;
  itemCode: string;
  standardVersion?: string | number;
  quantity: string;
  points: string;
  serviceDate: string;
  status: 'posted' | 'pending' | 'rejected';
  transactionId: string | null;
  memberName?: string;
  itemName?: string;
  teamId?: number | null;
  activityId?: number | string | null;
  note?: string | null;
  rejectReason?: string | null;
  reversalTransactionId?: string | null;
  createdAt?: string;
  unit?: 'hour' | 'time';
  hours?: string;
  /** The event it was closed from (null: logged by a form). */
  eventId?: number | null;
  /** Served from / to (ISO), when the hours come from check-in and check-out. */
  startedAt?: string | null;
  endedAt?: string | null;
  hoursSource?: 'item' | 'times' | 'corrected' | null;
  /** Logged although a record of the same member, item and day exists: confirmed a second service. */
  confirmedDistinctFrom?: number | null;
}

export interface Member {
  id: number;
  passbookNo: string;
  name: string;
  kind: 'party_member' | 'resident';
  phone?: string | null;
  balance?: string;
  active?: boolean;
  pin?: string;
  teamIds?: number[];
  /** The local date the volunteer joined (加入日期); an admin may backdate it. */
  joinedOn?: string;
  deactivatedOn?: string | null;
  /** The identity document, its number masked. */
  idDocument?: { type: string; number: string } | null;
}

export interface Team {
  id: number;
  name: string;
  serviceType?: string | null;
  leaderUserIds?: number[];
}

export interface StaffUser {
  id: number;
  username: string;
  role: StaffRole;
  teamIds?: number[];
  active?: boolean;
  /** The password was set by someone else; the user is asked to choose their own. */
  mustChangePassword?: boolean;
}

export interface Rating {
  memberId: number;
  passbookNo: string;
  name: string;
  earned: string;
  stars: number;
}

export interface NoticePeriod {
  startsAt: string;
  endsAt: string;
  days: number;
}

export interface RatingRun {
  year: number;
  /** published: the notice period (公示) is open or over; final: stars granted. */
  status: 'draft' | 'published' | 'final';
  thresholds: unknown;
  ratings: Rating[];
  publishedAt?: string | null;
  computedAt?: string;
  notice?: NoticePeriod | null;
  finalizedAt?: string | null;
  restated?: { count: number; lastAt: string } | null;
}

/** The public notice of a published or final rating (GET /api/public/star-ratings/:year). */
export interface PublicRating {
  /** The community whose notice it is (older services do not send it). */
  community?: { code: string; name: string | null; issuer: string | null };
  year: number;
  status?: 'published' | 'final';
  publishedAt?: string | null;
  notice?: NoticePeriod;
  finalizedAt?: string | null;
  objections?: { open: boolean; page: string };
  restated?: { count: number; lastAt: string } | null;
  ratings: { ref?: string; name: string; stars: number }[];
}

export type ObjectionStatus = 'open' | 'accepted' | 'rejected';

/** A volunteer's objection as they see it (GET /api/me/objections). */
export interface MyObjection {
  id: number;
  year: number;
  about: string;
  reason: string;
  status: ObjectionStatus;
  createdAt: string;
  resolvedAt: string | null;
  reply: string | null;
}

/** An objection as an admin sees it (GET /api/star-ratings/:year/objections). */
export interface Objection extends MyObjection {
  member: { id: number; passbookNo: string; name: string };
  aboutMember: { id: number; passbookNo: string; name: string };
  resolvedBy: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A certificate of recorded service (志愿服务记录证明) as the office reads it. */
export interface Certificate {
  number: string;
  status: 'valid' | 'revoked' | 'invalid';
  issuedAt: string;
  issuedOn: string;
  from: string;
  to: string;
  volunteer: {
    name: string;
    passbookNo: string;
    idDocument: { type: string; typeName: string; number: string } | null;
  };
  hours: string;
  service: {
    categoryCode: string;
    categoryName: string | null;
    hours: string;
    items: { itemCode: string; itemName: string | null; hours: string; records: number }[];
  }[];
  community: {
    code: string;
    name: string | null;
    issuer: string | null;
    personInCharge: string | null;
    contactPhone: string | null;
    contactAddress: string | null;
  };
  handler: string;
  purpose: string | null;
}

/** What anyone learns of a certificate by its number. */
export interface CertificateCheck {
  number: string;
  status: 'valid' | 'revoked' | 'invalid';
  issuedAt: string | null;
  name: string | null;
  hours: string | null;
  from: string | null;
  to: string | null;
  community: { code: string; name: string | null; issuer: string | null } | null;
  revokedAt: string | null;
}
