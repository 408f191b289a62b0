import { createHash } from 'node:crypto';
import { isIsoDate } from '../common/clock';
import { DomainError } from '../common/errors';
import { canonicalJson } from '../common/idempotency/idempotency.interceptor';
import { Cents, formatCents, multiplyCents, parseCents } from '../common/points';
import { ConfigError } from '../config/app-config';

export type ItemUnit = 'hour' | 'time';
export const ITEM_UNITS: ItemUnit[] = ['hour', 'time'];

export interface StandardItem {
  code: string;
  name: string;
  unit: ItemUnit;
  /** Hundredths of a point per unit. */
  pointsPerUnit: Cents;
  /** Hundredths of a unit a member may be credited per day, or null for no cap of its own. */
  maxUnitsPerDay: Cents | null;
  /** Awarded by an administrator only (好人好事), never logged by a leader. */
  adminOnly: boolean;
  /**
   * Hundredths of service hours one time of a `time` item stands for (a fair morning, a home
   * visit). Absent in versions written before it existed: their `time` records carry 0 hours.
   */
  hoursPerTime?: Cents;
}

export interface StandardCategory {
  code: string;
  name: string;
  items: StandardItem[];
}

/** One scoring standard as the community wrote it, normalised (amounts in hundredths). */
export interface ScoringStandard {
  title: string | null;
  effectiveFrom: string;
  categories: StandardCategory[];
}

/** A standard as stored: the version number it got when its content first appeared. */
export interface StandardVersion extends ScoringStandard {
  version: number;
  contentHash: string;
}

export interface ResolvedItem {
  item: StandardItem;
  category: StandardCategory;
}

/** A scoring standard file that cannot be used; the message names the file and the item. */
export class StandardFileError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'StandardFileError';
  }
}

const CODE_RE = /^[a-z][a-z0-9_]{1,39}$/;
const NAME_LENGTH_MAX = 50;
const POINTS_PER_UNIT_MAX: Cents = 100_000; // 1000.00 points for one unit is surely a typo
const HOURS_PER_DAY_MAX: Cents = 2400;
const TIMES_PER_DAY_MAX: Cents = 100_000;

type Json = Record<string, unknown>;

/**
 * Validates the content of config/scoring-standard.json and normalises it. Every problem names
 * where it is (category and item code) so whoever edits the file can fix it without reading code.
 */
export function parseStandard(raw: unknown, source = 'scoring standard'): ScoringStandard {
  const fail = (where: string, problem: string): never => {
    throw new StandardFileError(`${source}: ${where}: ${problem}`);
  };
  const root = asObject(raw, () => fail('file', 'must be a JSON object'));
  onlyKeys(root, ['title', 'effectiveFrom', 'categories'], (k) =>
    fail('file', `unknown field "${k}"`),
  );
  const title = root.title === undefined ? null : text(root.title, (p) => fail('title', p), 100);
  if (!isIsoDate(root.effectiveFrom)) {
    fail('effectiveFrom', 'must be a date written YYYY-MM-DD');
  }
  const effectiveFrom = root.effectiveFrom as string;
  if (!Array.isArray(root.categories) || root.categories.length === 0) {
    fail('categories', 'must be a non-empty list');
  }
  const categoryCodes = new Set<string>();
  const itemCodes = new Map<string, string>();
  const categories = (root.categories as unknown[]).map((c, ci): StandardCategory => {
    const cat = asObject(c, () => fail(`categories[${ci}]`, 'must be an object'));
    const catWhere = `category ${typeof cat.code === 'string' ? `"${cat.code}"` : `#${ci + 1}`}`;
    onlyKeys(cat, ['code', 'name', 'items'], (k) => fail(catWhere, `unknown field "${k}"`));
    const code = codeOf(cat.code, (p) => fail(catWhere, `code ${p}`));
    if (categoryCodes.has(code)) {
      fail(catWhere, 'code is used by another category');
    }
    categoryCodes.add(code);
    const name = text(cat.name, (p) => fail(catWhere, `name ${p}`), NAME_LENGTH_MAX);
    if (!Array.isArray(cat.items) || cat.items.length === 0) {
      fail(catWhere, 'items must be a non-empty list');
    }
    const items = (cat.items as unknown[]).map((i, ii): StandardItem => {
      const it = asObject(i, () => fail(`${catWhere}, item #${ii + 1}`, 'must be an object'));
      const where = `${catWhere}, item ${typeof it.code === 'string' ? `"${it.code}"` : `#${ii + 1}`}`;
      const bad = (p: string): never => fail(where, p);
      onlyKeys(
        it,
        ['code', 'name', 'unit', 'pointsPerUnit', 'maxUnitsPerDay', 'adminOnly', 'hoursPerTime'],
        (k) => bad(`unknown field "${k}"`),
      );
      const itemCode = codeOf(it.code, (p) => bad(`code ${p}`));
      const other = itemCodes.get(itemCode);
      if (other !== undefined) {
        bad(`code is already used in category "${other}"`);
      }
      itemCodes.set(itemCode, code);
      const itemName = text(it.name, (p) => bad(`name ${p}`), NAME_LENGTH_MAX);
      if (!ITEM_UNITS.includes(it.unit as ItemUnit)) {
        bad(`unit must be "hour" or "time", not ${JSON.stringify(it.unit)}`);
      }
      const unit = it.unit as ItemUnit;
      const pointsPerUnit = amount(it.pointsPerUnit, 'pointsPerUnit', bad);
      if (pointsPerUnit > POINTS_PER_UNIT_MAX) {
        bad(`pointsPerUnit must be at most ${formatCents(POINTS_PER_UNIT_MAX)}`);
      }
      let maxUnitsPerDay: Cents | null = null;
      if (it.maxUnitsPerDay !== undefined && it.maxUnitsPerDay !== null) {
        maxUnitsPerDay = amount(it.maxUnitsPerDay, 'maxUnitsPerDay', bad);
        if (unit === 'hour' && maxUnitsPerDay > HOURS_PER_DAY_MAX) {
          bad('maxUnitsPerDay of an hourly item must be at most 24 hours');
        }
        if (unit === 'time' && (maxUnitsPerDay % 100 !== 0 || maxUnitsPerDay > TIMES_PER_DAY_MAX)) {
          bad('maxUnitsPerDay of a per-time item must be a whole number of times up to 1000');
        }
      }
      if (it.adminOnly !== undefined && typeof it.adminOnly !== 'boolean') {
        bad('adminOnly must be true or false');
      }
      let hoursPerTime: Cents | undefined;
      if (it.hoursPerTime !== undefined) {
        if (unit !== 'time') {
          bad('hoursPerTime is for per-time items only: an hourly item counts its hours');
        }
        hoursPerTime = amount(it.hoursPerTime, 'hoursPerTime', bad);
        if (hoursPerTime > HOURS_PER_DAY_MAX) {
          bad('hoursPerTime must be at most 24 hours');
        }
      }
      return {
        code: itemCode,
        name: itemName,
        unit,
        pointsPerUnit,
        maxUnitsPerDay,
        adminOnly: it.adminOnly === true,
        // Only when given, so a file written before hoursPerTime keeps its content hash.
        ...(hoursPerTime === undefined ? {} : { hoursPerTime }),
      };
    });
    return { code, name, items };
  });
  return { title, effectiveFrom, categories };
}

/** Stable hash of a normalised standard: reformatting the file ("2" vs "2.00") is not a new version. */
export function standardHash(standard: ScoringStandard): string {
  return createHash('sha256').update(canonicalJson(standard)).digest('hex');
}

export function findItem(standard: ScoringStandard, itemCode: string): ResolvedItem | null {
  for (const category of standard.categories) {
    const item = category.items.find((i) => i.code === itemCode);
    if (item) {
      return { item, category };
    }
  }
  return null;
}

/** Points for a quantity: quantity x points per unit, rounded half-up to hundredths. */
export function scoreQuantity(item: StandardItem, quantity: Cents): Cents {
  return multiplyCents(quantity, item.pointsPerUnit);
}

/**
 * Hundredths of service hours a quantity stands for: the quantity of an hourly item; times x the
 * item's `hoursPerTime` of a per-time item (0 in versions that did not set it).
 */
export function hoursOf(item: StandardItem, quantity: Cents): Cents {
  if (item.unit === 'hour') {
    return quantity;
  }
  return item.hoursPerTime === undefined ? 0 : multiplyCents(quantity, item.hoursPerTime);
}

/** The API shape of a stored version (`GET /api/standard`). */
export function standardView(v: StandardVersion, effectiveUntil: string | null) {
  return {
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    effectiveUntil,
    title: v.title,
    categories: v.categories.map((c) => ({
      code: c.code,
      name: c.name,
      items: c.items.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        pointsPerUnit: formatCents(i.pointsPerUnit),
        ...(i.maxUnitsPerDay === null ? {} : { maxUnitsPerDay: formatCents(i.maxUnitsPerDay) }),
        ...(i.adminOnly ? { adminOnly: true } : {}),
        ...(i.hoursPerTime === undefined ? {} : { hoursPerTime: formatCents(i.hoursPerTime) }),
      })),
    })),
  };
}

function asObject(value: unknown, onBad: () => never): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return onBad();
  }
  return value as Json;
}

function onlyKeys(obj: Json, allowed: string[], onUnknown: (key: string) => never): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      onUnknown(key);
    }
  }
}

function codeOf(value: unknown, bad: (problem: string) => never): string {
  if (typeof value !== 'string' || !CODE_RE.test(value)) {
    return bad('must be 2-40 lowercase letters, digits or "_", starting with a letter');
  }
  return value;
}

function text(value: unknown, bad: (problem: string) => never, lengthMax: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    return bad('must be a non-empty text');
  }
  if (value.trim().length > lengthMax) {
    return bad(`must be at most ${lengthMax} characters`);
  }
  return value.trim();
}

function amount(value: unknown, field: string, bad: (problem: string) => never): Cents {
  try {
    return parseCents(value, { field });
  } catch (err) {
    if (err instanceof DomainError) {
      return bad(err.message);
    }
    throw err;
  }
}
