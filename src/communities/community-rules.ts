import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { loadStarRatingConfig, StarRatingConfig } from '../ratings/star-rating.config';
import {
  loadServiceRecordsConfig,
  ServiceRecordsConfig,
} from '../service-records/service-records.config';
import { loadRedemptionRule, RedemptionRule } from '../shop/redemption-rule';

/** One community's rules, from its folder of files, file by file falling back to the shared ones. */
export interface CommunityRuleSet {
  communityId: number;
  code: string;
  /** The folder its own files are read from: `<CONFIG_DIR>/communities/<code>/`. */
  dir: string;
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

/**
 * The one home of "which rules apply in this community": its service-record settings, redemption
 * windows and star thresholds (the scoring standard is versioned per community by StandardService).
 * Read once per community and kept; a bad file stops the start (loadAll) or, for a community
 * created later, its first use.
 */
@Injectable()
export class CommunityRules {
  private readonly loaded = new Map<number, CommunityRuleSet>();

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const set = this.load(communityId, rows[0].code);
    this.loaded.set(communityId, set);
    return set;
  }

  /** Reads every community's files (at start, so a bad one stops it). */
  async loadAll(): Promise<CommunityRuleSet[]> {
    const rows: { id: unknown; code: string }[] = await this.db.read((em) =>
      em.query('SELECT id, code FROM communities ORDER BY id'),
    );
    return rows.map((r) => {
      const set = this.load(Number(r.id), r.code);
      this.loaded.set(set.communityId, set);
      return set;
    });
  }

  /** Reads a community's files; throws (naming the file and field) on a bad one. */
  load(communityId: number, code: string): CommunityRuleSet {
    const dir = this.config.configDir;
    const own = communityConfigDir(dir, code);
    const pick = (file: string) => (existsSync(join(own, file)) ? own : dir);
    return {
      communityId,
      code,
      dir: own,
      redemption: loadRedemptionRule(pick('redemption.json')),
      starRating: loadStarRatingConfig(pick('star-rating.json')),
      serviceRecords: loadServiceRecordsConfig(ruleFileOf(dir, code, 'service-records.json')),
    };
  }
}
