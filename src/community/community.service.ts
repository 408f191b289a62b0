import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, communityOf } from '../access/access.policy';
import { Principal } from '../auth/principal';
import { CommunitiesService } from '../communities/communities.service';
import {
  CommunityPatch,
  communityView,
  CommunityView,
  shownNames,
} from '../communities/community-name';
import { Community } from '../communities/entities/community.entity';
import { Clock, localDate } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** What every page needs before it shows a date or an address. */
export interface CommunityInfo {
  /** The community's code (`?community=` of its public pages). */
  code: string;
  name: string | null;
  issuer: string | null;
  timeZone: string;
  /** Today in the community's zone, by the service's clock (the pages do not trust the device's). */
  today: string;
  publicUrl: string | null;
}

export interface MyCommunity {
  /** The caller's community; null for a street-office user. */
  community: (CommunityInfo & { id: number }) | null;
  streetOffice: { id: number; name: string | null };
  /** A street-office user's communities (community staff and volunteers: their own). */
  communities: { id: number; code: string; name: string | null; issuer: string | null }[];
}

@Injectable()
export class CommunityInfoService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly communities: CommunitiesService,
    private readonly access: AccessPolicy,
  ) {}

  /** The community a public page names (`?community=<code>`), without one community 1. */
  async publicInfo(code?: string): Promise<CommunityInfo> {
    return this.info(await this.communities.publicCommunity(code));
  }

  /** The logged-in caller's community, or a street-office user's street office and communities. */
  async mine(p: Principal): Promise<MyCommunity> {
    const readable = await this.access.communitiesReadable(p);
    const own =
      p.communityId === null ? null : (readable.find((c) => c.id === p.communityId) ?? null);
    const streetOfficeId =
      own?.streetOfficeId ?? (p.kind === 'user' ? (p.streetOfficeId ?? null) : null);
    const office =
      streetOfficeId === null ? null : await this.communities.streetOffice(streetOfficeId);
    return {
      community: own ? { id: own.id, ...this.info(own) } : null,
      streetOffice: { id: office?.id ?? streetOfficeId ?? 0, name: office?.name ?? null },
      communities: readable.map((c) => ({
        id: c.id,
        code: c.code,
        ...shownNames(c, this.config.community),
      })),
    };
  }

  /** The admin's own community's contact for its certificates (负责人, 联系电话, 地址). */
  async updateContact(
    p: Principal,
    patch: Pick<CommunityPatch, 'personInCharge' | 'contactPhone' | 'contactAddress'>,
  ): Promise<CommunityView> {
    const community = await this.communities.update(communityOf(p), {
      personInCharge: patch.personInCharge,
      contactPhone: patch.contactPhone,
      contactAddress: patch.contactAddress,
    });
    return communityView(community, this.config);
  }

  private info(c: Community): CommunityInfo {
    return {
      code: c.code,
      ...shownNames(c, this.config.community),
      timeZone: this.config.timeZone,
      today: localDate(this.clock.now(), this.config.timeZone),
      publicUrl: this.config.publicUrl,
    };
  }
}
