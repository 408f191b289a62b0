import { DomainError } from '../common/errors';
import { StandardItem, StandardVersion } from '../standard/scoring-standard';
import { resolveItem, scoreLines } from './scoring';
import { haircutItem, repairItem } from '../../test/support/standard-items';

const repair = repairItem;
const haircut = haircutItem(null);
const tiny: StandardItem = { ...repair, code: 'tiny', name: '小事', pointsPerUnit: 1 };
/** A per-time item of a version that sets its hours per time (0.50). */
const counted: StandardItem = { ...haircut, code: 'counted_haircut', hoursPerTime: 50 };
const category = { code: 'service', name: '志愿服务', items: [repair, haircut, tiny] };
const version: StandardVersion = {
  version: 3,
  contentHash: 'x',
  title: null,
  effectiveFrom: '2026-01-01',
  categories: [category],
};
const participants = (i: number, field: string) => `participants[${i}].${field}`;

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a refusal');
};

describe(resolveItem.name, () => {
  it('should find an item of the version with its category', () => {
    expect(resolveItem(version, 'haircut')).toEqual({ item: haircut, category });
  });

  it('should refuse an item not in the version, naming the version', () => {
    const err = refusal(() => resolveItem(version, 'juggling'));
    expect(err.code).toBe('UNKNOWN_ITEM');
    expect(err.details).toEqual({
      reason: 'NOT_IN_STANDARD',
      itemCode: 'juggling',
      standardVersion: 3,
    });
  });
});

describe(scoreLines.name, () => {
  const line = (item: StandardItem, rest: object) => ({
    item: { item, category },
    served: null,
    teamId: undefined,
    ...rest,
  });

  it('should score each line in hundredths, with the hours of hourly items and of per-time items that set them', () => {
    expect(
      scoreLines(
        {
          lines: [
            { memberId: 1, quantity: '1.5', note: '  修电视 ' },
            { memberId: 2, quantity: 2 },
          ],
          fieldOf: participants,
        },
        { item: repair, category },
      ),
    ).toEqual([
      line(repair, { memberId: 1, quantity: 150, hours: 150, points: 300, note: '修电视' }),
      line(repair, { memberId: 2, quantity: 200, hours: 200, points: 400, note: null }),
    ]);
    // A per-time item of a version without hoursPerTime counts no hours.
    expect(
      scoreLines(
        { lines: [{ memberId: 1, quantity: 3 }], fieldOf: participants },
        { item: haircut, category },
      ),
    ).toEqual([line(haircut, { memberId: 1, quantity: 300, hours: 0, points: 300, note: null })]);
    expect(
      scoreLines(
        { lines: [{ memberId: 1, quantity: 3 }], fieldOf: participants },
        { item: counted, category },
      ),
    ).toEqual([line(counted, { memberId: 1, quantity: 300, hours: 150, points: 300, note: null })]);
  });

  it('should take the hours of a timed line from the time served, and its quantity when absent', () => {
    const served = {
      startedAt: '2026-12-13T00:30:00.000Z',
      endedAt: '2026-12-13T02:45:00.000Z',
      hours: 225,
      source: 'times' as const,
    };
    expect(
      scoreLines(
        {
          lines: [
            { memberId: 1, served, itemCode: 'appliance_repair' },
            { memberId: 2, served, itemCode: 'counted_haircut' },
            { memberId: 3, served, itemCode: 'counted_haircut', quantity: 4, teamId: 7 },
          ],
          fieldOf: participants,
        },
        (l) => ({ item: l.itemCode === 'appliance_repair' ? repair : counted, category }),
      ),
    ).toEqual([
      line(repair, { memberId: 1, quantity: 225, hours: 225, points: 450, note: null, served }),
      line(counted, { memberId: 2, quantity: 100, hours: 225, points: 100, note: null, served }),
      line(counted, {
        memberId: 3,
        quantity: 400,
        hours: 225,
        points: 400,
        note: null,
        served,
        teamId: 7,
      }),
    ]);
  });

  it('should report every bad line together: a repeat, a fraction of a time, a bad number', () => {
    const err = refusal(() =>
      scoreLines(
        {
          lines: [
            { memberId: 1, quantity: 1 },
            { memberId: 1, quantity: 1 },
            { memberId: 2, quantity: 1.5 },
            { memberId: 3, quantity: 'lots' },
          ],
          fieldOf: participants,
        },
        { item: haircut, category },
      ),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    const fields = (err.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual([
      'participants[1].memberId',
      'participants[2].quantity',
      'participants[3].quantity',
    ]);
  });

  it('should refuse a quantity that earns less than 0.01 points', () => {
    const err = refusal(() =>
      scoreLines(
        { lines: [{ memberId: 1, quantity: '0.01' }], fieldOf: (_i, field) => field },
        { item: tiny, category },
      ),
    );
    expect(err.message).toBe('quantity 0.01 of 小事 earns less than 0.01 points');
  });
});
