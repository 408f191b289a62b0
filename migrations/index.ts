import { Foundation1763700000000 } from './1763700000000-Foundation';
import { People1763700001000 } from './1763700001000-People';
import { ServiceRecords1763700002000 } from './1763700002000-ServiceRecords';
import { LoginAttempts1763700100000 } from './1763700100000-LoginAttempts';
import { Standard1763700200000 } from './1763700200000-Standard';
import { Shop1763700300000 } from './1763700300000-Shop';
import { Donations1763700400000 } from './1763700400000-Donations';
import { StarRatings1763700401000 } from './1763700401000-StarRatings';
import { RetentionIndexes1764000200000 } from './1764000200000-RetentionIndexes';
import { LoginAttemptsByAddress1764000400000 } from './1764000400000-LoginAttemptsByAddress';
import { RedemptionReturns1764000800000 } from './1764000800000-RedemptionReturns';
import { MustChangePassword1764000900000 } from './1764000900000-MustChangePassword';
import { AccountYearTotals1764016100000 } from './1764016100000-AccountYearTotals';
import { Communities1764018000000 } from './1764018000000-Communities';
import { StandardPerCommunity1764018100000 } from './1764018100000-StandardPerCommunity';
import { Events1764019000000 } from './1764019000000-Events';
import { YearEndNotice1764020000000 } from './1764020000000-YearEndNotice';
import { Certificates1764020100000 } from './1764020100000-Certificates';
import { MemberJoinDate1764020200000 } from './1764020200000-MemberJoinDate';
import { Wishes1764020300000 } from './1764020300000-Wishes';
import { ServiceMenu1764020400000 } from './1764020400000-ServiceMenu';

/** Every migration in order; a new file is added here too (no globs, so ts and js runs agree). */
export const migrations = [
  Foundation1763700000000,
  People1763700001000,
  ServiceRecords1763700002000,
  LoginAttempts1763700100000,
  Standard1763700200000,
  Shop1763700300000,
  Donations1763700400000,
  StarRatings1763700401000,
  RetentionIndexes1764000200000,
  LoginAttemptsByAddress1764000400000,
  RedemptionReturns1764000800000,
  MustChangePassword1764000900000,
  AccountYearTotals1764016100000,
  Communities1764018000000,
  StandardPerCommunity1764018100000,
  Events1764019000000,
  YearEndNotice1764020000000,
  Certificates1764020100000,
  MemberJoinDate1764020200000,
  Wishes1764020300000,
  ServiceMenu1764020400000,
];
