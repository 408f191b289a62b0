import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MoreThan, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommunityRules } from '../communities/community-rules';
import { ServiceRecord } from '../service-records/entities/service-record.entity';
import { StandardVersionRow } from './entities/standard-version.entity';
import {
  ScoringStandard,
  StandardFileError,
  standardHash,
  StandardVersion,
  standardView,
} from './scoring-standard';

export { readStandardFile, STANDARD_FILE } from './standard-file';

/**
 * The scoring standard and its versions, per community. At start each community's file (its own,
 * `config/communities/<code>/scoring-standard.json`, else the shared `config/scoring-standard.json`;
 * read and checked by CommunityRules) is stored, when its content is new, as that community's next
 * version (1, 2, … per community); versions are never changed or deleted, so a record always keeps
 * the rates it was scored with. A community created later gets its first version on first use.
 */
@Injectable()
export class StandardService implements OnModuleInit {
  private readonly logger = new Logger(StandardService.name);
  /** Stored versions are immutable, so a parsed copy can be kept for the life of the process. */
  private readonly cache = new Map<string, StandardVersion>();
  /** Communities whose file was registered by this process (at start, or on first use). */
  private readonly registered = new Set<number>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: CommunityRules,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const set of await this.rules.loadAll()) {
      await this.registerFile(set.communityId);
    }
  }

  /** Stores the community's standard file as its next version when its content is new. */
  private async registerFile(communityId: number): Promise<void> {
    const set = await this.rules.of(communityId);
    const path = set.standardFile;
    const { version, created } = await this.register(communityId, set.standard, path);
    // Inside a caller's write (a first posting) the version is kept only once that write commits.
    this.db.afterCommit(() => this.registered.add(communityId));
    const of = communityId === 1 && set.code === 'default' ? '' : ` of community ${set.code}`;
    if (created) {
      this.logger.log(`scoring standard version ${version.version}${of} stored from ${path}`);
    }
    if (version.effectiveFrom > this.today()) {
      this.logger.warn(
        `scoring standard version ${version.version}${of} takes effect on ${version.effectiveFrom}; until then the earlier version stays in force`,
      );
    }
  }

  /** A community created after the start has its file stored on its first use. */
  private async ensureRegistered(communityId: number): Promise<void> {
    if (!this.registered.has(communityId)) {
      await this.registerFile(communityId);
    }
  }

  /**
   * Stores a standard as the next version unless the same content is already stored. Refuses a file
   * that would reorder history: an effectiveFrom before the newest version's, or the content of an
   * older version after a newer one was stored.
   */
  async register(
    communityId: number,
    standard: ScoringStandard,
    source = 'scoring standard',
  ): Promise<{ version: StandardVersion; created: boolean }> {
    const contentHash = standardHash(standard);
    const result = await this.db.write(async (em) => {
      // Instances starting together must not both store the same new version.
      await this.db.lockName(`standard-versions:${communityId}`);
      const newest = await em.findOne(StandardVersionRow, {
        where: { communityId },
        order: { version: 'DESC' },
      });
      const same = await em.findOneBy(StandardVersionRow, { communityId, contentHash });
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
        communityId,
        version: (newest?.version ?? 0) + 1,
        effectiveFrom: standard.effectiveFrom,
        contentHash,
        content: JSON.stringify(standard),
        loadedAt: this.clock.now().toISOString(),
      };
      await em.insert(StandardVersionRow, row);
      const laterRecords = await em.countBy(ServiceRecord, {
        communityId,
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

  /** The community's version in force on a local date, or null before its first version starts. */
  async versionOn(communityId: number, date: string): Promise<StandardVersion | null> {
    await this.ensureRegistered(communityId);
    // Only the number is read on every posting; each version's content is parsed once (cache).
    const rows: { version: unknown }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT version FROM standard_versions WHERE community_id = ? AND effective_from <= ?
           ORDER BY effective_from DESC, version DESC LIMIT 1`,
        ),
        [communityId, date],
      ),
    );
    return rows.length ? this.getVersion(communityId, Number(rows[0].version)) : null;
  }

  /** One stored version of the community (versions are numbered per community). */
  async getVersion(communityId: number, version: number): Promise<StandardVersion> {
    const cached = this.cache.get(`${communityId}:${version}`);
    if (cached) {
      return cached;
    }
    const row = await this.db.read((em) =>
      em.findOneBy(StandardVersionRow, { communityId, version }),
    );
    if (!row) {
      throw DomainError.notFound('standard version');
    }
    return this.toVersion(row);
  }

  /**
   * `GET /api/standard?date=`: the community's version in force that day (default today) and
   * until when.
   */
  async viewOn(communityId: number, date: string | undefined) {
    const day = date ?? this.today();
    const version = await this.versionOn(communityId, day);
    if (!version) {
      throw DomainError.notFound(`a scoring standard in force on ${day}`);
    }
    const next = await this.db.read((em) =>
      em.findOne(StandardVersionRow, {
        where: { communityId, effectiveFrom: MoreThan(version.effectiveFrom) },
        order: { effectiveFrom: 'ASC' },
      }),
    );
    return standardView(version, next ? addDays(next.effectiveFrom, -1) : null);
  }

  /** Every stored version of the community, newest first, for auditors. */
  async listVersions(communityId: number) {
    await this.ensureRegistered(communityId);
    const rows = await this.db.read((em) =>
      em.find(StandardVersionRow, { where: { communityId }, order: { version: 'DESC' } }),
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
    const key = `${row.communityId}:${row.version}`;
    let v = this.cache.get(key);
    if (!v) {
      const standard = JSON.parse(row.content) as ScoringStandard;
      v = { ...standard, version: row.version, contentHash: row.contentHash };
      this.cache.set(key, v);
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
