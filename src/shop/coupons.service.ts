import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Principal } from '../auth/principal';
import { communityOf } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors';
import { PeopleService } from '../people/people.service';
import { normaliseCouponCode } from './coupon-code';
import { holderCommunityOf } from './redemptions.service';
import { CatalogItem } from './entities/catalog-item.entity';
import { Coupon, CouponStatus, Redemption } from './entities/redemption.entity';
import { RedemptionReturnCoupon } from './entities/redemption-return.entity';
import { decodeIdCursor, Page, toPage } from '../common/pagination';

export interface CouponView {
  code: string;
  catalogItemId: number;
  itemName: string;
  status: CouponStatus;
  redemptionId: number;
  passbookNo: string;
  issuedAt: string;
  usedAt: string | null;
  voidedAt: string | null;
}

/** Service coupons: looked up and marked used at the counter, listed for their passbook. */
@Injectable()
export class CouponsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly people: PeopleService,
  ) {}

  /**
   * Marks a coupon of the community used, once; a conditional update, so two clerks cannot both
   * use it. Another community's coupon is unknown here (404).
   */
  async use(
    input: string,
    actor: string,
    communityId: number,
    note?: string,
  ): Promise<{ code: string; status: 'used'; usedAt: string }> {
    const code = normaliseCouponCode(input);
    if (!code) {
      throw DomainError.notFound('coupon');
    }
    return this.db.write(async (em) => {
      const usedAt = this.clock.now().toISOString();
      const { affected } = await em
        .createQueryBuilder()
        .update(Coupon)
        .set({ status: 'used', usedAt, usedBy: actor, useNote: note ?? null })
        .where('code = :code AND status = :status', { code, status: 'issued' })
        .andWhere(
          'redemption_id IN (SELECT r.id FROM redemptions r WHERE r.community_id = :communityId)',
          { communityId },
        )
        .execute();
      if (affected) {
        return { code, status: 'used' as const, usedAt };
      }
      const coupon = await this.couponOf(em, code, communityId);
      if (!coupon) {
        throw DomainError.notFound('coupon');
      }
      if (coupon.status === 'used') {
        throw new DomainError(
          ErrorCode.COUPON_ALREADY_USED,
          `coupon ${code} was already used at ${coupon.usedAt}`,
          { reason: 'COUPON_USED', code, usedAt: coupon.usedAt },
        );
      }
      if (await em.existsBy(RedemptionReturnCoupon, { couponId: coupon.id })) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `coupon ${code} was given back in a return at ${coupon.voidedAt}`,
          { reason: 'COUPON_RETURNED', code, status: coupon.status, voidedAt: coupon.voidedAt },
        );
      }
      throw new DomainError(
        ErrorCode.CONFLICT,
        `coupon ${code} is void: its redemption was cancelled at ${coupon.voidedAt}`,
        { reason: 'COUPON_VOID', code, status: coupon.status, voidedAt: coupon.voidedAt },
      );
    });
  }

  async get(input: string, communityId: number): Promise<CouponView> {
    const code = normaliseCouponCode(input);
    const coupon = code ? await this.db.read((em) => this.couponOf(em, code, communityId)) : null;
    if (!coupon) {
      throw DomainError.notFound('coupon');
    }
    return (await this.views([coupon]))[0];
  }

  /** A passbook's coupons, newest first; unknown passbook or another community's: 404. */
  async listForPassbook(
    passbookInput: string,
    query: { status?: CouponStatus; limit: number; cursor?: string },
    communityId: number,
  ): Promise<Page<CouponView>> {
    const owner = await this.people.findPassbook(passbookInput);
    if (!owner || holderCommunityOf(owner) !== communityId) {
      throw DomainError.notFound('passbook');
    }
    const beforeId = decodeIdCursor(query.cursor);
    const rows = await this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(Coupon, 'c')
        .where('c.passbook_no = :passbookNo', { passbookNo: owner.passbookNo })
        .orderBy('c.id', 'DESC');
      if (query.status) {
        qb.andWhere('c.status = :status', { status: query.status });
      }
      if (beforeId !== undefined) {
        qb.andWhere('c.id < :beforeId', { beforeId });
      }
      return qb.limit(query.limit + 1).getMany();
    });
    const page = toPage(rows, query.limit, (c) => c);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  /** A volunteer's own coupons. */
  async listForPrincipal(
    principal: Principal,
    query: { status?: CouponStatus; limit: number; cursor?: string },
  ): Promise<Page<CouponView>> {
    if (principal.kind !== 'member') {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer has coupons of their own', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    return this.listForPassbook(principal.passbookNo, query, communityOf(principal));
  }

  /** The coupon with this code if it was issued in the community, else null. */
  private async couponOf(
    em: EntityManager,
    code: string,
    communityId: number,
  ): Promise<Coupon | null> {
    const coupon = await em.findOneBy(Coupon, { code });
    return coupon && (await em.existsBy(Redemption, { id: coupon.redemptionId, communityId }))
      ? coupon
      : null;
  }

  private async views(coupons: Coupon[]): Promise<CouponView[]> {
    const ids = [...new Set(coupons.map((c) => c.catalogItemId))];
    const items = ids.length
      ? await this.db.read((em) => em.findBy(CatalogItem, { id: In(ids) }))
      : [];
    const names = new Map(items.map((i) => [i.id, i.name]));
    return coupons.map((c) => ({
      code: c.code,
      catalogItemId: c.catalogItemId,
      itemName: names.get(c.catalogItemId) ?? '',
      status: c.status,
      redemptionId: c.redemptionId,
      passbookNo: c.passbookNo,
      issuedAt: c.issuedAt,
      usedAt: c.usedAt,
      voidedAt: c.voidedAt,
    }));
  }
}
