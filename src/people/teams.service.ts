import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Principal } from '../auth/principal';
import { AccessPolicy, communityOf } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeIdCursor, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { Member } from './entities/member.entity';
import { Team, TeamLeader, TeamMember } from './entities/team.entity';
import { addTeamLeaders, setTeamLeaders } from './team-leaders';

export interface TeamView {
  id: number;
  name: string;
  serviceType: string | null;
  leaderUserIds: number[];
  memberCount: number;
  createdAt: string;
}

/** Teams: who leads them and who serves in them. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  /** A team of the community; its leaders are leaders of the same community. */
  async createTeam(input: {
    communityId: number;
    name: string;
    serviceType?: string | null;
    leaderUserIds?: number[];
  }): Promise<{
    team: Team;
    leaderUserIds: number[];
  }> {
    return this.db.write(async (em) => {
      await this.assertTeamNameFree(em, input.communityId, input.name);
      const leaderUserIds = await this.checkLeaders(
        em,
        input.communityId,
        input.leaderUserIds ?? [],
      );
      const team = await em.save(
        em.create(Team, {
          communityId: input.communityId,
          name: input.name,
          serviceType: input.serviceType ?? null,
          createdAt: this.clock.now().toISOString(),
        }),
      );
      await addTeamLeaders(em, team.id, leaderUserIds);
      return { team, leaderUserIds };
    });
  }

  /**
   * Puts a member into a team, with no check of who asks (fixtures, admin tools); the member must be
   * of the team's community.
   */
  async addTeamMember(teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      const team = await em.findOneBy(Team, { id: teamId });
      if (!team) {
        throw DomainError.notFound('team');
      }
      if (!(await em.findOneBy(Member, { id: memberId, communityId: team.communityId }))) {
        throw DomainError.notFound('member');
      }
      await this.insertTeamMember(teamId, memberId);
    });
  }

  private async insertTeamMember(teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      if (!(await em.findOneBy(TeamMember, { teamId, memberId }))) {
        await em.insert(TeamMember, {
          teamId,
          memberId,
          createdAt: this.clock.now().toISOString(),
        });
      }
    });
  }

  /** Admins see every team, leaders the teams they lead. */
  async listTeams(
    viewer: Principal,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<TeamView>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(Team, 't')
        .where('t.community_id = :communityId', { communityId: communityOf(viewer) })
        .andWhere('t.id > :afterId', { afterId })
        .orderBy('t.id', 'ASC')
        .take(limit + 1);
      const visible = await this.access.visibleTeamIds(viewer);
      if (visible !== null) {
        qb.andWhere('t.id IN (:...ledIds)', { ledIds: [0, ...visible] });
      }
      const teams = await qb.getMany();
      const views = await this.teamViews(em, teams);
      return toPage(views, limit, (v) => v);
    });
  }

  async teamView(id: number, viewer: Principal): Promise<TeamView> {
    return this.db.read(async (em) => {
      const team = await this.access.teamToManage(viewer, id);
      return (await this.teamViews(em, [team]))[0];
    });
  }

  /** Rename, change the service type or replace the leaders (admins of the team's community). */
  async updateTeam(
    viewer: Principal,
    id: number,
    changes: { name?: string; serviceType?: string | null; leaderUserIds?: number[] },
  ): Promise<TeamView> {
    await this.db.write(async (em) => {
      const team = await this.access.teamOfCommunity(viewer, id);
      if (changes.name !== undefined && changes.name !== team.name) {
        await this.assertTeamNameFree(em, team.communityId, changes.name);
      }
      const patch: Partial<Team> = {};
      if (changes.name !== undefined) {
        patch.name = changes.name;
      }
      if (changes.serviceType !== undefined) {
        patch.serviceType = changes.serviceType;
      }
      if (Object.keys(patch).length > 0) {
        await em.update(Team, { id }, patch);
      }
      if (changes.leaderUserIds !== undefined) {
        const leaderUserIds = await this.checkLeaders(em, team.communityId, changes.leaderUserIds);
        await setTeamLeaders(em, id, leaderUserIds);
      }
    });
    return this.db.read(async (em) => (await this.teamViews(em, [await this.team(em, id)]))[0]);
  }

  /** Adds a member to a team, as the access policy allows the viewer (see AccessPolicy). */
  async addTeamMemberAs(
    viewer: Principal,
    teamId: number,
    memberId: number,
  ): Promise<{ teamId: number; memberId: number }> {
    await this.db.write(async () => {
      // Two leaders taking the same unassigned volunteer at once: the second sees the first's.
      await this.db.lockName(`member-teams:${memberId}`);
      await this.access.assertMayAddToTeam(viewer, teamId, memberId);
      await this.insertTeamMember(teamId, memberId);
    });
    return { teamId, memberId };
  }

  async removeTeamMember(viewer: Principal, teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      await this.access.teamToManage(viewer, teamId);
      const result = await em.delete(TeamMember, { teamId, memberId });
      if (!result.affected) {
        throw DomainError.notFound('member of this team');
      }
    });
  }

  private async team(em: EntityManager, id: number): Promise<Team> {
    const team = await em.findOneBy(Team, { id });
    if (!team) {
      throw DomainError.notFound('team');
    }
    return team;
  }

  private async teamViews(em: EntityManager, teams: Team[]): Promise<TeamView[]> {
    const ids = teams.map((t) => t.id);
    const leaders = ids.length
      ? await em.find(TeamLeader, { where: { teamId: In(ids) }, order: { userId: 'ASC' } })
      : [];
    const counts: { team_id: unknown; n: unknown }[] = ids.length
      ? await em.query(
          sql(
            this.db,
            `SELECT team_id, COUNT(*) AS n FROM team_members WHERE team_id IN (${ids.map(() => '?').join(', ')}) GROUP BY team_id`,
          ),
          ids,
        )
      : [];
    const countOf = new Map(counts.map((c) => [toSafeInteger(c.team_id), toSafeInteger(c.n)]));
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      serviceType: t.serviceType,
      leaderUserIds: leaders.filter((l) => l.teamId === t.id).map((l) => l.userId),
      memberCount: countOf.get(t.id) ?? 0,
      createdAt: t.createdAt,
    }));
  }

  /** Team names are unique within a community. */
  private async assertTeamNameFree(
    em: EntityManager,
    communityId: number,
    name: string,
  ): Promise<void> {
    // Serialises two admins creating the same name at once (PostgreSQL; SQLite already queues).
    await this.db.lockName(`team-name:${communityId}:${name}`);
    if (await em.findOneBy(Team, { communityId, name })) {
      throw new DomainError(ErrorCode.CONFLICT, `a team named "${name}" already exists`, {
        reason: 'DUPLICATE_NAME',
        field: 'name',
      });
    }
  }

  /** Leaders of a team: active users with role leader of the team's community. */
  private async checkLeaders(
    em: EntityManager,
    communityId: number,
    userIds: number[],
  ): Promise<number[]> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) {
      return ids;
    }
    const leaders = await em.findBy(User, {
      id: In(ids),
      communityId,
      role: 'leader',
      active: true,
    });
    if (leaders.length !== ids.length) {
      throw DomainError.validation(
        'every leaderUserId must be an active leader of this community',
        {
          field: 'leaderUserIds',
          unknown: ids.filter((id) => !leaders.some((l) => l.id === id)),
        },
      );
    }
    return ids;
  }
}
