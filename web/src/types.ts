/**
 * The answers of the public API (shared/design/api.md) by the names the pages read them. Each is an
 * alias of a schema of the OpenAPI document, generated into ./api-schema.ts by
 * `npm run gen:api-types`: a DTO change shows here (and in the pages' type check) once regenerated,
 * and test/openapi.e2e-spec.ts fails while the generated file is behind the document. A type is
 * written out here only where the document is looser than the pages need; each says why.
 */
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type StaffLogin = Schemas['LoginResponseDto'];
export type PassbookLogin = Schemas['PassbookLoginResponseDto'];
export type StaffRole = Schemas['UserViewDto']['role'];
export type StaffUser = Schemas['UserViewDto'];

export type StatementEntry = Schemas['StatementEntryDto'];
export type EntryKind = StatementEntry['kind'];
export type Passbook = Schemas['PassbookViewDto'];

export type WindowSpan = Schemas['WindowViewDto'];
export type WindowStatus = Schemas['CurrentWindowDto'];
export type CatalogItem = Schemas['CatalogItemViewDto'];
export type Coupon = Schemas['CouponViewDto'];
export type RedemptionLine = Schemas['RedemptionLineViewDto'];
/** One return of part of a redemption (`POST /api/redemptions/:id/returns`). */
export type RedemptionReturn = Schemas['RedemptionReturnViewDto'];
export type Redemption = Schemas['RedemptionViewDto'];

export type HouseholdChoice = Schemas['HouseholdListItemDto'];
export type Hardship = HouseholdChoice['hardship'];
export type Donation = Schemas['DonationResultDto'];

export type StandardItem = Schemas['StandardItemDto'];
export type Standard = Schemas['StandardViewDto'];
export type ServiceRecord = Schemas['ServiceRecordViewDto'];

/**
 * A member as listed (MemberViewDto), and as just opened: the answer of POST /api/members
 * (CreatedMemberDto) carries the generated PIN, once. Wider than the schema in one place: the member
 * form (web/src/admin/members.tsx) keeps its ID-type select's value as any string (the server
 * refuses an unknown type), so `idDocument.type` is a string here; alias the schema's once the form
 * types that state by it.
 */
export type Member = Omit<Schemas['MemberViewDto'], 'idDocument'> &
  Partial<Pick<Schemas['CreatedMemberDto'], 'pin'>> & { idDocument: MemberIdDocument | null };

/** The identity document of a member, its number masked (MaskedIdDocumentDto). */
export interface MemberIdDocument {
  type: string;
  number: string;
}
export type Team = Schemas['TeamViewDto'];

export type Rating = Schemas['RatingLineDto'];
export type NoticePeriod = Schemas['NoticePeriodDto'];
export type RatingRun = Schemas['RatingViewDto'];
/** The public notice of a published or final rating (GET /api/public/star-ratings/:year). */
export type PublicRating = Schemas['PublicNoticeDto'];
/** A volunteer's objection as they see it (GET /api/me/objections). */
export type MyObjection = Schemas['MyObjectionDto'];
export type ObjectionStatus = MyObjection['status'];
/** An objection as an admin sees it (GET /api/star-ratings/:year/objections). */
export type Objection = Schemas['ObjectionDto'];

/** A certificate of recorded service (志愿服务记录证明) as the office reads it. */
export type Certificate = Schemas['CertificateViewDto'];
/** What anyone learns of a certificate by its number. */
export type CertificateCheck = Schemas['CertificateCheckDto'];

/** One page of a list (the document's pageDtoOf schemas: `items` and the cursor of the next). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
