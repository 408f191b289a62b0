import { Community } from './entities/community.entity';

/** What the pages call a community and who issues its notice. */
export interface CommunityNames {
  name: string | null;
  issuer: string | null;
}

/**
 * The name and notice issuer a community is shown with: its own, else (community 1 of an upgraded
 * installation, whose name is null) COMMUNITY_NAME and NOTICE_ISSUER as before communities; a named
 * community without an issuer is issued by "<name>志愿服务站", as COMMUNITY_NAME alone would be.
 */
export function shownNames(
  community: Pick<Community, 'name' | 'issuer'>,
  configured: CommunityNames,
): CommunityNames {
  if (community.name === null) {
    return { name: configured.name, issuer: community.issuer ?? configured.issuer };
  }
  return { name: community.name, issuer: community.issuer ?? `${community.name}志愿服务站` };
}

/** A community as its office and its admin see it: names, and the contact its certificates print. */
export interface CommunityView extends CommunityNames {
  id: number;
  code: string;
  created: string;
  personInCharge: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
}

/** What may change of a community: its names (null keeps them) and its contact (null removes). */
export interface CommunityPatch {
  name?: string | null;
  issuer?: string | null;
  personInCharge?: string | null;
  contactPhone?: string | null;
  contactAddress?: string | null;
}

export function communityView(c: Community, config: { community: CommunityNames }): CommunityView {
  return {
    id: c.id,
    code: c.code,
    ...shownNames(c, config.community),
    created: c.createdAt,
    personInCharge: c.personInCharge,
    contactPhone: c.contactPhone,
    contactAddress: c.contactAddress,
  };
}
