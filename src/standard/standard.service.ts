import { UNSCOPED_COMMUNITY } from '../communities/unscoped';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MoreThan, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ServiceRecord } from '../service-records/entities/service-record.entity';
import { StandardVersionRow } from './entities/standard-version.entity';
import {
  parseStandard,
  ScoringStandard,
  StandardFileError,
  standardHash,
  StandardVersion,
  standardView,
} from './scoring-standard';

export const STANDARD_FILE = 'scoring-standard.json';

/** Reads and validates a scoring standard file; a problem throws naming the file and the item. */
export function readStandardFile(path: string): ScoringStandard {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new StandardFileError(`${path}: cannot be read; the service needs a scoring standard`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StandardFileError(`${path}: is not valid JSON (${(err as Error).message})`);
  }
  return parseStandard(raw, path);
}

/**
 * The scoring standard and its versions. At start the file in CONFIG_DIR is validated and, when its
 * content is new, stored as the next version; versions are never changed or deleted, so a record
 * always keeps the rates it was scored with.
 */
@Injectable()
export class StandardService implements OnModuleInit {
  private readonly logger = new Logger(StandardService.name);
  /** Stored versions are immutable, so a parsed copy can be kept for the life of the process. */
  private readonly cache = new Map<number, StandardVersion>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const path = join(this.config.configDir, STANDARD_FILE);
    const { version, created } = await this.register(readStandardFile(path), path);
    if (created) {
      this.logger.log(`scoring standard version ${version.version} stored from ${path}`);
    }
    if (version.effectiveFrom > this.today()) {
      this.logger.warn(
        `scoring standard version ${version.version} takes effect on ${version.effectiveFrom}; until then the earlier version stays in force`,
      );
    }
  }

  /**
   * Stores a standard as the next version unless the same content is already stored. Refuses a file
   * that would reorder history: an effectiveFrom before the newest version's, or the content of an
   * older version after a newer one was stored.
   */
  async register(
    standard: ScoringStandard,
    source = 'scoring standard',
  ): Promise<{ version: StandardVersion; created: boolean }> {
    const contentHash = standardHash(standard);
    const result = await this.db.write(async (em) => {
      // Instances starting together must not both store the same new version.
      await this.db.lockName('standard-versions');
      const newest = await em.findOne(StandardVersionRow, {
        where: {},
        order: { version: 'DESC' },
      });
      const same = await em.findOneBy(StandardVersionRow, { contentHash });
      if (same) {
        if (newest && newest.version !== same.version) {
          throw new StandardFileError(
            `${source}: its content is that of stored version ${same.version} (from ${same.effectiveFrom}), but version ${newest.version} (from ${newest.effectiveFrom}) was stored after it. Versions are never removed; to bring these rates back, give the file an effectiveFrom on or after ${newest.effectiveFrom}.`,
          );
        }
        return { row: same, created: false, laterRecords: 0 };
      }
      if (newest && standard.effectiveFrom < newest.effectiveFrom) {
        throw new StandardFileError(
          `${source}: effectiveFrom ${standard.effectiveFrom} is before ${newest.effectiveFrom}, the start of stored version ${newest.version}; a new version must start on or after it`,
        );
      }
      const row: StandardVersionRow = {
        communityId: UNSCOPED_COMMUNITY,
        version: (newest?.version ?? 0) + 1,
        effectiveFrom: standard.effectiveFrom,
        contentHash,
        content: JSON.stringify(standard),
        loadedAt: this.clock.now().toISOString(),
      };
      await em.insert(StandardVersionRow, row);
      const laterRecords = await em.countBy(ServiceRecord, {
        serviceDate: MoreThanOrEqual(standard.effectiveFrom),
      });
      return { row, created: true, laterRecords };
    });
    if (result.laterRecords > 0) {
      this.logger.warn(
        `scoring standard version ${result.row.version} starts ${standard.effectiveFrom}; ${result.laterRecords} service records dated on or after it keep the version that scored them`,
      );
    }
    return { version: this.toVersion(result.row), created: result.created };
  }

  /** The version in force on a local date, or null before the first version starts. */
  async versionOn(date: string): Promise<StandardVersion | null> {
    // Only the number is read on every posting; each version's content is parsed once (cache).
    const rows: { version: unknown }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT version FROM standard_versions WHERE effective_from <= ?
           ORDER BY effective_from DESC, version DESC LIMIT 1`,
        ),
        [date],
      ),
    );
    return rows.length ? this.getVersion(Number(rows[0].version)) : null;
  }

  async getVersion(version: number): Promise<StandardVersion> {
    const cached = this.cache.get(version);
    if (cached) {
      return cached;
    }
    const row = await this.db.read((em) => em.findOneBy(StandardVersionRow, { version }));
    if (!row) {
      throw DomainError.notFound('standard version');
    }
    return this.toVersion(row);
  }

  /** `GET /api/standard?date=`: the version in force that day (default today) and until when. */
  async viewOn(date: string | undefined) {
    const day = date ?? this.today();
    const version = await this.versionOn(day);
    if (!version) {
      throw DomainError.notFound(`a scoring standard in force on ${day}`);
    }
    const next = await this.db.read((em) =>
      em.findOne(StandardVersionRow, {
        where: { effectiveFrom: MoreThan(version.effectiveFrom) },
        order: { effectiveFrom: 'ASC' },
      }),
    );
    return standardView(version, next ? addDays(next.effectiveFrom, -1) : null);
  }

  /** Every stored version, newest first, for auditors. */
  async listVersions() {
    const rows = await this.db.read((em) =>
      em.find(StandardVersionRow, { order: { version: 'DESC' } }),
    );
    return {
      items: rows.map((r) => {
        const v = this.toVersion(r);
        return {
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          title: v.title,
          contentHash: v.contentHash,
          loadedAt: r.loadedAt,
          categories: v.categories.length,
          items: v.categories.reduce((n, c) => n + c.items.length, 0),
        };
      }),
    };
  }

  today(): string {
    return this.clock.today(this.config.timeZone);
  }

  private toVersion(row: StandardVersionRow): StandardVersion {
    let v = this.cache.get(row.version);
    if (!v) {
      const standard = JSON.parse(row.content) as ScoringStandard;
      v = { ...standard, version: row.version, contentHash: row.contentHash };
      this.cache.set(row.version, v);
    }
    return v;
  }
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
