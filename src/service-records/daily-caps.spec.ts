import { dailyCapViolations, emptyUsage } from './daily-caps';
import { haircutItem, repairItem } from '../../test/support/standard-items';

const repair = repairItem;
const haircut = haircutItem(2000);

const usage = (byItem: Record<string, number>, hours: number) => ({
  quantityByItem: new Map(Object.entries(byItem)),
  hours,
});

describe(dailyCapViolations.name, () => {
  it('should allow exactly the cap and refuse a hundredth more', () => {
    const check = (quantity: number) =>
      dailyCapViolations({
        memberId: 1,
        item: repair,
        quantity,
        hours: quantity,
        usage: usage({ appliance_repair: 500 }, 500),
        maxHoursPerDay: 1200,
      });
    expect(check(300)).toEqual([]);
    expect(check(301)).toEqual([
      {
        memberId: 1,
        limit: 'item',
        itemCode: 'appliance_repair',
        max: '8.00',
        alreadyLogged: '5.00',
        requested: '3.01',
        remaining: '3.00',
      },
    ]);
  });

  it('should refuse hours over the daily maximum across items', () => {
    const violations = dailyCapViolations({
      memberId: 7,
      item: repair,
      quantity: 400,
      hours: 400,
      usage: usage({ cleanup: 800, daily_patrol: 100 }, 900),
      maxHoursPerDay: 1200,
    });
    expect(violations).toEqual([
      {
        memberId: 7,
        limit: 'dailyHours',
        itemCode: 'appliance_repair',
        max: '12.00',
        alreadyLogged: '9.00',
        requested: '4.00',
        remaining: '3.00',
      },
    ]);
  });

  it('should report both limits when both are broken', () => {
    const violations = dailyCapViolations({
      memberId: 2,
      item: repair,
      quantity: 900,
      hours: 900,
      usage: usage({}, 400),
      maxHoursPerDay: 1200,
    });
    expect(violations.map((v) => v.limit)).toEqual(['item', 'dailyHours']);
  });

  it('should count the hours of a per-time item against the day, and none when its version has no hoursPerTime', () => {
    // Two haircuts of 0.50 hours on a day already at the 12-hour maximum.
    expect(
      dailyCapViolations({
        memberId: 3,
        item: { ...haircut, hoursPerTime: 50 },
        quantity: 200,
        hours: 100,
        usage: usage({}, 1200),
        maxHoursPerDay: 1200,
      }),
    ).toEqual([
      {
        memberId: 3,
        limit: 'dailyHours',
        itemCode: 'haircut',
        max: '12.00',
        alreadyLogged: '12.00',
        requested: '1.00',
        remaining: '0.00',
      },
    ]);
    expect(
      dailyCapViolations({
        memberId: 3,
        item: haircut,
        quantity: 2000,
        hours: 0,
        usage: usage({}, 1200),
        maxHoursPerDay: 1200,
      }),
    ).toEqual([]);
  });

  it('should not cap items without a cap of their own', () => {
    expect(
      dailyCapViolations({
        memberId: 3,
        item: { ...repair, maxUnitsPerDay: null },
        quantity: 1200,
        hours: 1200,
        usage: emptyUsage(),
        maxHoursPerDay: 1200,
      }),
    ).toEqual([]);
  });
});
