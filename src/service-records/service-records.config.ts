import { DomainError } from '../common/errors';
import { Cents, formatCents, parseCents } from '../common/points';
import { ConfigError } from '../config/app-config';
import { configObject, readConfigFile } from '../config/config-file';

export const SERVICE_RECORDS_FILE = 'service-records.json';

export interface ServiceRecordsConfig {
  /** Records logged by leaders wait as `pending` until an admin approves them. */
  approvalRequired: boolean;
  /** How many days back a service date may lie (today minus this is the earliest). */
  backDatingDays: number;
  /** Hundredths of service hours one member may be credited per day, over all items. */
  maxHoursPerDay: Cents;
}

export const DEFAULT_SERVICE_RECORDS_CONFIG: ServiceRecordsConfig = {
  approvalRequired: false,
  backDatingDays: 90,
  maxHoursPerDay: 1200,
};

const BACK_DATING_DAYS_MAX = 3660;
const HOURS_PER_DAY_MAX: Cents = 2400;

/** Validates the content of config/service-records.json; absent fields keep their defaults. */
export function parseServiceRecordsConfig(raw: unknown, source: string): ServiceRecordsConfig {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${source}: ${field}: ${problem}`);
  };
  const obj = configObject(raw, ['approvalRequired', 'backDatingDays', 'maxHoursPerDay'], source);
  const config = { ...DEFAULT_SERVICE_RECORDS_CONFIG };
  if (obj.approvalRequired !== undefined) {
    if (typeof obj.approvalRequired !== 'boolean') {
      fail('approvalRequired', 'must be true or false');
    }
    config.approvalRequired = obj.approvalRequired as boolean;
  }
  if (obj.backDatingDays !== undefined) {
    const days = obj.backDatingDays;
    if (
      !Number.isInteger(days) ||
      (days as number) < 0 ||
      (days as number) > BACK_DATING_DAYS_MAX
    ) {
      fail('backDatingDays', `must be a whole number of days from 0 to ${BACK_DATING_DAYS_MAX}`);
    }
    config.backDatingDays = days as number;
  }
  if (obj.maxHoursPerDay !== undefined) {
    try {
      config.maxHoursPerDay = parseCents(obj.maxHoursPerDay, { field: 'maxHoursPerDay' });
    } catch (err) {
      if (err instanceof DomainError) {
        fail('maxHoursPerDay', err.message);
      }
      throw err;
    }
    if (config.maxHoursPerDay > HOURS_PER_DAY_MAX) {
      fail('maxHoursPerDay', `must be at most ${formatCents(HOURS_PER_DAY_MAX)} hours`);
    }
  }
  return config;
}

/** Reads config/service-records.json; without the file the defaults apply. */
export function loadServiceRecordsConfig(path: string): ServiceRecordsConfig {
  const raw = readConfigFile(path);
  return raw === undefined
    ? { ...DEFAULT_SERVICE_RECORDS_CONFIG }
    : parseServiceRecordsConfig(raw, path);
}
