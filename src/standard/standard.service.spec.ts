import { configDir, shippedStandard } from '../../test/support/config-dir';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { CommunityRules } from '../communities/community-rules';
import { ErrorCode } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { parseStandard, StandardFileError } from './scoring-standard';
import { readStandardFile, StandardService } from './standard.service';

describe(StandardService.name, () => {
  let t: TestContext;
  let standard: StandardService;

  beforeAll(async () => {
    t = await createTestContext();
    standard = t.ctx.get(StandardService);
  });
  afterAll(() => t.close());

  const withRate = (effectiveFrom: string, itemCode: string, pointsPerUnit: string) => {
    const raw = shippedStandard();
    raw.effectiveFrom = effectiveFrom;
    for (const c of raw.categories) {
      for (const i of c.items) {
        if (i.code === itemCode) {
          i.pointsPerUnit = pointsPerUnit;
        }
      }
    }
    return parseStandard(raw);
  };

  it('should store the shipped file as version 1 at start and not again when unchanged', async () => {
    const v1 = await standard.versionOn(1, '2026-06-15');
    expect(v1).toMatchObject({ version: 1, effectiveFrom: '2025-01-01' });
    const again = await standard.register(1, readStandardFile('config/scoring-standard.json'));
    expect(again).toMatchObject({ created: false, version: { version: 1 } });
    await expect(standard.listVersions(1)).resolves.toEqual({
      items: [
        {
          version: 1,
          effectiveFrom: '2025-01-01',
          title: '岭南社区志愿服务积分标准',
          contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          loadedAt: '2026-06-15T02:00:00.000Z',
          categories: 9,
          items: 20,
        },
      ],
    });
  });

  it('should show nothing before the first version starts', async () => {
    await expect(standard.versionOn(1, '2024-12-31')).resolves.toBeNull();
    await expect(standard.viewOn(1, '2024-12-31')).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('should store changed content as a new version in force from its effectiveFrom', async () => {
    const { version, created } = await standard.register(
      1,
      withRate('2026-07-01', 'appliance_repair', '2.50'),
    );
    expect(created).toBe(true);
    expect(version.version).toBe(2);
    await expect(standard.versionOn(1, '2026-06-30')).resolves.toMatchObject({ version: 1 });
    await expect(standard.versionOn(1, '2026-07-01')).resolves.toMatchObject({ version: 2 });

    const june = await standard.viewOn(1, '2026-06-30');
    expect(june).toMatchObject({
      version: 1,
      effectiveFrom: '2025-01-01',
      effectiveUntil: '2026-06-30',
    });
    expect(june.categories[0].items[0]).toEqual({
      code: 'appliance_repair',
      name: '家电维修',
      unit: 'hour',
      pointsPerUnit: '2.00',
      maxUnitsPerDay: '8.00',
    });
    const july = await standard.viewOn(1, '2026-07-01');
    expect(july).toMatchObject({ version: 2, effectiveFrom: '2026-07-01', effectiveUntil: null });
    expect(july.categories[0].items[0].pointsPerUnit).toBe('2.50');
  });

  it('should let a later file with the same effectiveFrom supersede the earlier one', async () => {
    const { version } = await standard.register(
      1,
      withRate('2026-07-01', 'appliance_repair', '2.40'),
    );
    expect(version.version).toBe(3);
    await expect(standard.versionOn(1, '2026-07-01')).resolves.toMatchObject({ version: 3 });
    await expect(standard.getVersion(1, 2)).resolves.toMatchObject({ version: 2 });
  });

  it('should refuse a version starting before the newest one, storing nothing', async () => {
    await expect(
      standard.register(1, withRate('2026-06-01', 'haircut', '1.20'), 'new.json'),
    ).rejects.toThrow(
      'new.json: effectiveFrom 2026-06-01 is before 2026-07-01, the start of stored version 3',
    );
    expect((await standard.listVersions(1)).items).toHaveLength(3);
  });

  it('should refuse the content of an older version after a newer one was stored', async () => {
    await expect(
      standard.register(1, readStandardFile('config/scoring-standard.json'), 'old.json'),
    ).rejects.toThrow(
      'old.json: its content is that of stored version 1 (from 2025-01-01), but version 3 (from 2026-07-01) was stored after it',
    );
  });

  it('should stop the start with a message naming the bad item', async () => {
    const raw = shippedStandard();
    raw.categories[2].items[1].pointsPerUnit = '-1';
    const dir = configDir({ 'scoring-standard.json': raw });
    const config = t.ctx.get<AppConfig>(APP_CONFIG);
    const startConfig = { ...config, configDir: dir.dir };
    const starting = new StandardService(
      t.db,
      t.clock,
      startConfig,
      new CommunityRules(t.db, startConfig),
    );
    try {
      await expect(starting.onModuleInit()).rejects.toThrow(StandardFileError);
      await expect(starting.onModuleInit()).rejects.toThrow(
        `${dir.dir}/scoring-standard.json: category "environment", item "waste_sorting": pointsPerUnit must not be negative`,
      );
      dir.write('scoring-standard.json', '{ "effectiveFrom": ');
      await expect(starting.onModuleInit()).rejects.toThrow(
        /scoring-standard\.json: is not valid JSON/,
      );
      dir.remove();
      await expect(starting.onModuleInit()).rejects.toThrow(
        /scoring-standard\.json: cannot be read/,
      );
    } finally {
      dir.remove();
    }
    expect((await standard.listVersions(1)).items).toHaveLength(3);
  });

  it('should answer 404 for a version that was never stored', async () => {
    await expect(standard.getVersion(1, 99)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});
