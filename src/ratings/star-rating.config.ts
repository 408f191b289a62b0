import { join } from 'node:path';
import { ConfigError } from '../config/app-config';
import { configObject, readConfigFile } from '../config/config-file';
import { DomainError } from '../common/errors';
import { parseCents } from '../common/points';
import { HOURS_GRADE_PRESET_NAMES, HoursGradePreset, STARS_MAX, StarThresholds } from './stars';

export interface StarRatingConfig {
  /** Points earned in the year needed for one to five stars (hundredths), strictly increasing. */
  pointsForStars: StarThresholds;
  hoursGradePreset: HoursGradePreset;
  /** Days a published rating is open for objections (公示期), 1–30. */
  noticeDays: number;
  /** After an accepted objection's recomputation: the notice runs again in full, or is extended. */
  afterCorrection: 'restart' | 'extend';
  /** With `extend`: the notice ends at least this many days after the recomputation, 1–30. */
  extendDays: number;
  /** A final year: corrections refused, or allowed as restatements (with a reason, on record). */
  closedYearCorrections: 'refuse' | 'restate';
}

const AFTER_CORRECTION = ['restart', 'extend'] as const;
const CLOSED_YEAR_CORRECTIONS = ['refuse', 'restate'] as const;
const DAYS_MIN = 1;
const DAYS_MAX = 30;

export const STAR_RATING_FILE = 'star-rating.json';

/** Used when the community has no config/star-rating.json; the shipped file holds the same values. */
export const DEFAULT_STAR_RATING_CONFIG: StarRatingConfig = {
  pointsForStars: [2000, 5000, 10000, 20000, 30000],
  hoursGradePreset: 'dalian',
  noticeDays: 7,
  afterCorrection: 'restart',
  extendDays: 3,
  closedYearCorrections: 'refuse',
};

/** Reads CONFIG_DIR/star-rating.json; a bad file stops the start with a message naming the field. */
export function loadStarRatingConfig(configDir: string): StarRatingConfig {
  const path = join(configDir, STAR_RATING_FILE);
  const raw = readConfigFile(path);
  return raw === undefined ? DEFAULT_STAR_RATING_CONFIG : parseStarRatingConfig(raw, path);
}

export function parseStarRatingConfig(raw: unknown, source: string): StarRatingConfig {
  const fail = (field: string, reason: string) => new ConfigError(`${source}: ${field} ${reason}`);
  const d = DEFAULT_STAR_RATING_CONFIG;
  const {
    pointsForStars,
    hoursGradePreset = d.hoursGradePreset,
    noticeDays = d.noticeDays,
    afterCorrection = d.afterCorrection,
    extendDays = d.extendDays,
    closedYearCorrections = d.closedYearCorrections,
  } = configObject(
    raw,
    [
      'pointsForStars',
      'hoursGradePreset',
      'noticeDays',
      'afterCorrection',
      'extendDays',
      'closedYearCorrections',
    ],
    source,
  );
  if (!Array.isArray(pointsForStars) || pointsForStars.length !== STARS_MAX) {
    throw fail('pointsForStars', `must list ${STARS_MAX} amounts, for one to five stars`);
  }
  const thresholds = pointsForStars.map((value, i) => {
    try {
      return parseCents(value, { field: `pointsForStars[${i}]` });
    } catch (err) {
      throw fail(
        `pointsForStars[${i}]`,
        err instanceof DomainError ? err.message.replace(/^\S+ /, '') : 'is not valid',
      );
    }
  });
  for (let i = 1; i < thresholds.length; i++) {
    if (thresholds[i] <= thresholds[i - 1]) {
      throw fail('pointsForStars', 'must increase from one star to five');
    }
  }
  if (!HOURS_GRADE_PRESET_NAMES.includes(hoursGradePreset as HoursGradePreset)) {
    throw fail('hoursGradePreset', `must be one of ${HOURS_GRADE_PRESET_NAMES.join(', ')}`);
  }
  for (const [field, value] of [
    ['noticeDays', noticeDays],
    ['extendDays', extendDays],
  ] as const) {
    if (!Number.isInteger(value) || (value as number) < DAYS_MIN || (value as number) > DAYS_MAX) {
      throw fail(field, `must be a whole number of days from ${DAYS_MIN} to ${DAYS_MAX}`);
    }
  }
  if (!AFTER_CORRECTION.includes(afterCorrection as 'restart')) {
    throw fail('afterCorrection', `must be one of ${AFTER_CORRECTION.join(', ')}`);
  }
  if (!CLOSED_YEAR_CORRECTIONS.includes(closedYearCorrections as 'refuse')) {
    throw fail('closedYearCorrections', `must be one of ${CLOSED_YEAR_CORRECTIONS.join(', ')}`);
  }
  return {
    pointsForStars: thresholds as unknown as StarThresholds,
    hoursGradePreset: hoursGradePreset as HoursGradePreset,
    noticeDays: noticeDays as number,
    afterCorrection: afterCorrection as StarRatingConfig['afterCorrection'],
    extendDays: extendDays as number,
    closedYearCorrections: closedYearCorrections as StarRatingConfig['closedYearCorrections'],
  };
}
