import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Principal } from '../auth/principal';
import { Clock, zonedTime } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed, periodParams, periodPostingsSql } from '../ledger/ledger-sql';
import { YEAR_MAX, YEAR_MIN } from '../ratings/star-ratings.service';
import { StandardService } from '../standard/standard.service';

export interface EarnedLine {
  points: string;
  hours: string;
  records: number;
  volunteers: number;
}

export interface StockLine {
  catalogItemId: number;
  name: string;
  kind: string;
  quantity: number;
  points: string;
}

export interface QuarterReport {
  period: { year: number; quarter: number; from: string; to: string };
  generatedAt: string;
  earned: {
    /** Earn entries dated in the quarter less their reversals (the ledger's figure). */
    points: string;
    /** `categoryName` from the scoring standard in force on the quarter's last day (null: not in it). */
    byCategory: (EarnedLine & { categoryCode: string; categoryName: string | null })[];
    byTeam: (EarnedLine & { teamId: number | null; teamName: string | null })[];
    /** Earned points not backed by a service record (e.g. imported opening balances). */
    notFromServiceRecords: string;
  };
  redeemed: { points: string; byMembers: string; byHouseholds: string; redemptions: number };
  donated: { points: string; donations: number; donors: number; households: number };
  /** Members with at least one verified service record in the quarter. */
  activeVolunteers: number;
  /** Members registered in the quarter. */
  newVolunteers: number;
  stockGivenOut: StockLine[];
  /** Points earned, redeemed and donated in each month of the quarter (for the report's chart). */
  byMonth: { month: string; earned: string; redeemed: string; donated: string }[];
  /** What the shop still owes: points held in passbooks at the end of the quarter. */
  outstandingPoints: { total: string; members: string; households: string; asOf: string };
}

/** Verified service of one community: posted records whose earn entry has not been reversed. */
const VERIFIED_SERVICE = `FROM service_records sr
  LEFT JOIN teams tm ON tm.id = sr.team_id
  WHERE sr.community_id = ? AND sr.status = 'posted' AND ${notReversed('sr.transaction_id')}
    AND sr.service_date >= ? AND sr.service_date <= ?`;

/** Postings on passbooks (members and households), as opposed to the system accounts. */
const PASSBOOK_KINDS = `a.kind IN ('member', 'household')`;

/**
 * Reports for the community office, the street office and auditors, each of one community:
 * aggregate queries, nothing loaded row by row.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly standard: StandardService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * `GET /api/reports/quarter/:year/:quarter`: the viewer's community, or for a street-office user
   * the one named by `?community=` (one of their street office's; else 404).
   */
  async quarterFor(
    viewer: Principal,
    year: number,
    quarter: number,
    community?: string,
  ): Promise<QuarterReport> {
    const { id } = await this.access.communityToRead(viewer, community);
    return this.quarter(id, year, quarter);
  }

  /** The quarterly figures of one community (the street office's overview sets them side by side). */
  async quarter(communityId: number, year: number, quarter: number): Promise<QuarterReport> {
    if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
      throw DomainError.validation(`year must be between ${YEAR_MIN} and ${YEAR_MAX}`, {
        field: 'year',
      });
    }
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw DomainError.validation('quarter must be 1, 2, 3 or 4', { field: 'quarter' });
    }
    const { from, to, startsAt, endsAt } = quarterBounds(year, quarter, this.config.timeZone);
    const standard =
      (await this.standard.versionOn(communityId, to)) ??
      (await this.standard.versionOn(communityId, from));
    const categoryName = (code: string): string | null =>
      standard?.categories.find((c) => c.code === code)?.name ?? null;
    return this.db.read(async (em) => {
      const earned = await this.passbookSumByKind(em, communityId, 'earn', from, to);
      const earnedPoints = earned.member + earned.household;
      const byCategory = await this.earnedBy(em, communityId, 'category', from, to);
      const byTeam = await this.earnedBy(em, communityId, 'team', from, to);
      const attributed = byCategory.reduce((sum, line) => sum + line.pointsCents, 0);
      const redeemed = await this.passbookSumByKind(em, communityId, 'redeem', from, to);
      const donated = await this.passbookSumByKind(em, communityId, 'donation', from, to);
      const outstanding = await this.outstandingAt(em, communityId, to);
      const byMonth = [];
      for (const month of monthsOf(year, quarter)) {
        const e = await this.passbookSumByKind(em, communityId, 'earn', month.from, month.to);
        const r = await this.passbookSumByKind(em, communityId, 'redeem', month.from, month.to);
        const d = await this.passbookSumByKind(em, communityId, 'donation', month.from, month.to);
        byMonth.push({
          month: month.from.slice(0, 7),
          earned: formatCents(e.member + e.household),
          redeemed: formatCents(-(r.member + r.household)),
          donated: formatCents(d.household),
        });
      }
      return {
        period: { year, quarter, from, to },
        generatedAt: this.clock.now().toISOString(),
        earned: {
          points: formatCents(earnedPoints),
          byCategory: byCategory.map((line) => ({
            categoryCode: line.key ?? '',
            categoryName: categoryName(line.key ?? ''),
            ...earnedLine(line),
          })),
          byTeam: byTeam.map((line) => ({
            teamId: line.key === null ? null : Number(line.key),
            teamName: line.name,
            ...earnedLine(line),
          })),
          notFromServiceRecords: formatCents(earnedPoints - attributed),
        },
        redeemed: {
          points: formatCents(-(redeemed.member + redeemed.household)),
          byMembers: formatCents(-redeemed.member),
          byHouseholds: formatCents(-redeemed.household),
          redemptions: await this.unreversedCount(em, communityId, 'redeem', from, to),
        },
        donated: {
          points: formatCents(donated.household),
          ...(await this.donationCounts(em, communityId, from, to)),
        },
        activeVolunteers: await this.count(
          em,
          `SELECT COUNT(DISTINCT sr.member_id) AS c ${VERIFIED_SERVICE}`,
          [communityId, from, to],
        ),
        newVolunteers: await this.count(
          em,
          `SELECT COUNT(*) AS c FROM members
           WHERE community_id = ? AND created_at >= ? AND created_at < ?`,
          [communityId, startsAt, endsAt],
        ),
        stockGivenOut: await this.stockGivenOut(em, communityId, from, to),
        byMonth,
        outstandingPoints: {
          total: formatCents(outstanding.member + outstanding.household),
          members: formatCents(outstanding.member),
          households: formatCents(outstanding.household),
          asOf: to,
        },
      };
    });
  }

  /**
   * Goods and coupons handed out, per catalog item: stock taken by redemptions dated in the period
   * less what their cancellations and returns put back (whenever made), priced at the redemption's unit
   * price. Dated like `redeemed`, so the lines' points add up to the points redeemed at the shop.
   */
  async stockGivenOut(
    em: EntityManager,
    communityId: number,
    from: string,
    to: string,
  ): Promise<StockLine[]> {
    const rows: {
      catalog_item_id: unknown;
      name: string;
      kind: string;
      quantity: unknown;
      points: unknown;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT ci.id AS catalog_item_id, ci.name, ci.kind,
                -SUM(m.quantity) AS quantity, -SUM(m.quantity * rl.unit_price) AS points
         FROM stock_movements m
         JOIN redemptions r ON r.id = m.redemption_id
         JOIN ledger_transactions t ON t.id = r.transaction_id
         JOIN redemption_lines rl
           ON rl.redemption_id = m.redemption_id AND rl.catalog_item_id = m.catalog_item_id
         JOIN catalog_items ci ON ci.id = m.catalog_item_id
         WHERE r.community_id = ? AND m.kind IN ('redemption', 'cancellation', 'return')
           AND t.effective_date >= ? AND t.effective_date <= ?
         GROUP BY ci.id, ci.name, ci.kind
         HAVING SUM(m.quantity) <> 0
         ORDER BY ci.id`,
      ),
      [communityId, from, to],
    );
    return rows.map((r) => ({
      catalogItemId: toSafeInteger(r.catalog_item_id),
      name: r.name,
      kind: r.kind,
      quantity: toSafeInteger(r.quantity),
      points: formatCents(toSafeInteger(r.points)),
    }));
  }

  private async count(em: EntityManager, text: string, params: unknown[]): Promise<number> {
    const rows: { c: unknown }[] = await em.query(sql(this.db, text), params);
    return toSafeInteger(rows[0].c);
  }

  /**
   * Net passbook postings of `kind` transactions dated in the period, with their reversals; for
   * redemptions also the returns of part of them (whenever made), like stockGivenOut.
   */
  private async passbookSumByKind(
    em: EntityManager,
    communityId: number,
    kind: 'earn' | 'redeem' | 'donation',
    from: string,
    to: string,
  ): Promise<{ member: number; household: number }> {
    const postings =
      kind === 'redeem'
        ? `${periodPostingsSql(kind)}
    UNION ALL
    SELECT p.account_id, p.amount FROM redemption_returns rr
      JOIN redemptions r ON r.id = rr.redemption_id
      JOIN ledger_transactions t ON t.id = r.transaction_id
      JOIN postings p ON p.transaction_id = rr.transaction_id
      WHERE t.effective_date >= ? AND t.effective_date <= ?`
        : periodPostingsSql(kind);
    const rows: { kind: string; total: unknown }[] = await em.query(
      sql(
        this.db,
        `SELECT a.kind, SUM(x.amount) AS total
         FROM (${postings}) x
         JOIN accounts a ON a.id = x.account_id
         WHERE a.community_id = ? AND ${PASSBOOK_KINDS}
         GROUP BY a.kind`,
      ),
      [
        ...(kind === 'redeem' ? [...periodParams(from, to), from, to] : periodParams(from, to)),
        communityId,
      ],
    );
    const out = { member: 0, household: 0 };
    for (const r of rows) {
      if (r.kind === 'member' || r.kind === 'household') {
        out[r.kind] = toSafeInteger(r.total);
      }
    }
    return out;
  }

  private async earnedBy(
    em: EntityManager,
    communityId: number,
    by: 'category' | 'team',
    from: string,
    to: string,
  ) {
    const rows: {
      group_key: string | number | null;
      name: string | null;
      points: unknown;
      hours: unknown;
      records: unknown;
      volunteers: unknown;
    }[] = await em.query(
      sql(
        this.db,
        by === 'category'
          ? `SELECT sr.category_code AS group_key, NULL AS name, SUM(sr.points) AS points,
                    SUM(sr.hours) AS hours, COUNT(*) AS records, COUNT(DISTINCT sr.member_id) AS volunteers
             ${VERIFIED_SERVICE}
             GROUP BY sr.category_code`
          : `SELECT sr.team_id AS group_key, MAX(tm.name) AS name, SUM(sr.points) AS points,
                    SUM(sr.hours) AS hours, COUNT(*) AS records, COUNT(DISTINCT sr.member_id) AS volunteers
             ${VERIFIED_SERVICE}
             GROUP BY sr.team_id`,
      ),
      [communityId, from, to],
    );
    return rows
      .map((r) => {
        const pointsCents = toSafeInteger(r.points);
        return {
          key: r.group_key === null ? null : String(r.group_key),
          name: r.name,
          pointsCents,
          points: formatCents(pointsCents),
          hours: formatCents(toSafeInteger(r.hours)),
          records: toSafeInteger(r.records),
          volunteers: toSafeInteger(r.volunteers),
        };
      })
      .sort((a, b) =>
        a.key === null ? 1 : b.key === null ? -1 : compareKeys(a.key, b.key, by === 'team'),
      );
  }

  private async unreversedCount(
    em: EntityManager,
    communityId: number,
    kind: 'redeem',
    from: string,
    to: string,
  ) {
    return this.count(
      em,
      `SELECT COUNT(*) AS c FROM ledger_transactions t
       WHERE t.community_id = ? AND t.kind = '${kind}' AND ${notReversed('t.id')}
         AND t.effective_date >= ? AND t.effective_date <= ?`,
      [communityId, from, to],
    );
  }

  private async donationCounts(em: EntityManager, communityId: number, from: string, to: string) {
    const rows: { donations: unknown; donors: unknown; households: unknown }[] = await em.query(
      sql(
        this.db,
        `SELECT COUNT(*) AS donations, COUNT(DISTINCT d.member_id) AS donors,
                COUNT(DISTINCT d.household_id) AS households
         FROM donations d
         JOIN ledger_transactions t ON t.id = d.transaction_id
         WHERE d.community_id = ? AND ${notReversed('t.id')}
           AND t.effective_date >= ? AND t.effective_date <= ?`,
      ),
      [communityId, from, to],
    );
    return {
      donations: toSafeInteger(rows[0].donations),
      donors: toSafeInteger(rows[0].donors),
      households: toSafeInteger(rows[0].households),
    };
  }

  /** Passbook balances as the books stand for entries dated up to `date`. */
  private async outstandingAt(em: EntityManager, communityId: number, date: string) {
    const rows: { kind: string; total: unknown }[] = await em.query(
      sql(
        this.db,
        `SELECT a.kind, SUM(p.amount) AS total
         FROM postings p
         JOIN ledger_transactions t ON t.id = p.transaction_id
         JOIN accounts a ON a.id = p.account_id
         WHERE a.community_id = ? AND ${PASSBOOK_KINDS} AND t.effective_date <= ?
         GROUP BY a.kind`,
      ),
      [communityId, date],
    );
    const out = { member: 0, household: 0 };
    for (const r of rows) {
      if (r.kind === 'member' || r.kind === 'household') {
        out[r.kind] = toSafeInteger(r.total);
      }
    }
    return out;
  }
}

function earnedLine(line: EarnedLine): EarnedLine {
  return {
    points: line.points,
    hours: line.hours,
    records: line.records,
    volunteers: line.volunteers,
  };
}

function compareKeys(a: string, b: string, numeric: boolean): number {
  if (numeric) {
    return Number(a) - Number(b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The three calendar months of a quarter as inclusive local date ranges. */
export function monthsOf(year: number, quarter: number): { from: string; to: string }[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [0, 1, 2].map((i) => {
    const month = (quarter - 1) * 3 + 1 + i;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay)}` };
  });
}

/** A quarter's local dates and the instants it starts and ends at in the community's zone. */
export function quarterBounds(year: number, quarter: number, timeZone: string) {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad(firstMonth)}-01`;
  const to = `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(lastMonth + 1)}-01`;
  return {
    from,
    to,
    startsAt: zonedTime(from, '00:00:00', timeZone).toISOString(),
    endsAt: zonedTime(next, '00:00:00', timeZone).toISOString(),
  };
}
