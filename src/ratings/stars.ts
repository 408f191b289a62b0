import { Cents, formatCents } from '../common/points';

/** Points (hundredths) earned in a year needed for one, two, three, four and five stars. */
export type StarThresholds = readonly [Cents, Cents, Cents, Cents, Cents];

export const STARS_MAX = 5;

/** Number of thresholds reached: 0 (none) to 5. */
export function starsFor(amount: Cents, thresholds: readonly Cents[]): number {
  let stars = 0;
  for (const threshold of thresholds) {
    if (amount >= threshold) {
      stars++;
    }
  }
  return stars;
}

/**
 * starsFor as SQL over `column`, counting the same thresholds the same way, so the year-end rating
 * computed in one aggregate query gives what starsFor gives. Parameters: the thresholds, in order.
 */
export function starsForSql(column: string, thresholds: readonly Cents[]): string {
  return thresholds.length === 0
    ? '0'
    : `(${thresholds.map(() => `CASE WHEN ${column} >= ? THEN 1 ELSE 0 END`).join(' + ')})`;
}

/** The API's view of thresholds: [{stars: 1, points: "20.00"}, …]. */
export function describeThresholds(
  thresholds: readonly Cents[],
): { stars: number; points: string }[] {
  return thresholds.map((points, i) => ({ stars: i + 1, points: formatCents(points) }));
}

/** Hours-based grade presets in whole hours for one to five stars (see README). */
export const HOURS_GRADE_PRESETS = {
  /** 《志愿服务记录办法》(2012). */
  national: [100, 300, 600, 1000, 1500],
  /** Dalian's local grades. */
  dalian: [50, 150, 300, 800, 1500],
} as const;

export type HoursGradePreset = keyof typeof HOURS_GRADE_PRESETS;
export const HOURS_GRADE_PRESET_NAMES = Object.keys(HOURS_GRADE_PRESETS) as HoursGradePreset[];

export interface HoursGrade {
  preset: HoursGradePreset;
  stars: number;
  /** Cumulative hours at which the next star is reached ("300.00"); null at five stars. */
  nextAtHours: string | null;
}

/** The grade of a volunteer with `hours` (hundredths of hours) of verified service. */
export function hoursGrade(hours: Cents, preset: HoursGradePreset): HoursGrade {
  const thresholds = HOURS_GRADE_PRESETS[preset].map((h) => h * 100);
  const stars = starsFor(hours, thresholds);
  const next = stars < STARS_MAX ? thresholds[stars] : null;
  return {
    preset,
    stars,
    nextAtHours: next === null ? null : formatCents(next),
  };
}
