/**
 * Reads the pages need beyond the contract's core (lists of teams, team members, users), kept in
 * one place so a change of the service's shape is fixed once.
 */
import { getAll, post, query } from './api';
import type { Member, StaffUser, Team } from './types';

/** Teams the caller may see: all for an admin, their own for a leader. */
export function loadTeams(signal?: AbortSignal): Promise<Team[]> {
  return getAll<Team>('/teams', signal);
}

export function loadTeamMembers(teamId: number, signal?: AbortSignal): Promise<Member[]> {
  return getAll<Member>(`/members${query({ teamId })}`, signal);
}

/** Sets a new generated PIN for a member and returns it (shown once). */
export async function resetPin(memberId: number): Promise<string> {
  const res = await post<{ pin: string }>(`/members/${memberId}/pin`, {});
  return res.pin;
}

export function loadUsers(signal?: AbortSignal): Promise<StaffUser[]> {
  return getAll<StaffUser>('/users', signal);
}

/** Deactivates a staff user; the service ends their sessions. */
export async function deactivateUser(userId: number): Promise<void> {
  await post(`/users/${userId}/deactivate`, {});
}
