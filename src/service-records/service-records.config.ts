import { DomainError } from '../common/errors';
import { Cents, formatCents, parseCents } from '../common/points';
import { ConfigError } from '../config/app-config';
import { configObject, readConfigFile } from '../config/config-file';
import { DEFAULT_HOURS_ROUNDING, HoursRounding } from '../events/event-hours';

export const SERVICE_RECORDS_FILE = 'service-records.json';

export interface ServiceRecordsConfig {
  /** Records logged by leaders wait as `pending` until an admin approves them. */
  approvalRequired: boolean;
  /** How many days back a service date may lie (today minus this is the earliest). */
  backDatingDays: number;
  /** Hundredths of service hours one member may be credited per day, over all items. */
  maxHoursPerDay: Cents;
  /** How an event's check-in to check-out time becomes hours: a step of minutes, rounded down, to the nearest or up. */
  eventHours: HoursRounding;
  /** The scoring item a fulfilled wish (微心愿) is credited under, for each volunteer who did it. */
  wishItemCode: string;
}

export const DEFAULT_SERVICE_RECORDS_CONFIG: ServiceRecordsConfig = {
  approvalRequired: false,
  backDatingDays: 90,
  maxHoursPerDay: 1200,
  eventHours: DEFAULT_HOURS_ROUNDING,
  wishItemCode: 'elderly_visit',
};

const ROUNDING_MODES: HoursRounding['mode'][] = ['down', 'nearest', 'up'];

const BACK_DATING_DAYS_MAX = 3660;
const HOURS_PER_DAY_MAX: Cents = 2400;

/** Validates the content of config/service-records.json; absent fields keep their defaults. */
export function parseServiceRecordsConfig(raw: unknown, source: string): ServiceRecordsConfig {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${source}: ${field}: ${problem}`);
  };
  const obj = configObject(
    raw,
    ['approvalRequired', 'backDatingDays', 'maxHoursPerDay', 'eventHours', 'wishItemCode'],
    source,
  );
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
  if (obj.eventHours !== undefined) {
    config.eventHours = parseEventHours(obj.eventHours, fail);
  }
  if (obj.wishItemCode !== undefined) {
    const code = obj.wishItemCode;
    if (typeof code !== 'string' || !/^[a-z0-9_]{1,40}$/.test(code)) {
      fail('wishItemCode', 'must be an item code of the scoring standard, like "elderly_visit"');
    }
    config.wishItemCode = code as string;
  }
  return config;
}

/** `eventHours`: a step of whole minutes that divides an hour (1..60), and a rounding mode. */
function parseEventHours(
  raw: unknown,
  fail: (field: string, problem: string) => never,
): HoursRounding {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('eventHours', 'must be an object like {"stepMinutes": 15, "mode": "down"}');
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => k !== 'stepMinutes' && k !== 'mode');
  if (unknown.length > 0) {
    fail('eventHours', `unknown field "${unknown[0]}" (known: stepMinutes, mode)`);
  }
  const rounding = { ...DEFAULT_HOURS_ROUNDING };
  if (obj.stepMinutes !== undefined) {
    const step = obj.stepMinutes;
    if (
      typeof step !== 'number' ||
      !Number.isInteger(step) ||
      step < 1 ||
      step > 60 ||
      60 % step !== 0
    ) {
      fail(
        'eventHours.stepMinutes',
        'must be a whole number of minutes from 1 to 60 that divides an hour (1, 5, 6, 10, 15, 30, 60, …)',
      );
    }
    rounding.stepMinutes = step;
  }
  if (obj.mode !== undefined) {
    if (!ROUNDING_MODES.includes(obj.mode as HoursRounding['mode'])) {
      fail('eventHours.mode', `must be one of ${ROUNDING_MODES.join(', ')}`);
    }
    rounding.mode = obj.mode as HoursRounding['mode'];
  }
  return rounding;
}

/** Reads config/service-records.json; without the file the defaults apply. */
export function loadServiceRecordsConfig(path: string): ServiceRecordsConfig {
  const raw = readConfigFile(path);
  return raw === undefined
    ? { ...DEFAULT_SERVICE_RECORDS_CONFIG }
    : parseServiceRecordsConfig(raw, path);
}
