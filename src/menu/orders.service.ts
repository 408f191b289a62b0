import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThan, Not } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import {
  AccessPolicy,
  communityOf,
  inCommunity,
  mayActAsOrderer,
  mayOrderForHousehold,
  maySeePersonalData,
  orderScopeOf,
} from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, ErrorCode } from '../common/errors';
import { maskName } from '../common/mask';
import { decodeIdCursor, LIMIT_DEFAULT, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { Household } from '../people/entities/household.entity';
import { Member } from '../people/entities/member.entity';
import { TeamLeader, TeamMember } from '../people/entities/team.entity';
import { ServiceRecordsService } from '../service-records/service-records.service';
import { MenuItem, type OrderStatus, ServiceOrder, ServiceOrderAssignee } from './entities';
import { MenuService } from './menu.service';

export interface OrderInput {
  menuItemId: number;
  preferredTime: string;
  place: string;
  note?: string;
}

export interface OrderListFilter {
  householdId?: number;
  teamId?: number;
  status?: OrderStatus;
  limit?: number;
  cursor?: string;
}

/**
 * Orders of the service menu (点单) from `placed` to `done`: a resident orders, a leader of the
 * item's team accepts (sending team members) or declines, and confirms it done, which logs the
 * served volunteers' records through ServiceRecordsService.log in the transaction that closes the
 * order. The one who ordered may cancel before it is done and rates it once after.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
    private readonly menu: MenuService,
    private readonly records: ServiceRecordsService,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  /** `POST /api/me/orders`: a volunteer orders for themself. */
  async placeForMember(principal: Principal & { kind: 'member' }, input: OrderInput) {
    return this.place(principal, input, { memberId: principal.memberId, householdId: null });
  }

  /** `POST /api/orders`: a clerk or admin orders for a household of the community. */
  async placeForHousehold(principal: Principal, input: OrderInput & { householdId: number }) {
    if (!mayOrderForHousehold(principal)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'only a clerk or an admin orders for a household',
        {
          reason: 'ROLE_NOT_ALLOWED',
        },
      );
    }
    const household = await this.db.read((em) =>
      em.findOneBy(Household, { id: input.householdId }),
    );
    if (!household || !inCommunity(principal, household.communityId)) {
      throw DomainError.notFound('household');
    }
    if (!household.active) {
      throw new DomainError(ErrorCode.HOUSEHOLD_NOT_ELIGIBLE, 'the household is no longer active', {
        reason: 'HOUSEHOLD_INACTIVE',
        householdId: household.id,
      });
    }
    if (!household.verified) {
      throw new DomainError(ErrorCode.HOUSEHOLD_NOT_ELIGIBLE, 'the household is not verified yet', {
        reason: 'HOUSEHOLD_NOT_VERIFIED',
        householdId: household.id,
      });
    }
    return this.place(principal, input, { memberId: null, householdId: household.id });
  }

  private async place(
    principal: Principal,
    input: OrderInput,
    forWhom: { memberId: number | null; householdId: number | null },
  ) {
    const communityId = communityOf(principal);
    return this.db.write(async (em) => {
      const item = await this.menu.ofCommunity(em, principal, input.menuItemId);
      this.menu.assertActive(item);
      const row = em.create(ServiceOrder, {
        communityId,
        menuItemId: item.id,
        teamId: item.teamId,
        ...forWhom,
        preferredTime: input.preferredTime,
        place: input.place,
        note: input.note ?? null,
        status: 'placed',
        orderedBy: actorOf(principal),
        createdAt: this.clock.now().toISOString(),
        acceptedBy: null,
        acceptedAt: null,
        declineReason: null,
        declinedBy: null,
        declinedAt: null,
        serviceDate: null,
        doneBy: null,
        doneAt: null,
        cancelledBy: null,
        cancelledAt: null,
        rating: null,
        ratingComment: null,
        ratedBy: null,
        ratedAt: null,
      });
      row.id = toSafeInteger((await em.insert(ServiceOrder, row)).identifiers[0].id);
      return this.view(em, principal, row);
    });
  }

  /** `POST /api/orders/:id/accept`: a leader of the item's team (or an admin) sends team members. */
  async accept(principal: Principal, id: number, memberIds: number[]) {
    return this.db.write(async (em) => {
      const order = await this.toRun(em, principal, id);
      this.assertPlaced(order);
      const ids = [...new Set(memberIds)];
      const inTeam = await em.findBy(TeamMember, { teamId: order.teamId, memberId: In(ids) });
      const outside = ids.filter((m) => !inTeam.some((t) => t.memberId === m));
      if (outside.length > 0) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `member ${outside.join(', ')} is not in the menu item's team ${order.teamId}`,
          { reason: 'NOT_TEAM_MEMBER', memberIds: outside, teamId: order.teamId },
        );
      }
      await em.insert(
        ServiceOrderAssignee,
        ids.map((memberId) => ({ orderId: id, memberId, serviceRecordId: null })),
      );
      order.status = 'accepted';
      order.acceptedBy = actorOf(principal);
      order.acceptedAt = this.clock.now().toISOString();
      await em.update(
        ServiceOrder,
        { id },
        { status: order.status, acceptedBy: order.acceptedBy, acceptedAt: order.acceptedAt },
      );
      return this.view(em, principal, order);
    });
  }

  /** `POST /api/orders/:id/decline`: the team cannot take it, with the reason the orderer sees. */
  async decline(principal: Principal, id: number, reason: string) {
    return this.db.write(async (em) => {
      const order = await this.toRun(em, principal, id);
      this.assertPlaced(order);
      order.status = 'declined';
      order.declineReason = reason;
      order.declinedBy = actorOf(principal);
      order.declinedAt = this.clock.now().toISOString();
      await em.update(
        ServiceOrder,
        { id },
        {
          status: order.status,
          declineReason: reason,
          declinedBy: order.declinedBy,
          declinedAt: order.declinedAt,
        },
      );
      return this.view(em, principal, order);
    });
  }

  /**
   * `POST /api/orders/:id/done`: the leader confirms the service, naming each volunteer who served
   * (an assignee) and their quantity; their records are logged by ServiceRecordsService.log under
   * the menu item's standard item and team (its caps, same-day checks and approval), in the one
   * transaction that marks the order done.
   */
  async done(
    principal: Principal,
    id: number,
    input: {
      serviceDate?: string;
      volunteers: { memberId: number; quantity: string | number }[];
      confirmDuplicate?: boolean;
    },
  ) {
    return this.db.write(async (em) => {
      const order = await this.toRun(em, principal, id);
      this.assertAccepted(order);
      const assignees = await em.findBy(ServiceOrderAssignee, { orderId: id });
      const problems = input.volunteers
        .map((v, i) => ({ v, i }))
        .filter(({ v }) => !assignees.some((a) => a.memberId === v.memberId))
        .map(({ v, i }) => ({
          field: `volunteers[${i}].memberId`,
          problems: [`member ${v.memberId} was not sent to serve this order`],
        }));
      if (problems.length > 0) {
        throw DomainError.validation(
          'only the volunteers sent to serve the order are logged for it',
          { fields: problems },
        );
      }
      const item = await em.findOneByOrFail(MenuItem, { id: order.menuItemId });
      const serviceDate = input.serviceDate ?? this.clock.today(this.appConfig.timeZone);
      const { rows, records } = await this.records.log({
        principal,
        itemCode: item.itemCode,
        serviceDate,
        teamId: order.teamId,
        lines: input.volunteers.map((v) => ({
          memberId: v.memberId,
          quantity: v.quantity,
          note: `点单 #${order.id}`,
        })),
        fieldOf: (i, field) => `volunteers[${i}].${field}`,
        confirmDuplicate: input.confirmDuplicate === true,
      });
      for (const row of rows) {
        await em.update(
          ServiceOrderAssignee,
          { orderId: id, memberId: row.memberId },
          { serviceRecordId: row.id },
        );
      }
      order.status = 'done';
      order.serviceDate = serviceDate;
      order.doneBy = actorOf(principal);
      order.doneAt = this.clock.now().toISOString();
      await em.update(
        ServiceOrder,
        { id },
        {
          status: order.status,
          serviceDate,
          doneBy: order.doneBy,
          doneAt: order.doneAt,
        },
      );
      return { ...(await this.view(em, principal, order)), records };
    });
  }

  /** `POST /api/me/orders/:id/cancel` and `/api/orders/:id/cancel`: the one who ordered, before done. */
  async cancel(principal: Principal, id: number) {
    return this.db.write(async (em) => {
      const order = await this.asOrderer(em, principal, id);
      if (order.status !== 'placed' && order.status !== 'accepted') {
        throw new DomainError(ErrorCode.CONFLICT, `order ${id} is ${order.status} already`, {
          reason: 'ORDER_CLOSED',
          status: order.status,
        });
      }
      order.status = 'cancelled';
      order.cancelledBy = actorOf(principal);
      order.cancelledAt = this.clock.now().toISOString();
      await em.update(
        ServiceOrder,
        { id },
        { status: order.status, cancelledBy: order.cancelledBy, cancelledAt: order.cancelledAt },
      );
      return this.view(em, principal, order);
    });
  }

  /** `POST /api/me/orders/:id/rating` and `/api/orders/:id/rating`: once, after the order is done. */
  async rate(principal: Principal, id: number, input: { rating: number; comment?: string }) {
    return this.db.write(async (em) => {
      const order = await this.asOrderer(em, principal, id);
      this.assertDone(order);
      if (order.rating !== null) {
        throw new DomainError(ErrorCode.CONFLICT, `order ${id} was rated already`, {
          reason: 'ORDER_ALREADY_RATED',
          ratedAt: order.ratedAt,
        });
      }
      order.rating = input.rating;
      order.ratingComment = input.comment ?? null;
      order.ratedBy = actorOf(principal);
      order.ratedAt = this.clock.now().toISOString();
      await em.update(
        ServiceOrder,
        { id },
        {
          rating: order.rating,
          ratingComment: order.ratingComment,
          ratedBy: order.ratedBy,
          ratedAt: order.ratedAt,
        },
      );
      return this.view(em, principal, order);
    });
  }

  /** `GET /api/orders/:id` and `/api/me/orders/:id`: whoever may see it (404 otherwise). */
  async getOne(principal: Principal, id: number) {
    return this.db.read(async (em) => {
      const order = await em.findOneBy(ServiceOrder, { id });
      if (!order || !(await this.access.maySeeOrder(principal, order))) {
        throw DomainError.notFound('order');
      }
      return this.view(em, principal, order);
    });
  }

  /**
   * `GET /api/orders` and `GET /api/me/orders`, newest first: an admin's community's, a clerk's
   * households', a leader's teams', a volunteer's own (orderScopeOf).
   */
  async list(principal: Principal, filter: OrderListFilter) {
    const communityId = communityOf(principal);
    const scope = orderScopeOf(principal);
    const limit = filter.limit ?? LIMIT_DEFAULT;
    const before = decodeIdCursor(filter.cursor);
    return this.db.read(async (em) => {
      let teamIds: number[] | undefined;
      if (scope.kind === 'teams') {
        teamIds = (await em.findBy(TeamLeader, { userId: scope.leaderId })).map((l) => l.teamId);
      }
      const where: FindOptionsWhere<ServiceOrder> = {
        communityId,
        ...(before !== undefined ? { id: LessThan(before) } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.householdId !== undefined ? { householdId: filter.householdId } : {}),
        ...(scope.kind === 'own' ? { memberId: scope.memberId } : {}),
        ...(scope.kind === 'households' && filter.householdId === undefined
          ? { householdId: Not(IsNull()) }
          : {}),
        ...(scope.kind === 'households' ? { memberId: IsNull() } : {}),
      };
      if (teamIds !== undefined || filter.teamId !== undefined) {
        const allowed =
          teamIds === undefined
            ? [filter.teamId!]
            : teamIds.filter((t) => filter.teamId === undefined || t === filter.teamId);
        if (allowed.length === 0) {
          return { items: [], nextCursor: null };
        }
        where.teamId = In(allowed);
      }
      const rows = await em.find(ServiceOrder, { where, order: { id: 'DESC' }, take: limit + 1 });
      const views = await this.views(em, principal, rows.slice(0, limit));
      const byId = new Map(views.map((v) => [v.id, v]));
      return toPage(rows, limit, (r) => byId.get(r.id)!);
    });
  }

  /** Accepting and declining take a placed order (409 ORDER_NOT_PLACED otherwise). */
  private assertPlaced(order: ServiceOrder): void {
    if (order.status !== 'placed') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `order ${order.id} is ${order.status}, not placed`,
        {
          reason: 'ORDER_NOT_PLACED',
          status: order.status,
        },
      );
    }
  }

  /** Confirming done takes an accepted order (409 ORDER_NOT_ACCEPTED otherwise). */
  private assertAccepted(order: ServiceOrder): void {
    if (order.status !== 'accepted') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `order ${order.id} is ${order.status}, not accepted`,
        { reason: 'ORDER_NOT_ACCEPTED', status: order.status },
      );
    }
  }

  /** Rating takes a done order (409 ORDER_NOT_DONE otherwise). */
  private assertDone(order: ServiceOrder): void {
    if (order.status !== 'done') {
      throw new DomainError(ErrorCode.CONFLICT, `order ${order.id} is ${order.status}, not done`, {
        reason: 'ORDER_NOT_DONE',
        status: order.status,
      });
    }
  }

  /** The order locked for a leader of its team or an admin (404 another community's, 403 another team's). */
  private async toRun(em: EntityManager, principal: Principal, id: number) {
    await this.db.lockName(`order:${id}`);
    const order = await em.findOneBy(ServiceOrder, { id });
    if (!order) {
      throw DomainError.notFound('order');
    }
    await this.access.assertRunsTeamService(principal, order, 'order');
    return order;
  }

  /** The order locked for the one who ordered; who may see it but did not order: 403; others 404. */
  private async asOrderer(em: EntityManager, principal: Principal, id: number) {
    await this.db.lockName(`order:${id}`);
    const order = await em.findOneBy(ServiceOrder, { id });
    if (!order || !(await this.access.maySeeOrder(principal, order))) {
      throw DomainError.notFound('order');
    }
    if (!mayActAsOrderer(principal, order)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'only the one who ordered cancels or rates an order',
        { reason: 'ROLE_NOT_ALLOWED' },
      );
    }
    return order;
  }

  private async view(em: EntityManager, principal: Principal, order: ServiceOrder) {
    return (await this.views(em, principal, [order]))[0];
  }

  /**
   * The API shapes of orders. Names: in full to an admin (maySeePersonalData) and to the volunteer
   * who ordered (their own); masked to everyone else. Staff see the assignees' names, a volunteer
   * masked ones.
   */
  private async views(em: EntityManager, principal: Principal, orders: ServiceOrder[]) {
    if (orders.length === 0) {
      return [];
    }
    const ids = orders.map((o) => o.id);
    const items = await this.menu.views(
      em,
      await em.findBy(MenuItem, { id: In([...new Set(orders.map((o) => o.menuItemId))]) }),
    );
    const itemOf = new Map(items.map((i) => [i.id, i]));
    const assignees = await em.find(ServiceOrderAssignee, {
      where: { orderId: In(ids) },
      order: { memberId: 'ASC' },
    });
    const memberIds = [
      ...new Set([
        ...assignees.map((a) => a.memberId),
        ...orders.flatMap((o) => (o.memberId === null ? [] : [o.memberId])),
      ]),
    ];
    const members = memberIds.length
      ? await em.find(Member, { select: { id: true, name: true }, where: { id: In(memberIds) } })
      : [];
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const householdIds = orders.flatMap((o) => (o.householdId === null ? [] : [o.householdId]));
    const households = householdIds.length
      ? await em.find(Household, {
          select: { id: true, name: true },
          where: { id: In(householdIds) },
        })
      : [];
    const householdName = new Map(households.map((h) => [h.id, h.name]));
    const full = maySeePersonalData(principal);
    const reveal = (name: string, own: boolean) => (full || own ? name : maskName(name));
    return orders.map((o) => {
      const item = itemOf.get(o.menuItemId);
      const orderedFor =
        o.memberId !== null
          ? {
              type: 'member' as const,
              id: o.memberId,
              name: reveal(
                memberName.get(o.memberId) ?? '',
                principal.kind === 'member' && principal.memberId === o.memberId,
              ),
            }
          : {
              type: 'household' as const,
              id: o.householdId!,
              name: reveal(householdName.get(o.householdId!) ?? '', false),
            };
      return {
        id: o.id,
        menuItemId: o.menuItemId,
        title: item?.title ?? '',
        itemCode: item?.itemCode ?? '',
        itemName: item?.itemName ?? null,
        unit: item?.unit ?? null,
        teamId: o.teamId,
        teamName: item?.teamName ?? null,
        orderedFor,
        preferredTime: o.preferredTime,
        place: o.place,
        note: o.note,
        status: o.status,
        createdAt: o.createdAt,
        acceptedAt: o.acceptedAt,
        assignees: assignees
          .filter((a) => a.orderId === o.id)
          .map((a) => ({
            memberId: a.memberId,
            name:
              principal.kind === 'member'
                ? maskName(memberName.get(a.memberId) ?? '')
                : (memberName.get(a.memberId) ?? ''),
            serviceRecordId: a.serviceRecordId,
          })),
        declineReason: o.declineReason,
        declinedAt: o.declinedAt,
        serviceDate: o.serviceDate,
        doneAt: o.doneAt,
        cancelledAt: o.cancelledAt,
        rating:
          o.rating === null
            ? null
            : { stars: o.rating, comment: o.ratingComment, ratedAt: o.ratedAt! },
      };
    });
  }
}
