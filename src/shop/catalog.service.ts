import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { formatCents, parseCents, toSafeInteger } from '../common/points';
import {
  CatalogItem,
  CatalogItemKind,
  StockMovement,
  StockMovementKind,
} from './entities/catalog-item.entity';
import { decodeIdCursor, Page, toPage } from '../common/pagination';
import { parseUnits } from './units';

/** Far beyond any community shelf; catches a mistyped extra digit. */
export const STOCK_MAX = 1_000_000;

export interface CatalogItemView {
  id: number;
  name: string;
  kind: CatalogItemKind;
  price: string;
  stock: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StockMovementView {
  id: number;
  kind: StockMovementKind;
  quantity: number;
  stockAfter: number;
  redemptionId: number | null;
  actor: string;
  note: string | null;
  createdAt: string;
}

export interface StockChange {
  kind: StockMovementKind;
  actor: string;
  note?: string | null;
  redemptionId?: number | null;
}

/**
 * Goods and service coupons the shop offers. Stock changes only through `moveStock`, which writes
 * a movement with who and why beside every change, so stock on hand is always explained.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(
    input: { name: string; kind: CatalogItemKind; price: unknown; stock: unknown },
    actor: string,
    communityId: number,
  ): Promise<CatalogItemView> {
    const name = cleanName(input.name);
    const price = parseCents(input.price, { field: 'price' });
    const stock = parseUnits(input.stock, { field: 'stock', min: 0, max: STOCK_MAX });
    return this.db.write(async (em) => {
      await this.refuseTakenName(em, name, communityId);
      const now = this.clock.now().toISOString();
      const item = await em.save(
        em.create(CatalogItem, {
          communityId,
          name,
          kind: input.kind,
          price,
          stock: 0,
          active: true,
          createdBy: actor,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (stock > 0) {
        item.stock = await this.moveStock(em, item.id, stock, { kind: 'initial', actor });
      }
      return toView(item);
    });
  }

  /** Name, price (for redemptions from now on) and whether the item is offered. */
  async update(
    id: number,
    input: { name?: string; price?: unknown; active?: boolean },
    communityId: number,
  ): Promise<CatalogItemView> {
    const name = input.name === undefined ? undefined : cleanName(input.name);
    const price =
      input.price === undefined ? undefined : parseCents(input.price, { field: 'price' });
    return this.db.write(async (em) => {
      const item = await this.findOrFail(em, id, communityId);
      if (name !== undefined && name !== item.name) {
        await this.refuseTakenName(em, name, communityId);
      }
      const changes: Partial<CatalogItem> = {
        ...(name !== undefined ? { name } : {}),
        ...(price !== undefined ? { price } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updatedAt: this.clock.now().toISOString(),
      };
      await em.update(CatalogItem, { id }, changes);
      return toView({ ...item, ...changes, stock: await this.stockOf(em, id) });
    });
  }

  async restock(
    id: number,
    input: { quantity: unknown; note?: string },
    actor: string,
    communityId: number,
  ): Promise<CatalogItemView & { movement: StockMovementView }> {
    const quantity = parseUnits(input.quantity, { field: 'quantity', min: 1, max: STOCK_MAX });
    return this.changeStock(id, communityId, quantity, {
      kind: 'restock',
      actor,
      note: input.note ?? null,
    });
  }

  /** A counted difference (breakage, expiry, a miscount), signed, with the reason kept. */
  async adjust(
    id: number,
    input: { quantity: unknown; reason: string },
    actor: string,
    communityId: number,
  ): Promise<CatalogItemView & { movement: StockMovementView }> {
    const quantity = parseUnits(input.quantity, {
      field: 'quantity',
      min: -STOCK_MAX,
      max: STOCK_MAX,
    });
    if (quantity === 0) {
      throw DomainError.validation('quantity must not be zero', { field: 'quantity' });
    }
    return this.changeStock(id, communityId, quantity, {
      kind: 'adjustment',
      actor,
      note: input.reason,
    });
  }

  /** The community's catalog in catalog order; withdrawn items only for administrators. */
  async list(
    query: { kind?: CatalogItemKind; limit: number; cursor?: string },
    viewer: Role,
    communityId: number,
  ): Promise<Page<CatalogItemView>> {
    const afterId = decodeIdCursor(query.cursor);
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(CatalogItem, 'c')
        .where('c.community_id = :communityId', { communityId })
        .orderBy('c.id', 'ASC');
      if (viewer !== 'admin') {
        qb.andWhere('c.active = :active', { active: true });
      }
      if (query.kind) {
        qb.andWhere('c.kind = :kind', { kind: query.kind });
      }
      if (afterId !== undefined) {
        qb.andWhere('c.id > :afterId', { afterId });
      }
      return toPage(await qb.limit(query.limit + 1).getMany(), query.limit, toView);
    });
  }

  async get(id: number, viewer: Role, communityId: number): Promise<CatalogItemView> {
    return this.db.read(async (em) => {
      const item = await this.findOrFail(em, id, communityId);
      if (!item.active && viewer !== 'admin') {
        throw DomainError.notFound('catalog item');
      }
      return toView(item);
    });
  }

  /** Newest first: how the stock on hand came to be. */
  async movements(
    id: number,
    page: { limit: number; cursor?: string },
    communityId: number,
  ): Promise<Page<StockMovementView>> {
    const beforeId = decodeIdCursor(page.cursor);
    return this.db.read(async (em) => {
      await this.findOrFail(em, id, communityId);
      const qb = em
        .createQueryBuilder(StockMovement, 'm')
        .where('m.catalog_item_id = :id', { id })
        .orderBy('m.id', 'DESC');
      if (beforeId !== undefined) {
        qb.andWhere('m.id < :beforeId', { beforeId });
      }
      return toPage(await qb.limit(page.limit + 1).getMany(), page.limit, toMovementView);
    });
  }

  /**
   * Changes an item's stock by `delta` and logs the movement; call inside Database.write. A
   * decrease is a conditional update, so concurrent takers (several instances on PostgreSQL
   * included) can never drive stock below zero: a short one is refused with OUT_OF_STOCK.
   */
  async moveStock(
    em: EntityManager,
    catalogItemId: number,
    delta: number,
    change: StockChange,
  ): Promise<number> {
    // Two plain statements: the conditional update answers the stock it left, then the movement.
    const rows = await this.db.updateReturning<{ stock: unknown }>(
      `UPDATE catalog_items SET stock = stock + ? WHERE id = ?${delta < 0 ? ' AND stock >= ?' : ''}
       RETURNING stock`,
      delta < 0 ? [delta, catalogItemId, -delta] : [delta, catalogItemId],
    );
    if (!rows.length) {
      const item = await this.findOrFail(em, catalogItemId);
      throw outOfStock([{ item, requested: -delta }]);
    }
    const stockAfter = toSafeInteger(rows[0].stock);
    await em.query(
      sql(
        this.db,
        `INSERT INTO stock_movements (catalog_item_id, kind, quantity, stock_after, redemption_id,
           actor, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      [
        catalogItemId,
        change.kind,
        delta,
        stockAfter,
        change.redemptionId ?? null,
        change.actor,
        change.note ?? null,
        this.clock.now().toISOString(),
      ],
    );
    return stockAfter;
  }

  private async changeStock(id: number, communityId: number, delta: number, change: StockChange) {
    return this.db.write(async (em) => {
      await this.findOrFail(em, id, communityId);
      await this.moveStock(em, id, delta, change);
      const item = await this.findOrFail(em, id, communityId);
      const movement = await em.findOneOrFail(StockMovement, {
        where: { catalogItemId: id },
        order: { id: 'DESC' },
      });
      return { ...toView(item), movement: toMovementView(movement) };
    });
  }

  private async stockOf(em: EntityManager, id: number): Promise<number> {
    const row = await em.findOne(CatalogItem, { where: { id }, select: { id: true, stock: true } });
    return row!.stock;
  }

  /** The item, if it is of the community; another community's is unknown (404). */
  private async findOrFail(
    em: EntityManager,
    id: number,
    communityId?: number,
  ): Promise<CatalogItem> {
    const item = await em.findOneBy(
      CatalogItem,
      communityId === undefined ? { id } : { id, communityId },
    );
    if (!item) {
      throw DomainError.notFound('catalog item');
    }
    return item;
  }

  /** Names are unique within a community; another community may use the same name. */
  private async refuseTakenName(em: EntityManager, name: string, communityId: number) {
    if (await em.findOneBy(CatalogItem, { name, communityId })) {
      throw new DomainError(ErrorCode.CONFLICT, `the catalog already has an item named "${name}"`, {
        reason: 'DUPLICATE_NAME',
        field: 'name',
      });
    }
  }
}

/** OUT_OF_STOCK naming the first short item at the top and every short item in `items`. */
export function outOfStock(short: { item: CatalogItem; requested: number }[]): DomainError {
  const items = short.map(({ item, requested }) => ({
    catalogItemId: item.id,
    name: item.name,
    requested,
    available: item.stock,
  }));
  const text = items
    .map((i) => `"${i.name}": ${i.requested} requested, ${i.available} left`)
    .join('; ');
  return new DomainError(ErrorCode.OUT_OF_STOCK, `not enough in stock: ${text}`, {
    ...items[0],
    items,
  });
}

function cleanName(input: string): string {
  const name = input.trim();
  if (name.length === 0 || name.length > 100) {
    throw DomainError.validation('name must be 1 to 100 characters', { field: 'name' });
  }
  return name;
}

export function toView(item: CatalogItem): CatalogItemView {
  return {
    id: item.id,
    name: item.name,
    kind: item.kind,
    price: formatCents(item.price),
    stock: item.stock,
    active: Boolean(item.active),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

function toMovementView(m: StockMovement): StockMovementView {
  return {
    id: m.id,
    kind: m.kind,
    quantity: m.quantity,
    stockAfter: m.stockAfter,
    redemptionId: m.redemptionId,
    actor: m.actor,
    note: m.note,
    createdAt: m.createdAt,
  };
}
