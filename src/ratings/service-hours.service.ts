import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { CommunityRules } from '../communities/community-rules';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed, yearRange } from '../ledger/ledger-sql';
import { HoursGrade, hoursGrade } from './stars';

export interface ServiceHours {
  /** Verified hours served this calendar year (local time), two places. */
  thisYear: string;
  /** Verified hours served in all years. */
  total: string;
  hoursGrade: HoursGrade;
}

/**
 * Verified service hours and the grade they give under the community's preset (national or
 * Dalian). Verified means: a posted service record whose earn entry has not been reversed. A
 * volunteer's hours are theirs in every community they served (a move keeps the history); the
 * grade is read by the preset of the community they are in now.
 */
@Injectable()
export class ServiceHoursService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: CommunityRules,
  ) {}

  /** Joins the caller's read or write when there is one, so a passbook's figures agree. */
  async ofMember(memberId: number): Promise<ServiceHours> {
    const year = this.clock.year(this.config.timeZone);
    const row = await this.db.read(async (em) => {
      const rows: { total: unknown; this_year: unknown; community_id: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT m.community_id,
                  (SELECT COALESCE(SUM(sr.hours), 0) FROM service_records sr
                   WHERE sr.member_id = m.id AND sr.status = 'posted'
                     AND ${notReversed('sr.transaction_id')}) AS total,
                  (SELECT COALESCE(SUM(sr.hours), 0) FROM service_records sr
                   WHERE sr.member_id = m.id AND sr.status = 'posted'
                     AND ${notReversed('sr.transaction_id')}
                     AND sr.service_date >= ? AND sr.service_date <= ?) AS this_year
           FROM members m WHERE m.id = ?`,
        ),
        [...yearRange(year), memberId],
      );
      return rows[0];
    });
    if (!row) {
      throw DomainError.notFound('member');
    }
    const total = toSafeInteger(row.total);
    return {
      thisYear: formatCents(toSafeInteger(row.this_year)),
      total: formatCents(total),
      hoursGrade: await this.grade(toSafeInteger(row.community_id), total),
    };
  }

  /**
   * The grade of `hours` (hundredths) under the community's preset (hoursGradePreset of its
   * star-rating.json, else the shared one).
   */
  async grade(communityId: number, hours: number): Promise<HoursGrade> {
    return hoursGrade(hours, (await this.rules.of(communityId)).starRating.hoursGradePreset);
  }
}
