import { createTestContext, TestContext } from '../../test/support/test-app';
import { sql } from '../common/db/database';
import { toSafeInteger } from '../common/points';
import { ConfigError } from '../config/app-config';
import {
  DEFAULT_STAR_RATING_CONFIG,
  loadStarRatingConfig,
  parseStarRatingConfig,
} from './star-rating.config';
import { hoursGrade, starsFor, starsForSql } from './stars';

describe('star thresholds', () => {
  const thresholds = [2000, 5000, 10000, 20000, 30000];

  it.each([
    [0, 0],
    [1999, 0],
    [2000, 1],
    [4999, 1],
    [5000, 2],
    [29999, 4],
    [30000, 5],
    [1_000_000, 5],
    [-500, 0],
  ])('should give %i hundredths %i stars', (earned, stars) => {
    expect(starsFor(earned, thresholds)).toBe(stars);
  });

  it.each([
    ['national', 0, 0, '100.00'],
    ['national', 9999, 0, '100.00'],
    ['national', 10000, 1, '300.00'],
    ['national', 29950, 1, '300.00'],
    ['national', 59999, 2, '600.00'],
    ['national', 100000, 4, '1500.00'],
    ['national', 150000, 5, null],
    ['dalian', 5000, 1, '150.00'],
    ['dalian', 30000, 3, '800.00'],
    ['dalian', 149999, 4, '1500.00'],
    ['dalian', 999999, 5, null],
  ] as const)(
    'should give the %s preset at %i hundredths of an hour %i stars, next at %s',
    (preset, hours, stars, nextAtHours) => {
      expect(hoursGrade(hours, preset)).toEqual({ preset, stars, nextAtHours });
    },
  );

  it('should grade Dalian hours 50/150/300/800/1500', () => {
    expect(
      [4999, 5000, 15000, 30000, 80000, 149999, 150000].map((h) => hoursGrade(h, 'dalian').stars),
    ).toEqual([0, 1, 2, 3, 4, 4, 5]);
    expect(hoursGrade(30000, 'dalian')).toMatchObject({ nextAtHours: '800.00' });
  });
});

describe('star-rating.json', () => {
  it('should ship the built-in defaults in config/star-rating.json', () => {
    expect(loadStarRatingConfig('config')).toEqual(DEFAULT_STAR_RATING_CONFIG);
  });

  it('should fall back to the defaults when the community has no file', () => {
    expect(loadStarRatingConfig('/nonexistent-config-dir')).toEqual(DEFAULT_STAR_RATING_CONFIG);
  });

  it('should accept numbers and strings with at most two places', () => {
    expect(
      parseStarRatingConfig(
        { pointsForStars: [10, '20.5', 30, 40, '50.25'], hoursGradePreset: 'national' },
        'f',
      ),
    ).toEqual({
      pointsForStars: [1000, 2050, 3000, 4000, 5025],
      hoursGradePreset: 'national',
      noticeDays: 7,
      afterCorrection: 'restart',
      extendDays: 3,
      closedYearCorrections: 'refuse',
    });
  });

  it('should read the notice settings', () => {
    expect(
      parseStarRatingConfig(
        {
          pointsForStars: [1, 2, 3, 4, 5],
          noticeDays: 10,
          afterCorrection: 'extend',
          extendDays: 5,
          closedYearCorrections: 'restate',
        },
        'f',
      ),
    ).toMatchObject({
      noticeDays: 10,
      afterCorrection: 'extend',
      extendDays: 5,
      closedYearCorrections: 'restate',
    });
  });

  it.each([
    ['not an object', [], /star-rating\.json: file: must be a JSON object/],
    [
      'an unknown field',
      { pointsForStars: [1, 2, 3, 4, 5], hoursPreset: 'national' },
      /star-rating\.json: file: unknown field "hoursPreset" \(known: pointsForStars, hoursGradePreset, noticeDays, afterCorrection, extendDays, closedYearCorrections\)/,
    ],
    ['four thresholds', { pointsForStars: [1, 2, 3, 4] }, /pointsForStars must list 5 amounts/],
    ['a float with three places', { pointsForStars: [1, 2, 3, 4, '5.125'] }, /pointsForStars\[4\]/],
    ['a zero', { pointsForStars: [0, 2, 3, 4, 5] }, /pointsForStars\[0\]/],
    ['thresholds out of order', { pointsForStars: [1, 3, 2, 4, 5] }, /must increase/],
    [
      'an unknown preset',
      { pointsForStars: [1, 2, 3, 4, 5], hoursGradePreset: 'tokyo' },
      /national, dalian/,
    ],
    [
      'a notice of no days',
      { pointsForStars: [1, 2, 3, 4, 5], noticeDays: 0 },
      /noticeDays must be a whole number of days from 1 to 30/,
    ],
    [
      'a notice of 31 days',
      { pointsForStars: [1, 2, 3, 4, 5], noticeDays: 31 },
      /noticeDays must be a whole number of days from 1 to 30/,
    ],
    [
      'half a day of extension',
      { pointsForStars: [1, 2, 3, 4, 5], extendDays: 1.5 },
      /extendDays must be a whole number of days/,
    ],
    [
      'an unknown afterCorrection',
      { pointsForStars: [1, 2, 3, 4, 5], afterCorrection: 'reset' },
      /afterCorrection must be one of restart, extend/,
    ],
    [
      'an unknown closedYearCorrections',
      { pointsForStars: [1, 2, 3, 4, 5], closedYearCorrections: 'allow' },
      /closedYearCorrections must be one of refuse, restate/,
    ],
  ])('should refuse %s naming the field', (_name, raw, message) => {
    expect(() => parseStarRatingConfig(raw, 'config/star-rating.json')).toThrow(ConfigError);
    expect(() => parseStarRatingConfig(raw, 'config/star-rating.json')).toThrow(message);
  });
});

describe('stars in SQL (the year-end rating)', () => {
  const thresholds = [2000, 5000, 10000, 20000, 30000];
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('should give every amount the stars starsFor gives it', async () => {
    const amounts = [-500, 0, 1999, 2000, 4999, 5000, 9999, 10000, 29999, 30000, 1_000_000];
    const rows: { v: unknown; stars: unknown }[] = await t.db.read((em) =>
      em.query(
        sql(
          t.db,
          `SELECT x.v, ${starsForSql('x.v', thresholds)} AS stars
           FROM (${amounts.map(() => 'SELECT CAST(? AS bigint) AS v').join(' UNION ALL ')}) x`,
        ),
        [...thresholds, ...amounts],
      ),
    );
    const got = rows
      .map((r) => [toSafeInteger(r.v), toSafeInteger(r.stars)])
      .sort((a, b) => a[0] - b[0]);
    expect(got).toEqual(amounts.map((a) => [a, starsFor(a, thresholds)]));
  });
});
