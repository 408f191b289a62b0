/**
 * The longest text each kind of field takes: the one home of these numbers. The DTOs validate with
 * them (`@MaxLength(TEXT_MAX.name)`) and the web pages cap their inputs with them
 * (`maxLength={TEXT_MAX.name}`), so a page never lets someone type what the server then refuses.
 *
 * Plain constants and nothing else: the web build (esbuild) bundles this file, so it must import
 * nothing (no Nest, no class-validator).
 */
export const TEXT_MAX = {
  /** a person's, team's or household's name, a household's contact, a team's service type */
  name: 50,
  /** the search box of the member and household lists, the duplicate check */
  search: 50,
  /** a passbook number as typed or scanned (the check itself is in people/passbook-number.ts) */
  passbookNo: 32,
  /** what a scanner sends at check-in: a passbook number, or an address ending in one */
  scannedPassbook: 200,
  /** a self check-in code as typed or scanned (the rule is in events/checkin-code.ts) */
  checkinCode: 40,
  /** a volunteer's PIN as typed (the digits rule is in auth/dto/pin.dto.ts) */
  pin: 32,
  /** a community's code as sent (its rule is COMMUNITY_CODE in communities/communities.service.ts) */
  communityCode: 32,
  /** a staff login name */
  username: 64,
  /** a password as typed */
  password: 200,
  /** the reason given for a reversal, an adjustment, a rejection, a refusal or a return */
  reason: 200,
  /** a volunteer's objection to a star rating, and the admin's reply to it */
  objection: 500,
  /** what an objection is about: "self" or the opaque ref of an entry on the public notice */
  objectionAbout: 32,
  /** an objection's number as typed on a correction (an id: at most 2³¹−1, ten digits) */
  objectionNo: 10,
  /** a month as YYYY-MM (the growth report's range; the month rule is in reports/) */
  month: 7,
  /** a free note on a service record, a redemption window or a stock movement */
  note: 200,
  /** a household's address, a community's contact address */
  address: 200,
  /** an identity document number as typed (the rule of each type is in people/id-document.ts) */
  idNumber: 40,
  /** a catalogue item's name */
  itemName: 100,
  /** an activity's title (the monthly fair) */
  activityTitle: 100,
  /** what a wish (微心愿) is, in a line */
  wishTitle: 60,
  /** a wish's detail */
  wishDetail: 500,
  /** an event's place (the square, the community hall) */
  eventPlace: 100,
  /** what an event is about, as published to volunteers */
  eventDescription: 500,
  /** a service menu item's title (理发上门) */
  menuTitle: 100,
  /** what a menu item offers, as published to residents */
  menuDescription: 500,
  /** when a menu item is available, as the team says it (每周六上午) */
  availability: 200,
  /** an order's preferred time: a local date-time or free text (周六上午) */
  preferredTime: 60,
  /** where an order is served (an address, the community hall) */
  orderPlace: 200,
  /** a short comment with an order's rating */
  ratingComment: 200,
  /** a scoring standard item code */
  itemCode: 40,
  /** a coupon code as typed or scanned, before it is normalised (the rule is in shop/coupon-code.ts) */
  couponCode: 40,
  /** a redemption window's opening or closing time as sent */
  dateTime: 40,
  /** one cell of an imported roster row */
  rosterCell: 200,
  /** the team list cell of an imported roster row */
  rosterTeams: 1000,
  /** an uploaded roster file, base64 */
  rosterFile: 1_000_000,
} as const;

/** Evidence photos of an event (src/events/event-photos.service.ts). */
export const PHOTO_MAX = {
  /** decoded bytes of one photo: 2 MB, a phone photo saved at web size */
  bytes: 2 * 1024 * 1024,
  /** photos one event keeps */
  perEvent: 9,
} as const;

/**
 * The request body of a photo upload: the base64 of PHOTO_MAX.bytes and a little JSON around it.
 * Only that route takes more than the app's 1 MB (`APP_BODY_BYTES_MAX`).
 */
export const PHOTO_BODY_BYTES_MAX = Math.ceil(PHOTO_MAX.bytes / 3) * 4 + 1024;

/** Every other request body (Fastify's `bodyLimit`). */
export const APP_BODY_BYTES_MAX = 1024 * 1024;

/** The most service records one approve or reject request decides (the monthly fair has about 200). */
export const DECISION_IDS_MAX = 500;

/** The shortest password a staff account may choose. */
export const PASSWORD_MIN = 8;
