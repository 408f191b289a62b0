/** Which quarter the office's report is about. */

/** The quarter of a YYYY-MM-DD date. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return {
    year: Number(date.slice(0, 4)),
    quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
  };
}

/**
 * The quarter the report opens on: the current one, except in a quarter's first month, when the
 * quarter just over is the one the office reports (on 5 January, the fourth quarter of last year).
 */
export function openingQuarter(today: string): { year: number; quarter: number } {
  const q = quarterOf(today);
  if ((Number(today.slice(5, 7)) - 1) % 3 !== 0) {
    return q;
  }
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: q.quarter - 1 };
}
