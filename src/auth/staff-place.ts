import { DomainError } from '../common/errors';
import { COMMUNITY_ROLES, StaffRole } from '../common/principal';

/**
 * Where a staff user works: community staff (admin, leader, clerk) in one community, a street-office
 * user (office) in a street office, overseeing its communities and belonging to none.
 */
export type StaffPlace = { communityId: number } | { streetOfficeId: number };

/** The user row's columns for the place, after checking the place fits the role. */
export function placeColumns(
  role: StaffRole,
  place: StaffPlace,
): { communityId: number | null; streetOfficeId: number | null } {
  const inCommunity = COMMUNITY_ROLES.includes(role);
  if (inCommunity && !('communityId' in place)) {
    throw DomainError.validation(`a user with role ${role} works in a community`, {
      field: 'role',
    });
  }
  if (!inCommunity && !('streetOfficeId' in place)) {
    throw DomainError.validation(`a user with role ${role} works for a street office`, {
      field: 'role',
    });
  }
  return 'communityId' in place
    ? { communityId: place.communityId, streetOfficeId: null }
    : { communityId: null, streetOfficeId: place.streetOfficeId };
}
