import { StandardItem } from '../../src/standard/scoring-standard';

/** Items of a scoring standard for the pure scoring and cap specs. */

/** Per hour, 2.00 points an hour, at most 8 hours a day. */
export const repairItem: StandardItem = {
  code: 'appliance_repair',
  name: '家电维修',
  unit: 'hour',
  pointsPerUnit: 200,
  maxUnitsPerDay: 800,
  adminOnly: false,
};

/** Per time, 1.00 point a time; `maxUnitsPerDay` in hundredths of times (null: no cap). */
export const haircutItem = (maxUnitsPerDay: number | null): StandardItem => ({
  code: 'haircut',
  name: '理发',
  unit: 'time',
  pointsPerUnit: 100,
  maxUnitsPerDay,
  adminOnly: false,
});
