import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Principal } from '../auth/principal';
import { Clock, localDate, zonedTime } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed, periodParams, periodPostingsSql } from '../ledger/ledger-sql';
import { gradeCounts, YEAR_MAX, YEAR_MIN } from '../ratings/star-ratings.service';
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

/** What a quarter's and a year's reports have in common: the figures of a run of whole months. */
export interface PeriodFigures {
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
  /** Members who joined in the quarter (their joinedOn, which an admin may backdate). */
  newVolunteers: number;
  /** Wishes (微心愿) confirmed fulfilled in the period (by the local date of the confirmation). */
  wishesFulfilled: number;
  /** Service menu orders (点单) served in the period: done, by the date they were served on. */
  ordersServed: number;
  stockGivenOut: StockLine[];
  /** Points earned, redeemed and donated in each month of the quarter (for the report's chart). */
  byMonth: { month: string; earned: string; redeemed: string; donated: string }[];
  /** What the shop still owes: points held in passbooks at the end of the quarter. */
  outstandingPoints: { total: string; members: string; households: string; asOf: string };
}

export interface QuarterReport extends PeriodFigures {
  period: { year: number; quarter: number; from: string; to: string };
  generatedAt: string;
}

/** The year's star rating by grade: null with `why` until it is published. */
export interface YearStars {
  /** Members per number of stars, "5" down to "0". */
  byStars: Record<string, number> | null;
  members: number | null;
  publishedAt: string | null;
  why: null | 'NO_RATING' | 'RATING_NOT_PUBLISHED';
}

export interface AnnualReport extends Omit<PeriodFigures, 'earned' | 'byMonth'> {
  period: { year: number; from: string; to: string };
  generatedAt: string;
  earned: PeriodFigures['earned'] & { hours: string };
  /** The twelve months: points as the quarter's byMonth, and verified service hours. */
  byMonth: (PeriodFigures['byMonth'][number] & { hours: string })[];
  stars: YearStars;
}

export interface GrowthMonth {
  month: string;
  /** Joined on or before the month's last day and not deactivated by then. */
  registered: number;
  /** With a credited (posted, not reversed) service record dated in the month. */
  active: number;
  /** Joined in the month. */
  joined: number;
  /** Deactivated in the month. */
  left: number;
}

export interface GrowthReport {
  from: string;
  to: string;
  generatedAt: string;
  months: GrowthMonth[];
}

/** The most months one growth report spans (ten years). */
export const GROWTH_MONTHS_MAX = 120;

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
    checkYear(year);
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw DomainError.validation('quarter must be 1, 2, 3 or 4', { field: 'quarter' });
    }
    const { from, to } = quarterBounds(year, quarter, this.config.timeZone);
    const { figures } = await this.period(communityId, {
      from,
      to,
      months: monthsOf(year, quarter),
    });
    return { period: { year, quarter, from, to }, generatedAt: this.now(), ...figures };
  }

  /**
   * `GET /api/reports/year/:year`: the quarter's figures over the calendar year, its hours, twelve
   * months and the year's published star rating by grade (the viewer's community, as quarterFor).
   */
  async yearFor(viewer: Principal, year: number, community?: string): Promise<AnnualReport> {
    const { id } = await this.access.communityToRead(viewer, community);
    return this.year(id, year);
  }

  async year(communityId: number, year: number): Promise<AnnualReport> {
    checkYear(year);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const months = [1, 2, 3, 4].flatMap((q) => monthsOf(year, q));
    const { figures, hoursCents, monthHours } = await this.period(communityId, {
      from,
      to,
      months,
    });
    const stars = await this.db.read((em) => this.starsOf(em, communityId, year));
    return {
      period: { year, from, to },
      generatedAt: this.now(),
      ...figures,
      earned: { ...figures.earned, hours: formatCents(hoursCents) },
      byMonth: figures.byMonth.map((m) => ({
        ...m,
        hours: formatCents(monthHours.get(m.month) ?? 0),
      })),
      stars,
    };
  }

  /**
   * `GET /api/reports/growth?from=YYYY-MM&to=YYYY-MM`: per month, volunteers registered at its end
   * (their time in the community began on or before it and had not ended by then), active in it (a
   * credited service record), new (their time here began in it) and left (it ended in it). A
   * volunteer's time in a community runs from `joinedOn` or the local date of the move that brought
   * them in, to the local date of the move that took them away or `deactivatedOn`.
   */
  async growthFor(
    viewer: Principal,
    query: { from: string; to: string },
    community?: string,
  ): Promise<GrowthReport> {
    const months = growthMonths(query.from, query.to);
    const { id } = await this.access.communityToRead(viewer, community);
    const first = months[0].from;
    const last = months[months.length - 1].to;
    return this.db.read(async (em) => {
      // Stints in the community grouped by their dates: as many rows as distinct date sets plus the
      // moves out of it, not members. The first part: stints that ended with a move out (`t`),
      // begun by the member's previous move (`p`, into this community) or else on `joined_on`. The
      // second: the stints of the members here now, begun by their last move or on `joined_on`.
      const stints: {
        joined_on: string;
        moved_in_at: string | null;
        moved_out_at: string | null;
        deactivated_on: string | null;
        c: unknown;
      }[] = await em.query(
        sql(
          this.db,
          `SELECT m.joined_on AS joined_on, p.created_at AS moved_in_at,
             t.created_at AS moved_out_at, m.deactivated_on AS deactivated_on, COUNT(*) AS c
           FROM member_transfers t
           JOIN members m ON m.id = t.member_id
           LEFT JOIN member_transfers p ON p.id = (SELECT MAX(q.id) FROM member_transfers q
             WHERE q.member_id = t.member_id AND q.id < t.id)
           WHERE t.from_community_id = ?
           GROUP BY m.joined_on, p.created_at, t.created_at, m.deactivated_on
           UNION ALL
           SELECT m.joined_on, t.created_at, CAST(NULL AS VARCHAR(32)), m.deactivated_on, COUNT(*)
           FROM members m
           LEFT JOIN member_transfers t ON t.id = (SELECT MAX(q.id) FROM member_transfers q
             WHERE q.member_id = m.id)
           WHERE m.community_id = ?
           GROUP BY m.joined_on, t.created_at, m.deactivated_on`,
        ),
        [id, id],
      );
      const active: { month: string; c: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT SUBSTR(sr.service_date, 1, 7) AS month, COUNT(DISTINCT sr.member_id) AS c
           ${VERIFIED_SERVICE}
           GROUP BY SUBSTR(sr.service_date, 1, 7)`,
        ),
        [id, first, last],
      );
      const activeIn = new Map(active.map((r) => [r.month, toSafeInteger(r.c)]));
      const rows = stints.flatMap((s) => {
        const stint = growthStint(s, this.config.timeZone);
        return stint && stint.from <= last ? [{ ...stint, count: toSafeInteger(s.c) }] : [];
      });
      const sum = (keep: (r: (typeof rows)[number]) => boolean) =>
        rows.reduce((n, r) => (keep(r) ? n + r.count : n), 0);
      return {
        from: query.from,
        to: query.to,
        generatedAt: this.now(),
        months: months.map((m) => ({
          month: m.from.slice(0, 7),
          registered: sum((r) => r.from <= m.to && (r.until === null || r.until > m.to)),
          active: activeIn.get(m.from.slice(0, 7)) ?? 0,
          joined: sum((r) => r.from >= m.from && r.from <= m.to),
          left: sum((r) => r.until !== null && r.until >= m.from && r.until <= m.to),
        })),
      };
    });
  }

  /** The figures of any run of whole months (a quarter, a year): the one implementation of both. */
  private async period(
    communityId: number,
    { from, to, months }: { from: string; to: string; months: { from: string; to: string }[] },
  ): Promise<{ figures: PeriodFigures; hoursCents: number; monthHours: Map<string, number> }> {
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
      for (const month of months) {
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
      const hours: { month: string; hours: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT SUBSTR(sr.service_date, 1, 7) AS month, SUM(sr.hours) AS hours
           ${VERIFIED_SERVICE}
           GROUP BY SUBSTR(sr.service_date, 1, 7)`,
        ),
        [communityId, from, to],
      );
      const figures: PeriodFigures = {
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
           WHERE community_id = ? AND joined_on >= ? AND joined_on <= ?`,
          [communityId, from, to],
        ),
        ordersServed: await this.count(
          em,
          `SELECT COUNT(*) AS c FROM service_orders
           WHERE community_id = ? AND status = 'done' AND service_date >= ? AND service_date <= ?`,
          [communityId, from, to],
        ),
        wishesFulfilled: await this.count(
          em,
          `SELECT COUNT(*) AS c FROM wishes
           WHERE community_id = ? AND status = 'fulfilled' AND fulfilled_on >= ? AND fulfilled_on <= ?`,
          [communityId, from, to],
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
      return {
        figures,
        hoursCents: byCategory.reduce((sum, line) => sum + line.hoursCents, 0),
        monthHours: new Map(hours.map((h) => [h.month, toSafeInteger(h.hours)])),
      };
    });
  }

  /** The year's published (or final) star rating by grade, or null with why (none yet, or a draft). */
  private async starsOf(em: EntityManager, communityId: number, year: number): Promise<YearStars> {
    const ratings: { status: string; published_at: string | null }[] = await em.query(
      sql(
        this.db,
        'SELECT status, published_at FROM star_ratings WHERE community_id = ? AND year = ?',
      ),
      [communityId, year],
    );
    const rating = ratings[0];
    // Published or final (finalized after its notice period); a draft may still change.
    if (!rating || rating.status === 'draft') {
      return {
        byStars: null,
        members: null,
        publishedAt: null,
        why: rating ? 'RATING_NOT_PUBLISHED' : 'NO_RATING',
      };
    }
    const { byStars, members } = await gradeCounts(this.db, em, communityId, year);
    return { byStars, members, publishedAt: rating.published_at, why: null };
  }

  private now(): string {
    return this.clock.now().toISOString();
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
        const hoursCents = toSafeInteger(r.hours);
        return {
          key: r.group_key === null ? null : String(r.group_key),
          name: r.name,
          pointsCents,
          points: formatCents(pointsCents),
          hoursCents,
          hours: formatCents(hoursCents),
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

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    throw DomainError.validation(`year must be between ${YEAR_MIN} and ${YEAR_MAX}`, {
      field: 'year',
    });
  }
}

/**
 * One stint of a volunteer in a community as local dates: registered from `from`, gone from `until`
 * (null: still here). A stint begins on `joined_on` or on the day of the move in, and ends on the
 * day of the move out, or on `deactivated_on` when that falls within it: the member row keeps only
 * the last deactivation, so a date before a stint began means the volunteer arrived deactivated and
 * the stint counts for nothing (null).
 */
export function growthStint(
  s: {
    joined_on: string;
    moved_in_at: string | null;
    moved_out_at: string | null;
    deactivated_on: string | null;
  },
  timeZone: string,
): { from: string; until: string | null } | null {
  const from = s.moved_in_at === null ? s.joined_on : localDate(new Date(s.moved_in_at), timeZone);
  const movedOut = s.moved_out_at === null ? null : localDate(new Date(s.moved_out_at), timeZone);
  const off = s.deactivated_on;
  if (off !== null && s.moved_in_at !== null && off < from) {
    return null;
  }
  const until = off !== null && (movedOut === null || off < movedOut) ? off : movedOut;
  return { from, until };
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months from `from` to `to` (YYYY-MM, both included) as date ranges; refuses a bad range. */
export function growthMonths(from: string, to: string): { from: string; to: string }[] {
  const parse = (text: string, field: 'from' | 'to') => {
    const m = MONTH_RE.exec(text);
    if (!m || +m[1] < YEAR_MIN || +m[1] > YEAR_MAX) {
      throw DomainError.validation(
        `${field} must be a month written YYYY-MM between ${YEAR_MIN} and ${YEAR_MAX}`,
        { field, reason: 'INVALID_MONTH' },
      );
    }
    return +m[1] * 12 + (+m[2] - 1);
  };
  const first = parse(from, 'from');
  const last = parse(to, 'to');
  if (last < first) {
    throw DomainError.validation('to must not be before from', {
      field: 'to',
      reason: 'RANGE_REVERSED',
    });
  }
  if (last - first + 1 > GROWTH_MONTHS_MAX) {
    throw DomainError.validation(`a growth report spans at most ${GROWTH_MONTHS_MAX} months`, {
      field: 'to',
      reason: 'RANGE_TOO_LONG',
      max: GROWTH_MONTHS_MAX,
    });
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const out = [];
  for (let i = first; i <= last; i++) {
    const year = Math.floor(i / 12);
    const month = (i % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push({ from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay)}` });
  }
  return out;
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
