import { EntityManager } from 'typeorm';
import { Database, sql } from '../common/db/database';
import { toSafeInteger } from '../common/points';
import { notReversed, periodParams, periodPostingsSql } from '../ledger/ledger-sql';

/** One community's figures for a period, in cents (points, hours) and counts. */
export interface FiguresCents {
  volunteers: number;
  servingVolunteers: number;
  teams: number;
  hours: number;
  earned: number;
  redeemed: number;
  donated: number;
  outstanding: number;
}

export const NO_FIGURES: FiguresCents = {
  volunteers: 0,
  servingVolunteers: 0,
  teams: 0,
  hours: 0,
  earned: 0,
  redeemed: 0,
  donated: 0,
  outstanding: 0,
};

/** The communities summed, figure by figure. */
export function sumFigures(all: FiguresCents[]): FiguresCents {
  const total = { ...NO_FIGURES };
  for (const f of all) {
    for (const key of Object.keys(total) as (keyof FiguresCents)[]) {
      total[key] += f[key];
    }
  }
  return total;
}

/** A passbook (member or household) account of the community bound to the next parameter. */
const COMMUNITY_PASSBOOK = `a.kind IN ('member', 'household') AND a.community_id = ?`;

/** Posted service records whose earn was not reversed: verified service, as the reports count it. */
const VERIFIED_SERVICE = `FROM service_records sr
  WHERE sr.community_id = ? AND sr.status = 'posted' AND ${notReversed('sr.transaction_id')}
    AND sr.service_date >= ? AND sr.service_date <= ?`;

/**
 * One community's figures for [from, to] (local dates): points earned, redeemed and donated by the
 * ledger's period rule (entries dated in the period less their reversals, `periodPostingsSql`),
 * verified service hours, and what the passbooks hold at the period's end. Redeemed counts like the
 * quarterly report: less cancellations and the returns of part of a redemption.
 */
export async function communityFigures(
  db: Database,
  em: EntityManager,
  communityId: number,
  from: string,
  to: string,
): Promise<FiguresCents> {
  const one = async (text: string, params: unknown[]): Promise<number> => {
    const rows: { v: unknown }[] = await em.query(sql(db, text), params);
    return rows[0]?.v === null || rows[0]?.v === undefined ? 0 : toSafeInteger(rows[0].v);
  };
  const passbookSum = (
    kind: 'earn' | 'redeem' | 'donation',
    also = '',
    alsoParams: unknown[] = [],
  ) =>
    one(
      `SELECT COALESCE(SUM(x.amount), 0) AS v FROM (${periodPostingsSql(kind)}${also}) x
       JOIN accounts a ON a.id = x.account_id WHERE ${COMMUNITY_PASSBOOK}`,
      [...periodParams(from, to), ...alsoParams, communityId],
    );
  const returns = `
    UNION ALL
    SELECT p.account_id, p.amount FROM redemption_returns rr
      JOIN redemptions r ON r.id = rr.redemption_id
      JOIN ledger_transactions t ON t.id = r.transaction_id
      JOIN postings p ON p.transaction_id = rr.transaction_id
      WHERE t.effective_date >= ? AND t.effective_date <= ?`;
  return {
    volunteers: await one(
      `SELECT COUNT(*) AS v FROM members WHERE community_id = ? AND active = ${db.boolSql(true)}`,
      [communityId],
    ),
    servingVolunteers: await one(`SELECT COUNT(DISTINCT sr.member_id) AS v ${VERIFIED_SERVICE}`, [
      communityId,
      from,
      to,
    ]),
    teams: await one('SELECT COUNT(*) AS v FROM teams WHERE community_id = ?', [communityId]),
    hours: await one(`SELECT COALESCE(SUM(sr.hours), 0) AS v ${VERIFIED_SERVICE}`, [
      communityId,
      from,
      to,
    ]),
    earned: await passbookSum('earn'),
    redeemed: -(await passbookSum('redeem', returns, [from, to])),
    // What the households received: the donors' side is the same amount, negative.
    donated: await one(
      `SELECT COALESCE(SUM(x.amount), 0) AS v FROM (${periodPostingsSql('donation')}) x
       JOIN accounts a ON a.id = x.account_id WHERE a.kind = 'household' AND a.community_id = ?`,
      [...periodParams(from, to), communityId],
    ),
    outstanding: await one(
      `SELECT COALESCE(SUM(p.amount), 0) AS v FROM postings p
       JOIN ledger_transactions t ON t.id = p.transaction_id
       JOIN accounts a ON a.id = p.account_id
       WHERE ${COMMUNITY_PASSBOOK} AND t.effective_date <= ?`,
      [communityId, to],
    ),
  };
}
