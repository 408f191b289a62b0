import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed, yearRange } from '../ledger/ledger-sql';
import { STAR_RATING_CONFIG, StarRatingConfig } from './star-rating.config';
import { HoursGrade, hoursGrade } from './stars';

export interface ServiceHours {
  /** Verified hours served this calendar year (local time), two places. */
  thisYear: string;
  /** Verified hours served in all years. */
  total: string;
  hoursGrade: HoursGrade;
}

/**
 * Verified service hours and the grade they give under the configured preset (national or Dalian).
 * Verified means: a posted service record whose earn entry has not been reversed.
 */
@Injectable()
export class ServiceHoursService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STAR_RATING_CONFIG) private readonly ratingConfig: StarRatingConfig,
  ) {}

  /** Joins the caller's read or write when there is one, so a passbook's figures agree. */
  async ofMember(memberId: number): Promise<ServiceHours> {
    const year = this.clock.year(this.config.timeZone);
    const row = await this.db.read(async (em) => {
      const rows: { total: unknown; this_year: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT COALESCE(SUM(sr.hours), 0) AS total,
                  COALESCE(SUM(CASE WHEN sr.service_date >= ? AND sr.service_date <= ? THEN sr.hours ELSE 0 END), 0) AS this_year
           FROM service_records sr
           WHERE sr.member_id = ? AND sr.status = 'posted' AND ${notReversed('sr.transaction_id')}`,
        ),
        [...yearRange(year), memberId],
      );
      return rows[0];
    });
    const total = toSafeInteger(row.total);
    return {
      thisYear: formatCents(toSafeInteger(row.this_year)),
      total: formatCents(total),
      hoursGrade: this.grade(total),
    };
  }

  /** The grade of `hours` (hundredths) under the preset in config/star-rating.json. */
  grade(hours: number): HoursGrade {
    return hoursGrade(hours, this.ratingConfig.hoursGradePreset);
  }
}
