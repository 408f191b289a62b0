import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config';
import {
  DEFAULT_REDEMPTION_RULE,
  loadRedemptionRule,
  parseRedemptionRule,
  periodOf,
  RedemptionRule,
  scheduledWindowsAround,
} from './redemption-rule';

const TZ = 'Asia/Shanghai';
const iso = (w: { periodKey: string; opensAt: Date; closesAt: Date }) => ({
  periodKey: w.periodKey,
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt.toISOString(),
});

describe('redemption rule', () => {
  it('should place the default window from the 25th 09:00 to the last day 18:00 of each quarter', () => {
    const q1 = scheduledWindowsAround(
      new Date('2026-01-10T00:00:00Z'),
      DEFAULT_REDEMPTION_RULE,
      TZ,
    );
    expect(q1.map(iso)).toEqual([
      {
        periodKey: '2026-Q1',
        opensAt: '2026-03-25T01:00:00.000Z',
        closesAt: '2026-03-31T10:00:00.000Z',
      },
      {
        periodKey: '2026-Q2',
        opensAt: '2026-06-25T01:00:00.000Z',
        closesAt: '2026-06-30T10:00:00.000Z',
      },
    ]);
    const q4 = scheduledWindowsAround(
      new Date('2026-11-02T00:00:00Z'),
      DEFAULT_REDEMPTION_RULE,
      TZ,
    );
    expect(q4.map(iso)).toEqual([
      {
        periodKey: '2026-Q4',
        opensAt: '2026-12-25T01:00:00.000Z',
        closesAt: '2026-12-31T10:00:00.000Z',
      },
      {
        periodKey: '2027-Q1',
        opensAt: '2027-03-25T01:00:00.000Z',
        closesAt: '2027-03-31T10:00:00.000Z',
      },
    ]);
  });

  it('should take the quarter from the local date, not the UTC date', () => {
    // 2026-03-31 20:00 UTC is already 1 April in Shanghai: the second quarter.
    expect(periodOf('2026-04-01', DEFAULT_REDEMPTION_RULE)?.key).toBe('2026-Q2');
    const around = scheduledWindowsAround(
      new Date('2026-03-31T20:00:00Z'),
      DEFAULT_REDEMPTION_RULE,
      TZ,
    );
    expect(around.map((w) => w.periodKey)).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('should place monthly windows and handle February and leap years', () => {
    const rule: RedemptionRule = {
      every: 'month',
      monthOfPeriod: 1,
      opens: { day: 20, time: '08:30' },
      closes: { day: 'last', time: '17:00' },
    };
    const feb = scheduledWindowsAround(new Date('2028-02-03T00:00:00Z'), rule, TZ);
    expect(feb.map(iso)).toEqual([
      {
        periodKey: '2028-02',
        opensAt: '2028-02-20T00:30:00.000Z',
        closesAt: '2028-02-29T09:00:00.000Z',
      },
      {
        periodKey: '2028-03',
        opensAt: '2028-03-20T00:30:00.000Z',
        closesAt: '2028-03-31T09:00:00.000Z',
      },
    ]);
    const dec = scheduledWindowsAround(new Date('2026-12-15T00:00:00Z'), rule, TZ);
    expect(dec.map((w) => w.periodKey)).toEqual(['2026-12', '2027-01']);
  });

  it('should plan no windows when they do not recur', () => {
    const rule = parseRedemptionRule({ every: 'none' }, 'test.json');
    expect(scheduledWindowsAround(new Date('2026-06-01T00:00:00Z'), rule, TZ)).toEqual([]);
  });

  it('should read the shipped config/redemption.json as the default rule', () => {
    expect(loadRedemptionRule('config')).toEqual(DEFAULT_REDEMPTION_RULE);
  });

  it('should use the default rule when the file is missing and refuse a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redemption-rule-'));
    try {
      expect(loadRedemptionRule(dir)).toEqual(DEFAULT_REDEMPTION_RULE);
      writeFileSync(join(dir, 'redemption.json'), '{ "every": ');
      expect(() => loadRedemptionRule(dir)).toThrow(ConfigError);
      expect(() => loadRedemptionRule(dir)).toThrow(/redemption\.json: is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ every: 'year' }, /every must be "quarter", "month" or "none"/],
    [{ monthOfPeriod: 4 }, /monthOfPeriod must be a whole number from 1 to 3/],
    [{ every: 'month', monthOfPeriod: 2 }, /monthOfPeriod must be a whole number from 1 to 1/],
    [{ opens: { day: 30, time: '09:00' } }, /opens\.day must be a day from 1 to 28 or "last"/],
    [{ opens: { day: 25, time: '9am' } }, /opens\.time must be a time HH:MM/],
    [{ closes: { day: 24, time: '18:00' } }, /closes must come after opens/],
    [
      { opens: { day: 'last', time: '18:00' }, closes: { day: 'last', time: '09:00' } },
      /closes must come after opens/,
    ],
    [
      { openDay: 25 },
      /file: unknown field "openDay" \(known: every, monthOfPeriod, opens, closes\)/,
    ],
    [[], /must be a JSON object/],
  ])('should refuse %j naming the field', (json, message) => {
    expect(() => parseRedemptionRule(json, 'config/redemption.json')).toThrow(message);
  });
});
