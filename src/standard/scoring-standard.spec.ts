import { shippedStandard } from '../../test/support/config-dir';
import {
  findItem,
  hoursOf,
  parseStandard,
  scoreQuantity,
  StandardFileError,
  standardHash,
  StandardItem,
} from './scoring-standard';

const shipped = () => shippedStandard();

const minimal = (item: Record<string, unknown> = {}) => ({
  effectiveFrom: '2026-01-01',
  categories: [
    {
      code: 'convenience',
      name: '便民服务',
      items: [
        {
          code: 'appliance_repair',
          name: '家电维修',
          unit: 'hour',
          pointsPerUnit: '2.00',
          maxUnitsPerDay: 8,
          ...item,
        },
      ],
    },
  ],
});

const hourly = (pointsPerUnit: number): StandardItem => ({
  code: 'x',
  name: 'x',
  unit: 'hour',
  pointsPerUnit,
  maxUnitsPerDay: null,
  adminOnly: false,
});

describe('scoring standard', () => {
  describe(parseStandard.name, () => {
    it('should accept the shipped default: nine categories, twenty items, unique codes', () => {
      const standard = parseStandard(shipped(), 'config/scoring-standard.json');
      expect(standard.categories).toHaveLength(9);
      const items = standard.categories.flatMap((c) => c.items);
      expect(items).toHaveLength(20);
      expect(new Set(items.map((i) => i.code)).size).toBe(20);
      expect(standard.categories.map((c) => c.name)).toEqual([
        '便民服务',
        '治安巡逻',
        '环境整治',
        '结对帮扶',
        '法律援助',
        '纠纷调解',
        '政策宣传',
        '文体活动',
        '其他公益',
      ]);
      expect(findItem(standard, 'good_deed')?.item).toEqual({
        code: 'good_deed',
        name: '好人好事',
        unit: 'time',
        pointsPerUnit: 500,
        maxUnitsPerDay: 100,
        adminOnly: true,
        hoursPerTime: 100,
      });
      expect(findItem(standard, 'event_security')).toMatchObject({
        category: { code: 'public_security' },
        item: { unit: 'hour', pointsPerUnit: 150, maxUnitsPerDay: 1200 },
      });
    });

    it('should give every per-time item of the shipped default its hours per time, and no hourly item', () => {
      const items = parseStandard(shipped()).categories.flatMap((c) => c.items);
      expect(items.filter((i) => i.unit === 'hour' && i.hoursPerTime !== undefined)).toEqual([]);
      expect(
        Object.fromEntries(
          items.filter((i) => i.unit === 'time').map((i) => [i.code, i.hoursPerTime]),
        ),
      ).toEqual({
        haircut: 50,
        waste_sorting: 100,
        elderly_visit: 100,
        dispute_mediation: 200,
        policy_talk: 150,
        organize_event: 300,
        performance: 200,
        leifeng_fair: 300,
        blood_donation: 200,
        community_council: 200,
        good_deed: 100,
      });
    });

    it('should read hoursPerTime of a per-time item as hundredths, and leave it out when absent', () => {
      const time = { unit: 'time', maxUnitsPerDay: 2 };
      const item = (change: Record<string, unknown>) =>
        parseStandard(minimal({ ...time, ...change })).categories[0].items[0];
      expect(item({ hoursPerTime: '1.5' }).hoursPerTime).toBe(150);
      expect(item({ hoursPerTime: 3 }).hoursPerTime).toBe(300);
      expect(item({ hoursPerTime: '0.01' }).hoursPerTime).toBe(1);
      expect(item({ hoursPerTime: 24 }).hoursPerTime).toBe(2400);
      // Absent: no key at all, so a file written before hoursPerTime keeps its content hash.
      expect(Object.keys(item({}))).not.toContain('hoursPerTime');
      // The same hash as the parser gave before hoursPerTime existed, for the same file.
      const before = parseStandard(minimal(time));
      expect(standardHash(before)).toBe(
        standardHash({
          title: null,
          effectiveFrom: '2026-01-01',
          categories: [
            {
              code: 'convenience',
              name: '便民服务',
              items: [
                {
                  code: 'appliance_repair',
                  name: '家电维修',
                  unit: 'time',
                  pointsPerUnit: 200,
                  maxUnitsPerDay: 200,
                  adminOnly: false,
                },
              ],
            },
          ],
        }),
      );
      expect(standardHash(parseStandard(minimal({ ...time, hoursPerTime: '1.50' })))).toBe(
        standardHash(parseStandard(minimal({ ...time, hoursPerTime: 1.5 }))),
      );
      expect(standardHash(parseStandard(minimal({ ...time, hoursPerTime: 1 })))).not.toBe(
        standardHash(before),
      );
    });

    it.each([
      [
        { hoursPerTime: 1 },
        'hoursPerTime is for per-time items only: an hourly item counts its hours',
      ],
      [{ unit: 'time', hoursPerTime: 0 }, 'hoursPerTime must be greater than zero'],
      [{ unit: 'time', hoursPerTime: '-1' }, 'hoursPerTime must not be negative'],
      [{ unit: 'time', hoursPerTime: '0.125' }, 'hoursPerTime must be a decimal'],
      [{ unit: 'time', hoursPerTime: '24.01' }, 'hoursPerTime must be at most 24 hours'],
      [{ unit: 'time', hoursPerTime: 'two' }, 'hoursPerTime must be a decimal'],
      [{ unit: 'time', hoursPerTime: null }, 'hoursPerTime must be a decimal string or number'],
    ])('should refuse hoursPerTime in item %p naming the item', (change, message) => {
      expect(() => parseStandard(minimal(change), 'std.json')).toThrow(StandardFileError);
      expect(() => parseStandard(minimal(change), 'std.json')).toThrow(
        `std.json: category "convenience", item "appliance_repair": ${message}`,
      );
    });

    it('should normalise amounts so reformatting the file is not a new version', () => {
      const a = parseStandard(minimal({ pointsPerUnit: 2, maxUnitsPerDay: '8.00' }));
      const b = parseStandard(minimal({ pointsPerUnit: '2.00', maxUnitsPerDay: 8 }));
      expect(a).toEqual(b);
      expect(standardHash(a)).toBe(standardHash(b));
      expect(standardHash(parseStandard(minimal({ pointsPerUnit: '2.01' })))).not.toBe(
        standardHash(a),
      );
    });

    it.each([
      [{ pointsPerUnit: '0' }, 'item "appliance_repair": pointsPerUnit must be greater than zero'],
      [{ pointsPerUnit: -1 }, 'item "appliance_repair": pointsPerUnit must not be negative'],
      [{ pointsPerUnit: '1.005' }, 'item "appliance_repair": pointsPerUnit must be a decimal'],
      [{ pointsPerUnit: '1000.01' }, 'pointsPerUnit must be at most 1000.00'],
      [{ unit: 'day' }, 'item "appliance_repair": unit must be "hour" or "time", not "day"'],
      [{ maxUnitsPerDay: 0 }, 'maxUnitsPerDay must be greater than zero'],
      [{ maxUnitsPerDay: 25 }, 'maxUnitsPerDay of an hourly item must be at most 24 hours'],
      [
        { unit: 'time', maxUnitsPerDay: 1.5 },
        'maxUnitsPerDay of a per-time item must be a whole number',
      ],
      [{ code: 'Bad Code' }, 'item "Bad Code": code must be 2-40 lowercase letters'],
      [{ name: '  ' }, 'item "appliance_repair": name must be a non-empty text'],
      [{ adminOnly: 'yes' }, 'adminOnly must be true or false'],
      [{ maxUnitPerDay: 3 }, 'item "appliance_repair": unknown field "maxUnitPerDay"'],
    ])('should refuse item %p naming the item', (change, message) => {
      expect(() => parseStandard(minimal(change), 'std.json')).toThrow(StandardFileError);
      expect(() => parseStandard(minimal(change), 'std.json')).toThrow(message);
      expect(() => parseStandard(minimal(change), 'std.json')).toThrow(
        /^std\.json: category "convenience", item/,
      );
    });

    it('should refuse an item code used twice, naming both places', () => {
      const raw = shipped();
      raw.categories[8].items[0].code = 'haircut';
      expect(() => parseStandard(raw, 'f.json')).toThrow(
        'f.json: category "other_public_good", item "haircut": code is already used in category "convenience"',
      );
    });

    it.each([
      [{ effectiveFrom: '2026-02-30' }, 'effectiveFrom: must be a date written YYYY-MM-DD'],
      [{ categories: [] }, 'categories: must be a non-empty list'],
      [{ version: 2 }, 'file: unknown field "version"'],
    ])('should refuse a file with %p', (change, message) => {
      expect(() => parseStandard({ ...minimal(), ...change }, 'f.json')).toThrow(
        `f.json: ${message}`,
      );
    });

    it('should refuse a category code used twice and a category without items', () => {
      const twice = shipped();
      twice.categories[1].code = 'convenience';
      expect(() => parseStandard(twice, 'f.json')).toThrow(
        'f.json: category "convenience": code is used by another category',
      );
      const empty = shipped();
      empty.categories[4].items = [];
      expect(() => parseStandard(empty, 'f.json')).toThrow(
        'f.json: category "legal_aid": items must be a non-empty list',
      );
    });

    it('should refuse something that is not an object', () => {
      expect(() => parseStandard([], 'f.json')).toThrow('f.json: file: must be a JSON object');
    });
  });

  describe(scoreQuantity.name, () => {
    it.each([
      // quantity (hundredths), points per unit (hundredths), points (hundredths)
      [250, 150, 375], // 2.50 h x 1.50 = 3.75 exactly
      [100, 200, 200],
      [1, 50, 1], // 0.005 rounds half up to 0.01
      [1, 49, 0], // 0.0049 rounds down to 0.00
      [25, 50, 13], // 0.125 -> 0.13 (half up, not half even)
      [5, 50, 3], // 0.025 -> 0.03 (half even would give 0.02)
      [29, 50, 15], // 0.145 -> 0.15 (a float would say 0.14499999...)
      [101, 333, 336], // 3.3633 -> 3.36
      [2400, 100_000, 2_400_000], // 24 h at the highest rate
      [99_999_999_999, 100_000, 99_999_999_999_000],
    ])('should score %p x %p as %p hundredths', (quantity, rate, points) => {
      expect(scoreQuantity(hourly(rate), quantity)).toBe(points);
    });
  });

  describe(hoursOf.name, () => {
    it('should count the quantity of hourly items as hours', () => {
      expect(hoursOf(hourly(100), 250)).toBe(250);
      // An hourly item ignores a stray hoursPerTime (parseStandard refuses one anyway).
      expect(hoursOf({ ...hourly(100), hoursPerTime: 300 }, 250)).toBe(250);
    });

    it('should count times x hoursPerTime for per-time items, and nothing in versions without it', () => {
      const time = (hoursPerTime?: number): StandardItem => ({
        ...hourly(100),
        unit: 'time',
        ...(hoursPerTime === undefined ? {} : { hoursPerTime }),
      });
      expect(hoursOf(time(300), 100)).toBe(300); // one fair morning: 3.00 hours
      expect(hoursOf(time(300), 200)).toBe(600);
      expect(hoursOf(time(50), 300)).toBe(150); // three haircuts of 0.50
      expect(hoursOf(time(1), 100_000)).toBe(1000); // 1000 times of 0.01
      expect(hoursOf(time(2400), 100)).toBe(2400);
      expect(hoursOf(time(), 300)).toBe(0);
    });
  });
});
