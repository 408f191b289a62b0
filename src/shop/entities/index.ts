import { CatalogItem, StockMovement } from './catalog-item.entity';
import { Coupon, Redemption, RedemptionLine } from './redemption.entity';
import {
  RedemptionReturn,
  RedemptionReturnCoupon,
  RedemptionReturnLine,
} from './redemption-return.entity';
import { RedemptionWindow, RedemptionWindowEvent } from './redemption-window.entity';

/**
 * The entities this module owns: the catalog and its stock, redemption windows, redemptions,
 * coupons and returns.
 */
export const shopEntities = [
  CatalogItem,
  StockMovement,
  RedemptionWindow,
  RedemptionWindowEvent,
  Redemption,
  RedemptionLine,
  Coupon,
  RedemptionReturn,
  RedemptionReturnLine,
  RedemptionReturnCoupon,
];
