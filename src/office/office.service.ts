import { Inject, Injectable } from '@nestjs/common';
import { inStreetOffice, streetOfficeOf } from '../access/access.policy';
import { AuthService } from '../auth/auth.service';
import { Principal } from '../auth/principal';
import { CommunitiesService } from '../communities/communities.service';
import { communityView, CommunityPatch, CommunityView } from '../communities/community-name';
import { Community } from '../communities/entities/community.entity';
import { Database } from '../common/db/database';
import { DomainError } from '../common/errors';
import { formatCents } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { VerifyResult } from '../ledger/ledger-verifier';
import { LedgerService } from '../ledger/ledger.service';
import { yearRange } from '../ledger/ledger-sql';
import { quarterBounds } from '../reports/reports.service';
import { communityFigures, FiguresCents, sumFigures } from './community-figures';

export type { CommunityView } from '../communities/community-name';

export type VerifyStatus =
  | { ok: true; transactions: number; lastHash: string }
  | { ok: false; firstBadSeq: number | null; reason: string };

/** The street office's work: its communities, their admins, their figures side by side. */
@Injectable()
export class OfficeService {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly communities: CommunitiesService,
    private readonly ledger: LedgerService,
    private readonly auth: AuthService,
  ) {}

  async list(p: Principal): Promise<{ items: CommunityView[] }> {
    const items = await this.communities.ofStreetOffice(streetOfficeOf(p));
    return { items: items.map((c) => this.view(c)) };
  }

  async create(
    p: Principal,
    input: { code: string; name: string; issuer?: string },
  ): Promise<CommunityView> {
    const community = await this.communities.create({
      streetOfficeId: streetOfficeOf(p),
      code: input.code,
      name: input.name,
      issuer: input.issuer ?? null,
    });
    return this.view(community);
  }

  async update(p: Principal, id: number, patch: CommunityPatch): Promise<CommunityView> {
    await this.communityOfOffice(p, id);
    return this.view(await this.communities.update(id, patch));
  }

  /** An administrator of one of the street office's communities (its first, or another). */
  async addAdmin(p: Principal, id: number, input: { username: string; password: string }) {
    const community = await this.communityOfOffice(p, id);
    const user = await this.auth.createUser(input.username, input.password, 'admin', [], {
      communityId: community.id,
    });
    return { id: user.id, username: user.username, role: user.role, communityId: community.id };
  }

  /**
   * Each community's figures for the year (or one quarter of it), side by side and summed, with
   * each community's verify status.
   */
  async overview(p: Principal, year: number, quarter?: number) {
    const communities = await this.communities.ofStreetOffice(streetOfficeOf(p));
    const { from, to } =
      quarter === undefined
        ? { from: yearRange(year)[0], to: yearRange(year)[1] }
        : quarterBounds(year, quarter, this.config.timeZone);
    const rows: { community: Community; figures: FiguresCents; verify: VerifyStatus }[] = [];
    for (const community of communities) {
      const figures = await this.db.read((em) =>
        communityFigures(this.db, em, community.id, from, to),
      );
      rows.push({ community, figures, verify: status(await this.ledger.verify(community.id)) });
    }
    return {
      period: { year, quarter: quarter ?? null, from, to },
      communities: rows.map((r) => ({
        community: this.view(r.community),
        figures: shown(r.figures),
        verify: r.verify,
      })),
      total: shown(sumFigures(rows.map((r) => r.figures))),
      verifiedAll: rows.every((r) => r.verify.ok),
    };
  }

  /** Every community's own verify result. */
  async verify(p: Principal) {
    const communities = await this.communities.ofStreetOffice(streetOfficeOf(p));
    const results = [];
    for (const community of communities) {
      results.push({
        community: this.view(community),
        verify: status(await this.ledger.verify(community.id)),
      });
    }
    return { ok: results.every((r) => r.verify.ok), communities: results };
  }

  /** A community of the caller's street office; another street office's (or none) is 404. */
  private async communityOfOffice(p: Principal, id: number): Promise<Community> {
    streetOfficeOf(p);
    const community = await this.communities.find(id);
    if (!community || !inStreetOffice(p, community)) {
      throw DomainError.notFound('community');
    }
    return community;
  }

  private view(c: Community): CommunityView {
    return communityView(c, this.config);
  }
}

function status(result: VerifyResult): VerifyStatus {
  return result.ok
    ? { ok: true, transactions: result.transactions, lastHash: result.lastHash }
    : { ok: false, firstBadSeq: result.firstBadSeq, reason: result.reason };
}

function shown(f: FiguresCents) {
  return {
    volunteers: f.volunteers,
    servingVolunteers: f.servingVolunteers,
    teams: f.teams,
    hours: formatCents(f.hours),
    earned: formatCents(f.earned),
    redeemed: formatCents(f.redeemed),
    donated: formatCents(f.donated),
    outstanding: formatCents(f.outstanding),
  };
}
