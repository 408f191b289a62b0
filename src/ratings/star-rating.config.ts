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
}

export const STAR_RATING_FILE = 'star-rating.json';

/** Used when the community has no config/star-rating.json; the shipped file holds the same values. */
export const DEFAULT_STAR_RATING_CONFIG: StarRatingConfig = {
  pointsForStars: [2000, 5000, 10000, 20000, 30000],
  hoursGradePreset: 'dalian',
};

/** Reads CONFIG_DIR/star-rating.json; a bad file stops the start with a message naming the field. */
export function loadStarRatingConfig(configDir: string): StarRatingConfig {
  const path = join(configDir, STAR_RATING_FILE);
  const raw = readConfigFile(path);
  return raw === undefined ? DEFAULT_STAR_RATING_CONFIG : parseStarRatingConfig(raw, path);
}

export function parseStarRatingConfig(raw: unknown, source: string): StarRatingConfig {
  const fail = (field: string, reason: string) => new ConfigError(`${source}: ${field} ${reason}`);
  const { pointsForStars, hoursGradePreset = DEFAULT_STAR_RATING_CONFIG.hoursGradePreset } =
    configObject(raw, ['pointsForStars', 'hoursGradePreset'], source);
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
  return {
    pointsForStars: thresholds as unknown as StarThresholds,
    hoursGradePreset: hoursGradePreset as HoursGradePreset,
  };
}
