import { Household } from './household.entity';
import { Member } from './member.entity';
import { Team, TeamLeader, TeamMember } from './team.entity';

/**
 * The entities this module owns: members, households and teams with their leaders and members
 * (`team_leaders` is written only through `../team-leaders.ts`).
 */
export const peopleEntities = [Member, Household, Team, TeamLeader, TeamMember];
