import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import {
  AccessPolicy,
  assertMaySeeMenu,
  communityOf,
  mayAwardAdminOnlyItem,
} from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { toSafeInteger } from '../common/points';
import { CommunitiesService } from '../communities/communities.service';
import { Team } from '../people/entities/team.entity';
import { findItem, StandardVersion } from '../standard/scoring-standard';
import { StandardService } from '../standard/standard.service';
import { MenuItem } from './entities';

export interface MenuItemInput {
  teamId: number;
  itemCode: string;
  title: string;
  description?: string | null;
  availability: string;
}

/**
 * The service menu (服务菜单): what the community's teams offer, each tied to an item of the
 * standard in force (its records are scored by it) and to the team that takes its orders.
 */
@Injectable()
export class MenuService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
    private readonly standard: StandardService,
    private readonly communities: CommunitiesService,
  ) {}

  /** `POST /api/menu-items`: an admin, or a leader for a team they lead. */
  async create(principal: Principal, input: MenuItemInput) {
    const communityId = communityOf(principal);
    await this.access.teamToManage(principal, input.teamId);
    await this.assertItemInForce(principal, communityId, input.itemCode);
    const now = this.clock.now().toISOString();
    return this.db.write(async (em) => {
      const row = em.create(MenuItem, {
        communityId,
        teamId: input.teamId,
        itemCode: input.itemCode,
        title: input.title,
        description: input.description ?? null,
        availability: input.availability,
        status: 'active',
        createdBy: actorOf(principal),
        createdAt: now,
        updatedAt: now,
        withdrawnAt: null,
      });
      row.id = toSafeInteger((await em.insert(MenuItem, row)).identifiers[0].id);
      return (await this.views(em, [row]))[0];
    });
  }

  /** `PATCH /api/menu-items/:id`: title, description, availability or item; not once withdrawn. */
  async update(principal: Principal, id: number, input: Partial<Omit<MenuItemInput, 'teamId'>>) {
    return this.db.write(async (em) => {
      const row = await this.toRun(em, principal, id);
      this.assertActive(row);
      if (input.itemCode !== undefined) {
        await this.assertItemInForce(principal, row.communityId, input.itemCode);
        row.itemCode = input.itemCode;
      }
      if (input.title !== undefined) {
        row.title = input.title;
      }
      if (input.description !== undefined) {
        row.description = input.description;
      }
      if (input.availability !== undefined) {
        row.availability = input.availability;
      }
      row.updatedAt = this.clock.now().toISOString();
      await em.update(
        MenuItem,
        { id },
        {
          itemCode: row.itemCode,
          title: row.title,
          description: row.description,
          availability: row.availability,
          updatedAt: row.updatedAt,
        },
      );
      return (await this.views(em, [row]))[0];
    });
  }

  /** `POST /api/menu-items/:id/withdraw`: off the menu; its open orders stay to be finished. */
  async withdraw(principal: Principal, id: number) {
    return this.db.write(async (em) => {
      const row = await this.toRun(em, principal, id);
      this.assertActive(row);
      const now = this.clock.now().toISOString();
      row.status = 'withdrawn';
      row.withdrawnAt = now;
      row.updatedAt = now;
      await em.update(MenuItem, { id }, { status: 'withdrawn', withdrawnAt: now, updatedAt: now });
      return (await this.views(em, [row]))[0];
    });
  }

  /**
   * `GET /api/menu-items`: the community's menu, for its staff and volunteers. Volunteers see what
   * can be ordered; staff also withdrawn items with `includeWithdrawn`.
   */
  async list(principal: Principal, opts: { includeWithdrawn?: boolean; teamId?: number }) {
    assertMaySeeMenu(principal);
    const communityId = communityOf(principal);
    const withdrawn = opts.includeWithdrawn === true && principal.kind === 'user';
    return this.db.read(async (em) => {
      const rows = await em.find(MenuItem, {
        where: {
          communityId,
          ...(withdrawn ? {} : { status: 'active' as const }),
          ...(opts.teamId !== undefined ? { teamId: opts.teamId } : {}),
        },
        order: { id: 'ASC' },
      });
      return { items: await this.views(em, rows) };
    });
  }

  /** `GET /api/public/menu?community=`: what can be ordered, with no people data. */
  async publicMenu(community?: string) {
    const found = await this.communities.publicCommunity(community);
    return this.db.read(async (em) => {
      const rows = await em.find(MenuItem, {
        where: { communityId: found.id, status: 'active' },
        order: { id: 'ASC' },
      });
      const views = await this.views(em, rows);
      return {
        community: { code: found.code, name: found.name },
        items: views.map((v) => ({
          id: v.id,
          title: v.title,
          description: v.description,
          availability: v.availability,
          teamName: v.teamName,
          itemName: v.itemName,
          unit: v.unit,
        })),
      };
    });
  }

  /** The menu item, of the viewer's community (404 otherwise), for any reader. */
  async ofCommunity(em: EntityManager, principal: Principal, id: number): Promise<MenuItem> {
    const row = await em.findOneBy(MenuItem, { id });
    if (!row || row.communityId !== principal.communityId) {
      throw DomainError.notFound('menu item');
    }
    return row;
  }

  /** A withdrawn item is no longer ordered or edited (409 MENU_ITEM_WITHDRAWN). */
  assertActive(row: MenuItem): void {
    if (row.status === 'withdrawn') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `menu item ${row.id} was withdrawn from the menu on ${row.withdrawnAt}`,
        { reason: 'MENU_ITEM_WITHDRAWN', menuItemId: row.id },
      );
    }
  }

  /** The API shapes of menu items: with their team's name and the item as the standard in force names it. */
  async views(em: EntityManager, rows: MenuItem[]) {
    const teamIds = [...new Set(rows.map((r) => r.teamId))];
    const teams = teamIds.length ? await em.findBy(Team, { id: In(teamIds) }) : [];
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const versions = new Map<number, StandardVersion | null>();
    for (const communityId of new Set(rows.map((r) => r.communityId))) {
      versions.set(communityId, await this.standard.versionOn(communityId, this.standard.today()));
    }
    return rows.map((r) => {
      const version = versions.get(r.communityId);
      const found = version ? findItem(version, r.itemCode) : null;
      return {
        id: r.id,
        teamId: r.teamId,
        teamName: teamName.get(r.teamId) ?? null,
        itemCode: r.itemCode,
        itemName: found?.item.name ?? null,
        unit: found?.item.unit ?? null,
        title: r.title,
        description: r.description,
        availability: r.availability,
        status: r.status,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        withdrawnAt: r.withdrawnAt,
      };
    });
  }

  private async toRun(em: EntityManager, principal: Principal, id: number): Promise<MenuItem> {
    await this.db.lockName(`menu-item:${id}`);
    const row = await em.findOneBy(MenuItem, { id });
    if (!row) {
      throw DomainError.notFound('menu item');
    }
    await this.access.assertRunsTeamService(principal, row, 'menu item');
    return row;
  }

  /**
   * The item must be in the standard in force today (422 UNKNOWN_ITEM otherwise); an item an admin
   * awards only is offered by an admin only, as its records could not be logged by a leader.
   */
  private async assertItemInForce(
    principal: Principal,
    communityId: number,
    itemCode: string,
  ): Promise<void> {
    const today = this.standard.today();
    const version = await this.standard.versionOn(communityId, today);
    const found = version ? findItem(version, itemCode) : null;
    if (found?.item.adminOnly && !mayAwardAdminOnlyItem(principal)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `${found.item.name} (${found.item.code}) is awarded by an administrator only`,
        { reason: 'ADMIN_ONLY_ITEM', itemCode: found.item.code },
      );
    }
    if (!found) {
      throw new DomainError(
        ErrorCode.UNKNOWN_ITEM,
        `"${itemCode}" is not an item of the scoring standard in force today; see GET /api/standard`,
        { reason: 'NOT_IN_STANDARD', itemCode, standardVersion: version?.version ?? null },
      );
    }
  }
}
