import { SchedulerRegistry } from '@nestjs/schedule';
import { join } from 'node:path';
import { configDir, ConfigDir } from '../test/support/config-dir';
import { createTestContext, testConfig } from '../test/support/test-app';
import { createApp } from './app.factory';
import { AppModule } from './app.module';
import { ConfigError } from './config/app-config';
import { RedemptionWindowsService } from './shop/redemption-windows.service';

describe('AppModule', () => {
  it('should register every scheduled job once when SCHEDULER_ENABLED and run the window job at start', async () => {
    const t = await createTestContext({ env: { SCHEDULER_ENABLED: 'true' } });
    try {
      const names = [...t.ctx.get(SchedulerRegistry).getCronJobs().keys()].sort();
      expect(names).toEqual([
        'redemption-windows',
        'retention',
        'sqlite-backup',
        'star-rating-year-end',
      ]);
      // The start-up run created the configured windows without anyone calling the job.
      const current = await t.ctx.get(RedemptionWindowsService).current(1);
      expect(current.open || current.next !== null).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('should register no scheduler and run no job at start when SCHEDULER_ENABLED=false', async () => {
    const t = await createTestContext({ env: { SCHEDULER_ENABLED: 'false' } });
    try {
      expect(() => t.ctx.get(SchedulerRegistry)).toThrow();
      const current = await t.ctx.get(RedemptionWindowsService).current(1);
      expect(current).toEqual({ open: false, window: null, next: null });
    } finally {
      await t.close();
    }
  });
});

describe('AppModule community files', () => {
  const database = { type: 'sqlite' as const, path: ':memory:', synchronous: 'NORMAL' as const };
  let dir: ConfigDir;
  afterEach(() => dir.remove());

  it.each([
    ['redemption.json', { every: 'year' }, /redemption\.json: every must be "quarter"/],
    ['redemption.json', { openDay: 25 }, /redemption\.json: file: unknown field "openDay"/],
    ['star-rating.json', { pointsForStars: [1, 2, 3] }, /star-rating\.json: pointsForStars must/],
    [
      'star-rating.json',
      { pointsForStars: [1, 2, 3, 4, 5], hoursPreset: 'national' },
      /star-rating\.json: file: unknown field "hoursPreset"/,
    ],
  ])(
    'should stop on a bad %s before Nest builds anything, with one line naming the file and field',
    async (file, content, message) => {
      dir = configDir({ [file]: content });
      const config = testConfig(database, { CONFIG_DIR: dir.dir });
      expect(() => AppModule.forRoot({ config })).toThrow(ConfigError);
      expect(() => AppModule.forRoot({ config })).toThrow(message);
      const err = await createApp({ config, logger: false }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain('\n');
      expect((err as Error).message.startsWith(join(dir.dir, file))).toBe(true);
    },
  );
});
