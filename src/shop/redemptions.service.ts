import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import { communityOf, mayActOutsideWindow } from '../access/access.policy';
import { Clock, localDayBounds } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';

import { LedgerService } from '../ledger/ledger.service';
import { PassbookHolder, PassbookOwner, PeopleService } from '../people/people.service';
import { CatalogService, outOfStock } from './catalog.service';
import { CatalogItem, CatalogItemKind } from './entities/catalog-item.entity';
import {
  Coupon,
  CouponStatus,
  PassbookOwnerType,
  Redemption,
  RedemptionLine,
  RedemptionStatus,
} from './entities/redemption.entity';
import {
  RedemptionReturn,
  RedemptionReturnCoupon,
  RedemptionReturnLine,
} from './entities/redemption-return.entity';
import { newCouponCode, normaliseCouponCode } from './coupon-code';
import { decodeIdCursor, Page, toPage } from '../common/pagination';
import { RedemptionWindowsService } from './redemption-windows.service';
import { parseUnits } from './units';

/** A household's monthly shopping fits easily; a runaway quantity is a typing mistake. */
export const LINE_QUANTITY_MAX = 1000;

export interface RedemptionLineView {
  catalogItemId: number;
  name: string;
  kind: CatalogItemKind;
  quantity: number;
  unitPrice: string;
  amount: string;
  /** Units of this line given back by returns so far. */
  returnedQuantity: number;
}

/** One return of part of a redemption, as its receipt shows it. */
export interface RedemptionReturnView {
  id: number;
  redemptionId: number;
  transactionId: string;
  /** Points credited back to the passbook. */
  points: string;
  balanceAfter: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
  lines: {
    catalogItemId: number;
    name: string;
    quantity: number;
    unitPrice: string;
    amount: string;
  }[];
  /** Codes of the coupons voided with the returned units. */
  voidedCoupons: string[];
}

export interface RedemptionView {
  id: number;
  passbookNo: string;
  ownerType: PassbookOwnerType;
  status: RedemptionStatus;
  windowId: number;
  total: string;
  balanceAfter: string;
  transactionId: string;
  createdAt: string;
  createdBy: string;
  /** The clerk's username for the receipt (null for a volunteer or a removed user). */
  createdByName: string | null;
  /** The passbook owner's name, for the receipt (the clerk saw it at the counter). */
  ownerName: string;
  lines: RedemptionLineView[];
  coupons: { code: string; catalogItemId: number; status: CouponStatus }[];
  cancellation: {
    transactionId: string;
    reason: string;
    cancelledAt: string;
    cancelledBy: string;
    balanceAfter: string;
  } | null;
  /** Points given back by returns so far. */
  returnedPoints: string;
  /** Returns of part of this redemption, oldest first. */
  returns: RedemptionReturnView[];
}

export interface DaySummary {
  date: string;
  timeZone: string;
  /** The day's bounds as instants (ISO, UTC). */
  from: string;
  to: string;
  redemptions: { count: number; points: string };
  /** Cancellations made that day (whatever day the redemption was). */
  cancellations: { count: number; points: string };
  /** Returns of part of a redemption made that day (whatever day the redemption was). */
  returns: { count: number; points: string; units: number };
  netPoints: string;
  /** Units and points given out that day, less what that day's cancellations and returns brought back. */
  items: {
    catalogItemId: number;
    name: string;
    kind: CatalogItemKind;
    quantity: number;
    points: string;
  }[];
  couponsUsed: { count: number; items: { catalogItemId: number; count: number }[] };
}

/**
 * Redemptions at the counter. Everything a redemption does (the window check, the stock taken, the
 * `redeem` ledger transaction, the coupons) happens in one write transaction, so a refusal leaves
 * no trace and a success is complete.
 */
/** Coupons one statement inserts (5 parameters each). */
const COUPONS_PER_STATEMENT = 1000;

@Injectable()
export class RedemptionsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly people: PeopleService,
    private readonly catalog: CatalogService,
    private readonly windows: RedemptionWindowsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async redeem(
    input: { passbookNo: string; lines: { catalogItemId: number; quantity: unknown }[] },
    actor: string,
    communityId: number,
    /** The clerk's username when the caller knows it (the principal's); else read by the actor. */
    clerkName?: string | null,
  ): Promise<RedemptionView> {
    const wanted = mergeLines(input.lines);
    return this.db.write(async (em) => {
      const owner = await this.passbookOrFail(input.passbookNo, communityId);
      refuseIneligible(owner);
      const window = await this.windows.requireOpenWindow(communityId);
      const items = await this.itemsFor(em, wanted, communityId);
      const short = wanted
        .map(({ catalogItemId, quantity }) => ({
          item: items.get(catalogItemId)!,
          requested: quantity,
        }))
        .filter(({ item, requested }) => item.stock < requested);
      if (short.length) {
        throw outOfStock(short);
      }
      const priced = wanted.map(({ catalogItemId, quantity }) => {
        const item = items.get(catalogItemId)!;
        return { item, quantity, amount: item.price * quantity };
      });
      const total = priced.reduce((sum, l) => sum + l.amount, 0);
      const now = this.clock.now().toISOString();

      // The redemption's own rows in plain SQL (every redemption writes them, where TypeORM's
      // save and insert cost more CPU than the database did).
      const redemption = em.create(Redemption, {
        communityId,
        passbookNo: owner.passbookNo,
        accountId: owner.accountId,
        ownerType: owner.type,
        windowId: window.id,
        total,
        balanceAfter: 0,
        transactionId: null,
        status: 'completed',
        createdBy: actor,
        createdAt: now,
        cancelTransactionId: null,
        cancelReason: null,
        cancelledBy: null,
        cancelledAt: null,
        balanceAfterCancel: null,
      });
      const inserted: { id: unknown }[] = await em.query(
        sql(
          this.db,
          `INSERT INTO redemptions (community_id, passbook_no, account_id, owner_type, window_id,
             total, balance_after, status, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, 'completed', ?, ?) RETURNING id`,
        ),
        [
          communityId,
          redemption.passbookNo,
          redemption.accountId,
          redemption.ownerType,
          redemption.windowId,
          total,
          actor,
          now,
        ],
      );
      redemption.id = toSafeInteger(inserted[0].id);
      // Its lines before the ledger, so the community's ledger lock is not held while they are written.
      await em.query(
        sql(
          this.db,
          `INSERT INTO redemption_lines (redemption_id, catalog_item_id, name, kind, unit_price, quantity, amount)
           VALUES ${priced.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        ),
        priced.flatMap(({ item, quantity, amount }) => [
          redemption.id,
          item.id,
          item.name,
          item.kind,
          item.price,
          quantity,
          amount,
        ]),
      );
      // Coupons and the clerk's name before the locks too: the stock rows' locks and the ledger's
      // are held to the commit, and after the post nothing but the ledger's own statements run (a
      // refusal rolls the coupons back with the rest).
      const coupons = await this.issueCoupons(em, redemption, priced, now);
      const usernames = await this.usernamesOf(
        em,
        [actor],
        clerkName === undefined ? undefined : new Map([[actor, clerkName]]),
      );
      // Stock first, in item order, then the ledger: the same lock order as cancellations.
      for (const { item, quantity } of priced) {
        await this.catalog.moveStock(em, item.id, -quantity, {
          kind: 'redemption',
          actor,
          redemptionId: redemption.id,
        });
      }
      const posted = await this.ledger.post({
        communityId: redemption.communityId,
        kind: 'redeem',
        actor,
        description: `公益坊兑换 #${redemption.id}: ${priced.map((l) => `${l.item.name}×${l.quantity}`).join('、')}`,
        postings: [
          { accountId: owner.accountId, amount: -total },
          {
            accountId: await this.ledger.systemAccountId(redemption.communityId, 'shop'),
            amount: total,
          },
        ],
        meta: { redemptionId: redemption.id, windowId: window.id },
        alsoWrite: (tx) => [
          {
            text: 'UPDATE redemptions SET transaction_id = ?, balance_after = ? WHERE id = ?',
            params: [tx.id, tx.balanceAfter.get(owner.accountId)!, redemption.id],
          },
        ],
      });
      redemption.transactionId = posted.id;
      redemption.balanceAfter = posted.balanceAfter.get(owner.accountId)!;
      // The answer from what this write knows: what view() would read back, no returns yet.
      return redemptionView(redemption, {
        lines: priced.map(({ item, quantity, amount }) => ({
          catalogItemId: item.id,
          name: item.name,
          kind: item.kind,
          unitPrice: item.price,
          quantity,
          amount,
        })),
        coupons,
        returns: [],
        returnLines: [],
        voided: [],
        returned: new Map(),
        usernames,
        ownerName: owner.name,
      });
    });
  }

  /**
   * Gives the points and stock back and voids the unused coupons. A clerk may cancel only while the
   * redemption's window is still open; an administrator at any time. Refused once a coupon is used.
   */
  async cancel(id: number, reason: string, principal: Principal): Promise<RedemptionView> {
    const actor = actorOf(principal);
    const communityId = communityOf(principal);
    return this.db.write(async (em) => {
      const r = await em.findOneBy(Redemption, { id, communityId });
      if (!r) {
        throw DomainError.notFound('redemption');
      }
      if (r.status === 'cancelled') {
        throw alreadyCancelled(r);
      }
      await this.refuseClosedWindowForClerk(r, principal, 'cancel');
      const now = this.clock.now().toISOString();
      // Claiming the row first makes a concurrent second cancellation wait, then find it done.
      const claimed = await em
        .createQueryBuilder()
        .update(Redemption)
        .set({ status: 'cancelled', cancelReason: reason, cancelledBy: actor, cancelledAt: now })
        .where('id = :id AND status = :status', { id, status: 'completed' })
        .execute();
      if (!claimed.affected) {
        throw alreadyCancelled((await em.findOneBy(Redemption, { id }))!);
      }
      // Reversing the whole redeem transaction would credit returned units a second time.
      const returned = await em.countBy(RedemptionReturn, { redemptionId: id });
      if (returned) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `redemption #${id} has been returned in part; return the remaining units instead of cancelling it`,
          { reason: 'PARTLY_RETURNED', redemptionId: id, returns: returned },
        );
      }
      await em
        .createQueryBuilder()
        .update(Coupon)
        .set({ status: 'void', voidedAt: now })
        .where('redemption_id = :id AND status = :status', { id, status: 'issued' })
        .execute();
      const used = await em.find(Coupon, {
        where: { redemptionId: id, status: 'used' },
        order: { id: 'ASC' },
      });
      if (used.length) {
        throw new DomainError(
          ErrorCode.COUPON_ALREADY_USED,
          `coupon ${used.map((c) => c.code).join(', ')} of this redemption has been used; it cannot be cancelled`,
          {
            reason: 'REDEMPTION_COUPON_USED',
            redemptionId: id,
            coupons: used.map((c) => ({ code: c.code, usedAt: c.usedAt })),
          },
        );
      }
      const lines = await em.find(RedemptionLine, {
        where: { redemptionId: id },
        order: { catalogItemId: 'ASC' },
      });
      for (const line of lines) {
        await this.catalog.moveStock(em, line.catalogItemId, line.quantity, {
          kind: 'cancellation',
          actor,
          redemptionId: id,
          note: reason,
        });
      }
      const reversal = await this.ledger.reverse(r.transactionId!, {
        communityId: r.communityId,
        actor,
        reason: `取消兑换 #${id}: ${reason}`,
        meta: { redemptionId: id },
      });
      await em.update(
        Redemption,
        { id },
        {
          cancelTransactionId: reversal.id,
          balanceAfterCancel: reversal.balanceAfter.get(r.accountId)!,
        },
      );
      return this.view(em, id);
    });
  }

  /**
   * Gives back some units of a redemption's lines: the stock comes back, the points of exactly those
   * units are credited back in one `redeem_return` transaction, and the coupons of returned coupon
   * units are voided. Who may, and until when, is the cancellation's rule; a unit whose coupon was
   * used cannot come back. Everything in one write, so a refusal changes nothing.
   */
  async returnPart(
    id: number,
    input: {
      lines: { catalogItemId: number; quantity: unknown; couponCodes?: string[] }[];
      reason: string;
    },
    principal: Principal,
  ): Promise<RedemptionReturnView & { redemption: RedemptionView }> {
    const actor = actorOf(principal);
    const wanted = mergeLines(input.lines);
    const handedBack = couponsHandedBack(input.lines, wanted);
    const communityId = communityOf(principal);
    return this.db.write(async (em) => {
      // Claiming the row first makes a concurrent return or cancellation wait, then see this one.
      const claimed = await em
        .createQueryBuilder()
        .update(Redemption)
        .set({ status: () => 'status' })
        .where('id = :id AND community_id = :communityId', { id, communityId })
        .execute();
      const r = claimed.affected ? await em.findOneBy(Redemption, { id }) : null;
      if (!r) {
        throw DomainError.notFound('redemption');
      }
      if (r.status === 'cancelled') {
        throw alreadyCancelled(r);
      }
      await this.refuseClosedWindowForClerk(r, principal, 'return');
      const lines = new Map(
        (await em.findBy(RedemptionLine, { redemptionId: id })).map((l) => [l.catalogItemId, l]),
      );
      const unknown = wanted.filter((w) => !lines.has(w.catalogItemId));
      if (unknown.length) {
        throw DomainError.validation(
          `redemption #${id} has no line of item ${unknown.map((w) => w.catalogItemId).join(', ')}`,
          { field: 'lines', catalogItemIds: unknown.map((w) => w.catalogItemId) },
        );
      }
      const returned = await this.returnedUnits(em, [id]);
      const over = wanted
        .map((w) => {
          const line = lines.get(w.catalogItemId)!;
          const remaining = line.quantity - (returned.get(`${id}:${w.catalogItemId}`) ?? 0);
          return {
            catalogItemId: line.catalogItemId,
            name: line.name,
            requested: w.quantity,
            remaining,
          };
        })
        .filter((l) => l.requested > l.remaining);
      if (over.length) {
        const text = over
          .map((l) => `"${l.name}": ${l.requested} to return, ${l.remaining} not yet returned`)
          .join('; ');
        throw new DomainError(ErrorCode.CONFLICT, `more than was taken: ${text}`, {
          reason: 'RETURN_EXCEEDS_REMAINING',
          redemptionId: id,
          ...over[0],
          items: over,
        });
      }
      for (const catalogItemId of handedBack.keys()) {
        if (lines.get(catalogItemId)!.kind !== 'service_coupon') {
          throw DomainError.validation(`item ${catalogItemId} of this redemption has no coupons`, {
            field: 'couponCodes',
            catalogItemId,
          });
        }
      }
      const now = this.clock.now().toISOString();
      const voided: Coupon[] = [];
      for (const w of wanted) {
        const line = lines.get(w.catalogItemId)!;
        if (line.kind === 'service_coupon') {
          voided.push(
            ...(await this.voidCoupons(
              em,
              id,
              line,
              w.quantity,
              now,
              handedBack.get(w.catalogItemId),
            )),
          );
        }
      }
      const priced = wanted.map((w) => {
        const line = lines.get(w.catalogItemId)!;
        return { line, quantity: w.quantity, amount: line.unitPrice * w.quantity };
      });
      const points = priced.reduce((sum, l) => sum + l.amount, 0);
      // Stock first, in item order, then the ledger: the lock order of redemptions and cancellations.
      for (const { line, quantity } of priced) {
        await this.catalog.moveStock(em, line.catalogItemId, quantity, {
          kind: 'return',
          actor,
          redemptionId: id,
          note: input.reason,
        });
      }
      const posted = await this.ledger.post({
        communityId: r.communityId,
        kind: 'redeem_return',
        actor,
        description: `退货 兑换 No. ${id}: ${priced.map((l) => `${l.line.name}×${l.quantity}`).join('、')}（${input.reason}）`,
        postings: [
          { accountId: r.accountId, amount: points },
          {
            accountId: await this.ledger.systemAccountId(r.communityId, 'shop'),
            amount: -points,
          },
        ],
        meta: { redemptionId: id, windowId: r.windowId, reason: input.reason },
      });
      const saved = await em.save(
        em.create(RedemptionReturn, {
          redemptionId: id,
          transactionId: posted.id,
          points,
          balanceAfter: posted.balanceAfter.get(r.accountId)!,
          reason: input.reason,
          createdBy: actor,
          createdAt: now,
        }),
      );
      await em.insert(
        RedemptionReturnLine,
        priced.map(({ line, quantity, amount }) => ({
          returnId: saved.id,
          catalogItemId: line.catalogItemId,
          redemptionId: id,
          quantity,
          unitPrice: line.unitPrice,
          amount,
        })),
      );
      if (voided.length) {
        await em.insert(
          RedemptionReturnCoupon,
          voided.map((c) => ({ returnId: saved.id, couponId: c.id })),
        );
      }
      const redemption = await this.view(em, id);
      return { ...redemption.returns.find((x) => x.id === saved.id)!, redemption };
    });
  }

  async get(id: number, communityId: number): Promise<RedemptionView> {
    return this.db.read(async (em) => {
      if (!(await em.findOneBy(Redemption, { id, communityId }))) {
        throw DomainError.notFound('redemption');
      }
      return this.view(em, id);
    });
  }

  /** The community's redemptions, newest first, optionally of one passbook or one window. */
  async list(
    query: {
      passbookNo?: string;
      windowId?: number;
      date?: string;
      limit: number;
      cursor?: string;
    },
    communityId: number,
  ): Promise<Page<RedemptionView>> {
    const beforeId = decodeIdCursor(query.cursor);
    const passbookNo =
      query.passbookNo === undefined
        ? undefined
        : (await this.passbookOrFail(query.passbookNo, communityId)).passbookNo;
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(Redemption, 'r')
        .select('r.id', 'id')
        .where('r.community_id = :communityId', { communityId })
        .orderBy('r.id', 'DESC');
      if (passbookNo !== undefined) {
        qb.andWhere('r.passbook_no = :passbookNo', { passbookNo });
      }
      if (query.windowId !== undefined) {
        qb.andWhere('r.window_id = :windowId', { windowId: query.windowId });
      }
      if (query.date !== undefined) {
        const { from, to } = localDayBounds(query.date, this.config.timeZone);
        qb.andWhere('r.created_at >= :from AND r.created_at < :to', { from, to });
      }
      if (beforeId !== undefined) {
        qb.andWhere('r.id < :beforeId', { beforeId });
      }
      const ids: { id: number }[] = (await qb.limit(query.limit + 1).getRawMany()).map(
        (row: { id: unknown }) => ({ id: Number(row.id) }),
      );
      const page = toPage(ids, query.limit, (row) => row.id);
      return {
        items: await this.views(em, page.items),
        nextCursor: page.nextCursor,
      };
    });
  }

  /**
   * Closing the counter's day: redemptions, cancellations and returns made on one local date (the
   * community's zone), the items given out net of that day's cancellations and returns, and coupons
   * used, in one community.
   */
  async daySummary(date: string | undefined, communityId: number): Promise<DaySummary> {
    const day = date ?? this.ledger.today();
    const { from, to } = localDayBounds(day, this.config.timeZone);
    return this.db.read(async (em) => {
      const q = <T>(text: string, params: unknown[]): Promise<T[]> =>
        em.query(sql(this.db, text), params);
      const made = await q<{ n: unknown; points: unknown }>(
        'SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS points FROM redemptions WHERE community_id = ? AND created_at >= ? AND created_at < ?',
        [communityId, from, to],
      );
      const cancelled = await q<{ n: unknown; points: unknown }>(
        'SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS points FROM redemptions WHERE community_id = ? AND cancelled_at >= ? AND cancelled_at < ?',
        [communityId, from, to],
      );
      const returned = await q<{ n: unknown; points: unknown; units: unknown }>(
        `SELECT COUNT(*) AS n, COALESCE(SUM(x.points), 0) AS points, COALESCE(SUM(x.units), 0) AS units
         FROM (SELECT rr.id, MAX(rr.points) AS points, SUM(rl.quantity) AS units
               FROM redemption_returns rr JOIN redemption_return_lines rl ON rl.return_id = rr.id
               JOIN redemptions r ON r.id = rr.redemption_id
               WHERE r.community_id = ? AND rr.created_at >= ? AND rr.created_at < ?
               GROUP BY rr.id) x`,
        [communityId, from, to],
      );
      const lines = await q<{
        catalog_item_id: unknown;
        name: string;
        kind: CatalogItemKind;
        sign: unknown;
        quantity: unknown;
        amount: unknown;
      }>(
        `SELECT l.catalog_item_id, MAX(l.name) AS name, MAX(l.kind) AS kind, 1 AS sign,
                SUM(l.quantity) AS quantity, SUM(l.amount) AS amount
         FROM redemption_lines l JOIN redemptions r ON r.id = l.redemption_id
         WHERE r.community_id = ? AND r.created_at >= ? AND r.created_at < ?
         GROUP BY l.catalog_item_id
         UNION ALL
         SELECT l.catalog_item_id, MAX(l.name) AS name, MAX(l.kind) AS kind, -1 AS sign,
                SUM(l.quantity) AS quantity, SUM(l.amount) AS amount
         FROM redemption_lines l JOIN redemptions r ON r.id = l.redemption_id
         WHERE r.community_id = ? AND r.cancelled_at >= ? AND r.cancelled_at < ?
         GROUP BY l.catalog_item_id
         UNION ALL
         SELECT rl.catalog_item_id, MAX(l.name) AS name, MAX(l.kind) AS kind, -1 AS sign,
                SUM(rl.quantity) AS quantity, SUM(rl.amount) AS amount
         FROM redemption_return_lines rl
         JOIN redemption_returns rr ON rr.id = rl.return_id
         JOIN redemption_lines l
           ON l.redemption_id = rl.redemption_id AND l.catalog_item_id = rl.catalog_item_id
         JOIN redemptions r ON r.id = rl.redemption_id
         WHERE r.community_id = ? AND rr.created_at >= ? AND rr.created_at < ?
         GROUP BY rl.catalog_item_id`,
        [communityId, from, to, communityId, from, to, communityId, from, to],
      );
      const items = new Map<number, DaySummary['items'][number] & { cents: number }>();
      for (const l of lines) {
        const id = toSafeInteger(l.catalog_item_id);
        const sign = toSafeInteger(l.sign);
        const row = items.get(id) ?? {
          catalogItemId: id,
          name: l.name,
          kind: l.kind,
          quantity: 0,
          points: '0.00',
          cents: 0,
        };
        row.quantity += sign * toSafeInteger(l.quantity);
        row.cents += sign * toSafeInteger(l.amount);
        items.set(id, row);
      }
      const used = await q<{ catalog_item_id: unknown; n: unknown }>(
        `SELECT c.catalog_item_id, COUNT(*) AS n FROM coupons c
         JOIN redemptions r ON r.id = c.redemption_id
         WHERE r.community_id = ? AND c.used_at >= ? AND c.used_at < ?
         GROUP BY c.catalog_item_id ORDER BY c.catalog_item_id`,
        [communityId, from, to],
      );
      const madeCents = toSafeInteger(made[0].points);
      const cancelledCents = toSafeInteger(cancelled[0].points);
      const returnedCents = toSafeInteger(returned[0].points);
      return {
        date: day,
        timeZone: this.config.timeZone,
        from,
        to,
        redemptions: { count: toSafeInteger(made[0].n), points: formatCents(madeCents) },
        cancellations: {
          count: toSafeInteger(cancelled[0].n),
          points: formatCents(cancelledCents),
        },
        returns: {
          count: toSafeInteger(returned[0].n),
          points: formatCents(returnedCents),
          units: toSafeInteger(returned[0].units),
        },
        netPoints: formatCents(madeCents - cancelledCents - returnedCents),
        items: [...items.values()]
          // An item taken and all brought back the same day was not given out.
          .filter((row) => row.quantity !== 0 || row.cents !== 0)
          .sort((a, b) => a.catalogItemId - b.catalogItemId)
          .map(({ cents, ...row }) => ({ ...row, points: formatCents(cents) })),
        couponsUsed: {
          count: used.reduce((n, u) => n + toSafeInteger(u.n), 0),
          items: used.map((u) => ({
            catalogItemId: toSafeInteger(u.catalog_item_id),
            count: toSafeInteger(u.n),
          })),
        },
      };
    });
  }

  /** A clerk acts on a redemption only while its window is open; an administrator at any time. */
  private async refuseClosedWindowForClerk(
    r: Redemption,
    principal: Principal,
    verb: 'cancel' | 'return',
  ): Promise<void> {
    if (
      !mayActOutsideWindow(principal) &&
      !(await this.windows.isOpen(r.windowId, this.clock.now()))
    ) {
      throw new DomainError(
        ErrorCode.REDEMPTION_WINDOW_CLOSED,
        verb === 'cancel'
          ? 'the window of this redemption has closed; only an administrator can cancel it now'
          : 'the window of this redemption has closed; only an administrator can take a return now',
        {
          reason: verb === 'cancel' ? 'CANCEL_WINDOW_PASSED' : 'RETURN_WINDOW_PASSED',
          redemptionId: r.id,
          windowId: r.windowId,
          ...(verb === 'return' ? { action: 'return' } : {}),
        },
      );
    }
  }

  /**
   * Voids `quantity` issued coupons of a returned coupon line: the ones handed back when their codes
   * are given, otherwise the oldest. A unit whose coupon was used cannot come back:
   * COUPON_ALREADY_USED, also when a clerk uses one at this very moment.
   */
  private async voidCoupons(
    em: EntityManager,
    redemptionId: number,
    line: RedemptionLine,
    quantity: number,
    now: string,
    codes?: string[],
  ): Promise<Coupon[]> {
    const coupons = await em.find(Coupon, {
      where: { redemptionId, catalogItemId: line.catalogItemId },
      order: { id: 'ASC' },
    });
    let issued = coupons.filter((c) => c.status === 'issued').slice(0, quantity);
    if (codes) {
      const chosen = coupons.filter((c) => codes.includes(c.code));
      if (chosen.length !== codes.length) {
        const mine = new Set(chosen.map((c) => c.code));
        throw DomainError.validation(
          `not coupons of "${line.name}" in redemption #${redemptionId}: ${codes.filter((c) => !mine.has(c)).join(', ')}`,
          { field: 'couponCodes', catalogItemId: line.catalogItemId },
        );
      }
      const returnedBefore = chosen.filter((c) => c.status === 'void');
      if (returnedBefore.length) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `coupon ${returnedBefore[0].code} was already given back`,
          {
            reason: 'COUPON_RETURNED',
            code: returnedBefore[0].code,
            voidedAt: returnedBefore[0].voidedAt,
          },
        );
      }
      issued = chosen;
    }
    let affected = 0;
    if (issued.length === quantity) {
      affected =
        (
          await em
            .createQueryBuilder()
            .update(Coupon)
            .set({ status: 'void', voidedAt: now })
            .where('id IN (:...ids) AND status = :status', {
              ids: issued.map((c) => c.id),
              status: 'issued',
            })
            .execute()
        ).affected ?? 0;
    }
    if (affected !== quantity) {
      const used = (
        await em.find(Coupon, {
          where: { redemptionId, catalogItemId: line.catalogItemId, status: 'used' },
          order: { id: 'ASC' },
        })
      ).map((c) => ({ code: c.code, usedAt: c.usedAt }));
      const returnable = coupons.filter((c) => c.status === 'issued').length;
      throw new DomainError(
        ErrorCode.COUPON_ALREADY_USED,
        `"${line.name}": ${used.length} coupon(s) of this line have been used (${used.map((c) => c.code).join(', ')}); ${returnable} unit(s) can still be returned`,
        {
          reason: 'RETURN_COUPON_USED',
          redemptionId,
          catalogItemId: line.catalogItemId,
          name: line.name,
          requested: quantity,
          returnable,
          coupons: used,
        },
      );
    }
    return issued;
  }

  /** Units given back so far per redemption line, keyed "redemptionId:catalogItemId". */
  private async returnedUnits(em: EntityManager, ids: number[]): Promise<Map<string, number>> {
    const rows: { redemption_id: unknown; catalog_item_id: unknown; quantity: unknown }[] =
      await em.query(
        sql(
          this.db,
          `SELECT redemption_id, catalog_item_id, SUM(quantity) AS quantity
           FROM redemption_return_lines WHERE redemption_id IN (${placeholders(ids)})
           GROUP BY redemption_id, catalog_item_id`,
        ),
        ids,
      );
    return new Map(
      rows.map((r) => [
        `${toSafeInteger(r.redemption_id)}:${toSafeInteger(r.catalog_item_id)}`,
        toSafeInteger(r.quantity),
      ]),
    );
  }

  /** The passbook as typed or scanned, of the community; unknown or another community's: 404. */
  async passbookOrFail(input: string, communityId: number): Promise<PassbookHolder> {
    const holder = await this.people.findPassbookHolder(input);
    if (!holder || holder.communityId !== communityId) {
      throw DomainError.notFound('passbook');
    }
    return holder;
  }

  private async itemsFor(
    em: EntityManager,
    wanted: { catalogItemId: number }[],
    communityId: number,
  ): Promise<Map<number, CatalogItem>> {
    // Another community's item is not in this catalog: refused like an unknown id.
    const ids = wanted.map((w) => w.catalogItemId);
    const rows = (
      await em.query<CatalogItemRow[]>(
        sql(
          this.db,
          `SELECT community_id, id, name, kind, price, stock, active, created_by, created_at, updated_at
           FROM catalog_items WHERE id IN (${placeholders(ids)}) AND community_id = ? ORDER BY id`,
        ),
        [...ids, communityId],
      )
    ).map(catalogItemOf);
    const items = new Map(rows.map((i) => [i.id, i]));
    const unknown = wanted.filter((w) => !items.has(w.catalogItemId)).map((w) => w.catalogItemId);
    if (unknown.length) {
      throw new DomainError(
        ErrorCode.UNKNOWN_ITEM,
        `the catalog has no item ${unknown.join(', ')}`,
        { reason: 'NOT_IN_CATALOG', catalogItemIds: unknown },
      );
    }
    const inactive = rows.filter((i) => !i.active);
    if (inactive.length) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `no longer offered: ${inactive.map((i) => `"${i.name}"`).join(', ')}`,
        {
          reason: 'ITEM_INACTIVE',
          items: inactive.map((i) => ({ catalogItemId: i.id, name: i.name, active: false })),
        },
      );
    }
    return items;
  }

  /**
   * One coupon per unit of each service-coupon line, in line order: fresh codes checked against
   * the issued ones in one read, then one insert. Answers them in id order, as view() lists them.
   */
  private async issueCoupons(
    em: EntityManager,
    redemption: Redemption,
    priced: { item: CatalogItem; quantity: number }[],
    now: string,
  ): Promise<{ code: string; catalogItemId: number; status: CouponStatus }[]> {
    const wanted = priced
      .filter(({ item }) => item.kind === 'service_coupon')
      .flatMap(({ item, quantity }) => Array.from({ length: quantity }, () => item.id));
    if (!wanted.length) {
      return [];
    }
    const inserted: { id: unknown; code: string; catalog_item_id: unknown }[] = [];
    // In batches: one statement's parameters stay far below SQLite's limit (32,766) however many
    // coupons a redemption issues.
    for (let from = 0; from < wanted.length; from += COUPONS_PER_STATEMENT) {
      const batch = wanted.slice(from, from + COUPONS_PER_STATEMENT);
      const codes = batch.map(() => newCouponCode());
      // 31^11 codes make a clash vanishingly rare; the unique index is the backstop.
      for (;;) {
        const taken = new Set(
          (
            await em.query<{ code: string }[]>(
              sql(this.db, `SELECT code FROM coupons WHERE code IN (${placeholders(codes)})`),
              codes,
            )
          ).map((c) => c.code),
        );
        const seen = new Set<string>();
        let clashed = false;
        codes.forEach((code, i) => {
          if (taken.has(code) || seen.has(code)) {
            codes[i] = newCouponCode();
            clashed = true;
          }
          seen.add(codes[i]);
        });
        if (!clashed) {
          break;
        }
      }
      inserted.push(
        ...(await em.query<{ id: unknown; code: string; catalog_item_id: unknown }[]>(
          sql(
            this.db,
            `INSERT INTO coupons (code, redemption_id, catalog_item_id, passbook_no, status, issued_at)
             VALUES ${codes.map(() => "(?, ?, ?, ?, 'issued', ?)").join(', ')}
             RETURNING id, code, catalog_item_id`,
          ),
          codes.flatMap((code, i) => [code, redemption.id, batch[i], redemption.passbookNo, now]),
        )),
      );
    }
    return inserted
      .map((c) => ({
        id: toSafeInteger(c.id),
        code: c.code,
        catalogItemId: toSafeInteger(c.catalog_item_id),
      }))
      .sort((a, b) => a.id - b.id)
      .map(({ code, catalogItemId }) => ({ code, catalogItemId, status: 'issued' as const }));
  }

  /**
   * Usernames of the staff among `actors` ("user:3"), by actor: read, or taken from `known` (the
   * caller's principal). A volunteer, the system or a removed user has none (null on a receipt).
   */
  private async usernamesOf(
    em: EntityManager,
    actors: string[],
    known?: Map<string, string | null>,
  ): Promise<Map<string, string>> {
    if (known) {
      return new Map(
        actors.flatMap((actor) => {
          const name = known.get(actor);
          return userIdOf(actor) !== null && typeof name === 'string'
            ? [[actor, name] as const]
            : [];
        }),
      );
    }
    const userIds = [...new Set(actors.map(userIdOf).filter((id): id is number => id !== null))];
    return new Map(
      (userIds.length
        ? await em.query<{ id: unknown; username: string }[]>(
            sql(this.db, `SELECT id, username FROM users WHERE id IN (${placeholders(userIds)})`),
            userIds,
          )
        : []
      ).map((u) => [`user:${toSafeInteger(u.id)}`, u.username]),
    );
  }

  private async view(em: EntityManager, id: number): Promise<RedemptionView> {
    return (await this.views(em, [id]))[0];
  }

  private async views(em: EntityManager, ids: number[]): Promise<RedemptionView[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await em.findBy(Redemption, { id: In(ids) });
    // Plain SQL for what every view reads (cancellations and returns answer their view in their write).
    const lines = (
      await em.query<
        {
          redemption_id: unknown;
          catalog_item_id: unknown;
          name: string;
          kind: CatalogItemKind;
          unit_price: unknown;
          quantity: unknown;
          amount: unknown;
        }[]
      >(
        sql(
          this.db,
          `SELECT redemption_id, catalog_item_id, name, kind, unit_price, quantity, amount
           FROM redemption_lines WHERE redemption_id IN (${placeholders(ids)})
           ORDER BY catalog_item_id ASC`,
        ),
        ids,
      )
    ).map((l) => ({
      redemptionId: toSafeInteger(l.redemption_id),
      catalogItemId: toSafeInteger(l.catalog_item_id),
      name: l.name,
      kind: l.kind,
      unitPrice: toSafeInteger(l.unit_price),
      quantity: toSafeInteger(l.quantity),
      amount: toSafeInteger(l.amount),
    }));
    const coupons = (
      await em.query<
        {
          id: unknown;
          code: string;
          redemption_id: unknown;
          catalog_item_id: unknown;
          status: CouponStatus;
        }[]
      >(
        sql(
          this.db,
          `SELECT id, code, redemption_id, catalog_item_id, status FROM coupons
           WHERE redemption_id IN (${placeholders(ids)}) ORDER BY id ASC`,
        ),
        ids,
      )
    ).map((c) => ({
      id: toSafeInteger(c.id),
      code: c.code,
      redemptionId: toSafeInteger(c.redemption_id),
      catalogItemId: toSafeInteger(c.catalog_item_id),
      status: c.status,
    }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const returns = await em.find(RedemptionReturn, {
      where: { redemptionId: In(ids) },
      order: { id: 'ASC' },
    });
    const returnIds = returns.map((x) => x.id);
    const returnLines = returnIds.length
      ? await em.find(RedemptionReturnLine, {
          where: { returnId: In(returnIds) },
          order: { catalogItemId: 'ASC' },
        })
      : [];
    const returnCoupons = returnIds.length
      ? await em.find(RedemptionReturnCoupon, {
          where: { returnId: In(returnIds) },
          order: { couponId: 'ASC' },
        })
      : [];
    const couponCodes = new Map(coupons.map((c) => [c.id, c.code]));
    const returned = await this.returnedUnits(em, ids);
    const users = await this.usernamesOf(em, [
      ...rows.map((r) => r.createdBy),
      ...returns.map((x) => x.createdBy),
    ]);
    const numbers = [...new Set(rows.map((r) => r.passbookNo))];
    const owners = new Map<string, string>(
      (
        await em.query<{ passbook_no: string; name: string }[]>(
          sql(
            this.db,
            `SELECT passbook_no, name FROM members WHERE passbook_no IN (${placeholders(numbers)})
             UNION ALL
             SELECT passbook_no, name FROM households WHERE passbook_no IN (${placeholders(numbers)})`,
          ),
          [...numbers, ...numbers],
        )
      ).map((o) => [o.passbook_no, o.name]),
    );
    const voided = returnCoupons.map((c) => ({
      returnId: c.returnId,
      code: couponCodes.get(c.couponId)!,
    }));
    return ids.map((id) => {
      const r = byId.get(id)!;
      return redemptionView(r, {
        lines: lines.filter((l) => l.redemptionId === id),
        coupons: coupons.filter((c) => c.redemptionId === id),
        returns: returns.filter((x) => x.redemptionId === id),
        returnLines,
        voided,
        returned,
        usernames: users,
        ownerName: owners.get(r.passbookNo) ?? '',
      });
    });
  }
}

/** What a redemption's view is made of besides its row; `returned` is keyed "redemptionId:catalogItemId". */
interface RedemptionViewParts {
  /** The redemption's lines in item order. */
  lines: {
    catalogItemId: number;
    name: string;
    kind: CatalogItemKind;
    unitPrice: number;
    quantity: number;
    amount: number;
  }[];
  /** The redemption's coupons in id order. */
  coupons: { code: string; catalogItemId: number; status: CouponStatus }[];
  /** The redemption's returns in id order; their lines (item order) and voided coupon codes. */
  returns: RedemptionReturn[];
  returnLines: RedemptionReturnLine[];
  voided: { returnId: number; code: string }[];
  returned: Map<string, number>;
  /** Usernames by actor (usernamesOf). */
  usernames: Map<string, string>;
  ownerName: string;
}

/**
 * A redemption as its receipt shows it, from rows already at hand: the one assembly of a view,
 * used by views() (read back) and by redeem (from what its write knows).
 */
function redemptionView(r: Redemption, parts: RedemptionViewParts): RedemptionView {
  const id = r.id;
  const { lines, returns, usernames } = parts;
  return {
    id: r.id,
    passbookNo: r.passbookNo,
    ownerType: r.ownerType,
    status: r.status,
    windowId: r.windowId,
    total: formatCents(r.total),
    balanceAfter: formatCents(r.balanceAfter),
    transactionId: r.transactionId!,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    createdByName: usernames.get(r.createdBy) ?? null,
    ownerName: parts.ownerName,
    lines: lines.map((l) => ({
      catalogItemId: l.catalogItemId,
      name: l.name,
      kind: l.kind,
      quantity: l.quantity,
      unitPrice: formatCents(l.unitPrice),
      amount: formatCents(l.amount),
      returnedQuantity: parts.returned.get(`${id}:${l.catalogItemId}`) ?? 0,
    })),
    coupons: parts.coupons.map((c) => ({
      code: c.code,
      catalogItemId: c.catalogItemId,
      status: c.status,
    })),
    cancellation:
      r.status === 'cancelled'
        ? {
            transactionId: r.cancelTransactionId!,
            reason: r.cancelReason!,
            cancelledAt: r.cancelledAt!,
            cancelledBy: r.cancelledBy!,
            balanceAfter: formatCents(r.balanceAfterCancel!),
          }
        : null,
    returnedPoints: formatCents(returns.reduce((sum, x) => sum + x.points, 0)),
    returns: returns.map((x) => ({
      id: x.id,
      redemptionId: id,
      transactionId: x.transactionId,
      points: formatCents(x.points),
      balanceAfter: formatCents(x.balanceAfter),
      reason: x.reason,
      createdAt: x.createdAt,
      createdBy: x.createdBy,
      createdByName: usernames.get(x.createdBy) ?? null,
      lines: parts.returnLines
        .filter((l) => l.returnId === x.id)
        .map((l) => ({
          catalogItemId: l.catalogItemId,
          name: lines.find((rl) => rl.catalogItemId === l.catalogItemId)!.name,
          quantity: l.quantity,
          unitPrice: formatCents(l.unitPrice),
          amount: formatCents(l.amount),
        })),
      voidedCoupons: parts.voided.filter((c) => c.returnId === x.id).map((c) => c.code),
    })),
  };
}

/** The user id of a staff actor ("user:3" → 3), null for anyone else. */
function userIdOf(actor: string): number | null {
  const m = /^user:(\d+)$/.exec(actor);
  return m ? Number(m[1]) : null;
}

interface CatalogItemRow {
  community_id: unknown;
  id: unknown;
  name: string;
  kind: CatalogItemKind;
  price: unknown;
  stock: unknown;
  active: unknown;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A catalog_items row read in plain SQL, as TypeORM would have loaded it. */
function catalogItemOf(row: CatalogItemRow): CatalogItem {
  return Object.assign(new CatalogItem(), {
    communityId: toSafeInteger(row.community_id),
    id: toSafeInteger(row.id),
    name: row.name,
    kind: row.kind,
    price: toSafeInteger(row.price),
    stock: toSafeInteger(row.stock),
    active: Boolean(row.active),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/**
 * The coupon codes handed back per returned item, normalised as typed or scanned; when given, one
 * per unit returned of that item, each once.
 */
/** `?, ?, …`: one placeholder per value. */
const placeholders = (values: unknown[]): string => values.map(() => '?').join(', ');

function couponsHandedBack(
  lines: { catalogItemId: number; couponCodes?: string[] }[],
  wanted: { catalogItemId: number; quantity: number }[],
): Map<number, string[]> {
  const codes = new Map<number, string[]>();
  lines.forEach((line, i) => {
    for (const typed of line.couponCodes ?? []) {
      const code = normaliseCouponCode(typed);
      if (!code) {
        throw DomainError.validation(`"${typed}" is not a coupon code`, {
          field: `lines.${i}.couponCodes`,
        });
      }
      codes.set(line.catalogItemId, [...(codes.get(line.catalogItemId) ?? []), code]);
    }
  });
  for (const [catalogItemId, list] of codes) {
    const quantity = wanted.find((w) => w.catalogItemId === catalogItemId)!.quantity;
    if (new Set(list).size !== list.length || list.length !== quantity) {
      throw DomainError.validation(
        `give one coupon code per unit returned of item ${catalogItemId}: ${quantity} unit(s), ${list.length} code(s)`,
        { field: 'couponCodes', catalogItemId },
      );
    }
  }
  return codes;
}

/** One line per item (a clerk who scans an item twice means two of it), in item order. */
function mergeLines(
  lines: { catalogItemId: number; quantity: unknown }[],
): { catalogItemId: number; quantity: number }[] {
  const merged = new Map<number, number>();
  lines.forEach((line, i) => {
    const quantity = parseUnits(line.quantity, {
      field: `lines.${i}.quantity`,
      min: 1,
      max: LINE_QUANTITY_MAX,
    });
    merged.set(line.catalogItemId, (merged.get(line.catalogItemId) ?? 0) + quantity);
  });
  for (const [catalogItemId, quantity] of merged) {
    if (quantity > LINE_QUANTITY_MAX) {
      throw DomainError.validation(`at most ${LINE_QUANTITY_MAX} of one item per redemption`, {
        field: 'lines',
        catalogItemId,
      });
    }
  }
  return [...merged]
    .map(([catalogItemId, quantity]) => ({ catalogItemId, quantity }))
    .sort((a, b) => a.catalogItemId - b.catalogItemId);
}

/** The community a passbook belongs to. */
export const holderCommunityOf = (owner: PassbookOwner): number =>
  owner.owner.type === 'member'
    ? owner.owner.member.communityId
    : owner.owner.household.communityId;

function refuseIneligible(holder: PassbookHolder): void {
  if (!holder.active) {
    throw new DomainError(ErrorCode.CONFLICT, `passbook ${holder.passbookNo} is closed`, {
      reason: 'PASSBOOK_CLOSED',
      passbookNo: holder.passbookNo,
    });
  }
  if (holder.type === 'household' && !holder.verified) {
    throw new DomainError(
      ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
      `household passbook ${holder.passbookNo} is not verified yet`,
      { reason: 'HOUSEHOLD_NOT_VERIFIED', passbookNo: holder.passbookNo },
    );
  }
}

function alreadyCancelled(r: Redemption): DomainError {
  return new DomainError(
    ErrorCode.ALREADY_REVERSED,
    `redemption #${r.id} was already cancelled at ${r.cancelledAt}`,
    { reason: 'REDEMPTION_CANCELLED', redemptionId: r.id, cancelledAt: r.cancelledAt },
  );
}
