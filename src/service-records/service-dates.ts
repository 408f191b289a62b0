import { DomainError, ErrorCode } from '../common/errors';
import { addDays } from '../standard/standard.service';

/**
 * Service may be logged from the day it was done, up to `backDatingDays` before `latest` (today in
 * the community's zone); a future or older date is refused, naming the dates that may be logged.
 */
export function assertServiceDateInRange(
  serviceDate: string,
  latest: string,
  backDatingDays: number,
): void {
  const earliest = addDays(latest, -backDatingDays);
  if (serviceDate > latest || serviceDate < earliest) {
    throw new DomainError(
      ErrorCode.SERVICE_DATE_OUT_OF_RANGE,
      serviceDate > latest
        ? `service date ${serviceDate} is in the future; log service on or after the day it was done`
        : `service date ${serviceDate} is more than ${backDatingDays} days ago; the earliest that may be logged is ${earliest}`,
      {
        reason: serviceDate > latest ? 'DATE_IN_FUTURE' : 'DATE_TOO_OLD',
        serviceDate,
        earliest,
        latest,
      },
    );
  }
}
