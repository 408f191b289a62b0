import { SchedulerRegistry } from '@nestjs/schedule';
import { createTestContext } from '../test/support/test-app';
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
      const current = await t.ctx.get(RedemptionWindowsService).current();
      expect(current.open || current.next !== null).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('should register no scheduler and run no job at start when SCHEDULER_ENABLED=false', async () => {
    const t = await createTestContext({ env: { SCHEDULER_ENABLED: 'false' } });
    try {
      expect(() => t.ctx.get(SchedulerRegistry)).toThrow();
      const current = await t.ctx.get(RedemptionWindowsService).current();
      expect(current).toEqual({ open: false, window: null, next: null });
    } finally {
      await t.close();
    }
  });
});
