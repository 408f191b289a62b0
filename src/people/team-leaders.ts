import { EntityManager } from 'typeorm';
import { TeamLeader } from './entities/team.entity';

/**
 * Who leads which team: the one place that writes `team_leaders`, inside the caller's write
 * transaction. Teams set their leaders (`TeamsService`); staff accounts set the teams a leader
 * leads (`AuthService.createUser`, `UsersService.update`). Which ids are allowed is checked before.
 */

/** Adds leaders to a team just created. */
export async function addTeamLeaders(
  em: EntityManager,
  teamId: number,
  userIds: number[],
): Promise<void> {
  for (const userId of userIds) {
    await em.insert(TeamLeader, { teamId, userId });
  }
}

/** Replaces the leaders of a team. */
export async function setTeamLeaders(
  em: EntityManager,
  teamId: number,
  userIds: number[],
): Promise<void> {
  await em.delete(TeamLeader, { teamId });
  await addTeamLeaders(em, teamId, userIds);
}

/** Replaces the teams a user leads (none: the user leads no team). */
export async function setTeamsLed(
  em: EntityManager,
  userId: number,
  teamIds: number[],
): Promise<void> {
  await em.delete(TeamLeader, { userId });
  for (const teamId of teamIds) {
    await em.insert(TeamLeader, { teamId, userId });
  }
}
