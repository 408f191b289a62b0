import { Session } from './auth/entities/session.entity';
import { User } from './auth/entities/user.entity';
import { Account, Balance } from './ledger/entities/account.entity';
import { LedgerTransaction, Posting } from './ledger/entities/ledger-transaction.entity';
import { Household } from './people/entities/household.entity';
import { Member } from './people/entities/member.entity';
import { Team, TeamLeader, TeamMember } from './people/entities/team.entity';
import { ServiceRecord } from './service-records/entities/service-record.entity';
import { IdempotencyRecord } from './common/idempotency/idempotency-record.entity';
import { CatalogItem, StockMovement } from './shop/entities/catalog-item.entity';
import { Coupon, Redemption, RedemptionLine } from './shop/entities/redemption.entity';
import {
  RedemptionReturn,
  RedemptionReturnCoupon,
  RedemptionReturnLine,
} from './shop/entities/redemption-return.entity';
import { RedemptionWindow, RedemptionWindowEvent } from './shop/entities/redemption-window.entity';

import { LoginAttempt } from './auth/entities/login-attempt.entity';
import { StandardVersionRow } from './standard/entities/standard-version.entity';
import { Activity } from './service-records/entities/activity.entity';
import { Donation } from './donations/entities/donation.entity';
import { StarRating } from './ratings/entities/star-rating.entity';
import { StarRatingEntry } from './ratings/entities/star-rating-entry.entity';

/** Every entity, listed (no globs) so ts-jest, ts-node and compiled runs load the same set. */
export const entities = [
  User,
  Session,
  Account,
  Balance,
  LedgerTransaction,
  Posting,
  IdempotencyRecord,
  Member,
  Household,
  Team,
  TeamLeader,
  TeamMember,
  ServiceRecord,
  CatalogItem,
  StockMovement,
  RedemptionWindow,
  RedemptionWindowEvent,
  Redemption,
  RedemptionLine,
  Coupon,
  RedemptionReturn,
  RedemptionReturnLine,
  RedemptionReturnCoupon,

  LoginAttempt,
  StandardVersionRow,
  Activity,
  Donation,
  StarRating,
  StarRatingEntry,
];
