import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config';
import {
  DEFAULT_SERVICE_RECORDS_CONFIG,
  loadServiceRecordsConfig,
  parseServiceRecordsConfig,
} from './service-records.config';

describe(parseServiceRecordsConfig.name, () => {
  it('should read the shipped file as the documented defaults', () => {
    expect(loadServiceRecordsConfig('config/service-records.json')).toEqual({
      approvalRequired: false,
      backDatingDays: 90,
      maxHoursPerDay: 1200,
      eventHours: { stepMinutes: 15, mode: 'down' },
      wishItemCode: 'elderly_visit',
    });
    // A file that sets nothing gets the defaults, and they are what the shipped file says.
    expect(parseServiceRecordsConfig({}, 'f.json')).toEqual(
      loadServiceRecordsConfig('config/service-records.json'),
    );
  });

  it('should use the defaults when the file is absent', () => {
    expect(loadServiceRecordsConfig('/nonexistent/service-records.json')).toEqual(
      DEFAULT_SERVICE_RECORDS_CONFIG,
    );
  });

  it('should take given values and keep defaults for the rest', () => {
    expect(
      parseServiceRecordsConfig({ approvalRequired: true, maxHoursPerDay: 10.5 }, 'f.json'),
    ).toEqual({
      approvalRequired: true,
      backDatingDays: 90,
      maxHoursPerDay: 1050,
      eventHours: { stepMinutes: 15, mode: 'down' },
      wishItemCode: 'elderly_visit',
    });
  });

  it('should take an event-hours rounding rule, keeping the default for what it leaves out', () => {
    expect(
      parseServiceRecordsConfig({ eventHours: { stepMinutes: 30, mode: 'nearest' } }, 'f.json')
        .eventHours,
    ).toEqual({ stepMinutes: 30, mode: 'nearest' });
    expect(parseServiceRecordsConfig({ eventHours: { mode: 'up' } }, 'f.json').eventHours).toEqual({
      stepMinutes: 15,
      mode: 'up',
    });
    expect(
      parseServiceRecordsConfig({ eventHours: { stepMinutes: 1 } }, 'f.json').eventHours,
    ).toEqual({ stepMinutes: 1, mode: 'down' });
  });

  it.each([
    [{ approvalRequired: 'yes' }, 'f.json: approvalRequired: must be true or false'],
    [{ backDatingDays: -1 }, 'f.json: backDatingDays: must be a whole number of days'],
    [{ backDatingDays: 1.5 }, 'f.json: backDatingDays: must be a whole number of days'],
    [{ maxHoursPerDay: 0 }, 'f.json: maxHoursPerDay: maxHoursPerDay must be greater than zero'],
    [{ maxHoursPerDay: 25 }, 'f.json: maxHoursPerDay: must be at most 24.00 hours'],
    [{ approval: true }, 'f.json: file: unknown field "approval" (known: approvalRequired,'],
    [[], 'f.json: file: must be a JSON object'],
    [{ eventHours: 15 }, 'f.json: eventHours: must be an object like'],
    [{ eventHours: { step: 15 } }, 'f.json: eventHours: unknown field "step"'],
    [{ eventHours: { stepMinutes: 7 } }, 'f.json: eventHours.stepMinutes: must be a whole number'],
    [{ eventHours: { stepMinutes: 0 } }, 'f.json: eventHours.stepMinutes: must be a whole number'],
    [{ eventHours: { stepMinutes: 90 } }, 'f.json: eventHours.stepMinutes: must be a whole number'],
    [{ eventHours: { stepMinutes: '15' } }, 'f.json: eventHours.stepMinutes: must be a whole'],
    [{ eventHours: { mode: 'half' } }, 'f.json: eventHours.mode: must be one of down, nearest, up'],
  ])('should refuse %p naming the field', (raw, message) => {
    expect(() => parseServiceRecordsConfig(raw, 'f.json')).toThrow(ConfigError);
    expect(() => parseServiceRecordsConfig(raw, 'f.json')).toThrow(message);
  });

  it('should refuse a file that is not JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sr-config-'));
    try {
      writeFileSync(join(dir, 'service-records.json'), '{ "approvalRequired": tru }');
      expect(() => loadServiceRecordsConfig(join(dir, 'service-records.json'))).toThrow(
        `${join(dir, 'service-records.json')}: is not valid JSON`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
