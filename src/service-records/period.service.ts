import { Injectable } from '@nestjs/common';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';

/**
 * Whether a year is still open to new service records. Publishing a year's star rating (a row of
 * `star_ratings` with status 'published') closes it, because the published stars rest on its points.
 */
@Injectable()
export class PeriodService {
  constructor(private readonly db: Database) {}

  async isYearClosed(year: number): Promise<boolean> {
    return this.db.read(async (em) => {
      // Inside a write on PostgreSQL the shared row lock makes a concurrent publish wait for us.
      const lock = this.db.dialect === 'postgres' && this.db.inWrite() ? ' FOR SHARE' : '';
      const rows: { status: string }[] = await em.query(
        sql(this.db, `SELECT status FROM star_ratings WHERE year = ?${lock}`),
        [year],
      );
      return rows[0]?.status === 'published';
    });
  }

  /** Refuses with PERIOD_CLOSED when the year of a service date is closed. */
  async assertOpen(serviceDate: string): Promise<void> {
    const year = Number(serviceDate.slice(0, 4));
    if (await this.isYearClosed(year)) {
      throw new DomainError(
        ErrorCode.PERIOD_CLOSED,
        `the star rating of ${year} is published, so ${year} is closed to new service records`,
        { year, serviceDate },
      );
    }
  }
}
