import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  loadStarRatingConfig,
  STAR_RATING_FILE,
  StarRatingConfig,
} from '../ratings/star-rating.config';
import {
  loadServiceRecordsConfig,
  SERVICE_RECORDS_FILE,
  ServiceRecordsConfig,
} from '../service-records/service-records.config';
import {
  loadRedemptionRule,
  REDEMPTION_CONFIG_FILE,
  RedemptionRule,
} from '../shop/redemption-rule';
import { ScoringStandard } from '../standard/scoring-standard';
import { readStandardFile, STANDARD_FILE } from '../standard/standard-file';

/** The rule files a community's folder may hold, each replacing the shared file of that name. */
export const COMMUNITY_RULE_FILES = [
  STANDARD_FILE,
  SERVICE_RECORDS_FILE,
  REDEMPTION_CONFIG_FILE,
  STAR_RATING_FILE,
] as const;

/** One community's rules, from its folder of files, file by file falling back to the shared ones. */
export interface CommunityRuleSet {
  communityId: number;
  code: string;
  /** The folder its own files are read from: `<CONFIG_DIR>/communities/<code>/`. */
  dir: string;
  /** The scoring standard file in force for it (its own or the shared one), already checked. */
  standardFile: string;
  standard: ScoringStandard;
  redemption: RedemptionRule;
  starRating: StarRatingConfig;
  serviceRecords: ServiceRecordsConfig;
}

/** The folder of a community's own rule files. */
export const communityConfigDir = (configDir: string, code: string): string =>
  join(configDir, 'communities', code);

/** A rule file of the community when it has one, else the shared default beside the folders. */
export function ruleFileOf(configDir: string, code: string, file: string): string {
  const own = join(communityConfigDir(configDir, code), file);
  return existsSync(own) ? own : join(configDir, file);
}

/** The folder a loader that takes a directory reads `file` from: the community's, or the shared. */
const ruleDirOf = (configDir: string, code: string, file: string): string =>
  existsSync(join(communityConfigDir(configDir, code), file))
    ? communityConfigDir(configDir, code)
    : configDir;

/**
 * The folders under `<configDir>/communities/` that name no community (a typo in a folder name
 * would otherwise leave that community on the shared rules in silence).
 */
export function unknownCommunityFolders(configDir: string, codes: readonly string[]): string[] {
  const root = join(configDir, 'communities');
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() && !codes.includes(name))
    .sort();
}

/**
 * The one home of "which rules apply in this community": its scoring standard file (versioned in
 * the database by StandardService), service-record settings, redemption windows and star
 * thresholds. Every community's files are read and checked at start, exactly as strictly as the
 * shared ones (a bad file stops the start, its one-line message naming file and field); a community
 * created later has its files read and checked at creation (`load`), so a bad file refuses it.
 */
@Injectable()
export class CommunityRules implements OnModuleInit {
  private readonly logger = new Logger(CommunityRules.name);
  private readonly loaded = new Map<number, CommunityRuleSet>();

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const sets = await this.loadAll();
    for (const folder of unknownCommunityFolders(
      this.config.configDir,
      sets.map((s) => s.code),
    )) {
      this.logger.warn(
        `${join(this.config.configDir, 'communities', folder)}: no community has the code "${folder}"; its files are not read (a community's folder is named by its code)`,
      );
    }
  }

  async of(communityId: number): Promise<CommunityRuleSet> {
    const known = this.loaded.get(communityId);
    if (known) {
      return known;
    }
    const rows: { code: string }[] = await this.db.read((em) =>
      em.query(sql(this.db, 'SELECT code FROM communities WHERE id = ?'), [communityId]),
    );
    if (!rows.length) {
      throw DomainError.notFound('community');
    }
    return this.load(communityId, rows[0].code);
  }

  /** Reads every community's files (at start, so a bad one stops it). */
  async loadAll(): Promise<CommunityRuleSet[]> {
    const rows: { id: unknown; code: string }[] = await this.db.read((em) =>
      em.query('SELECT id, code FROM communities ORDER BY id'),
    );
    return rows.map((r) => this.load(Number(r.id), r.code));
  }

  /** Reads and keeps a community's files; throws (naming the file and field) on a bad one. */
  load(communityId: number, code: string): CommunityRuleSet {
    const dir = this.config.configDir;
    const standardFile = ruleFileOf(dir, code, STANDARD_FILE);
    const set: CommunityRuleSet = {
      communityId,
      code,
      dir: communityConfigDir(dir, code),
      standardFile,
      standard: readStandardFile(standardFile),
      redemption: loadRedemptionRule(ruleDirOf(dir, code, REDEMPTION_CONFIG_FILE)),
      starRating: loadStarRatingConfig(ruleDirOf(dir, code, STAR_RATING_FILE)),
      serviceRecords: loadServiceRecordsConfig(ruleFileOf(dir, code, SERVICE_RECORDS_FILE)),
    };
    this.loaded.set(communityId, set);
    return set;
  }
}
