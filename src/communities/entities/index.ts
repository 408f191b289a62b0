import { Community, MemberTransfer, StreetOffice } from './community.entity';

export const communityEntities = [StreetOffice, Community, MemberTransfer];
