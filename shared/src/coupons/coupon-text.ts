import type { CentreCoupon, MyCoupon } from '../schemas/coupons';
import { shanghaiDate } from '../shanghai-time';

type Rule = Pick<MyCoupon, 'kind' | 'threshold' | 'amountOff' | 'percentOff' | 'cap'>;

/** The kind's name on the ticket and in the console. */
export const couponKindLabels: Record<Rule['kind'], string> = { amount_off: '满减券', percent_off: '折扣券', free_shipping: '包邮券' };

type Scope = Pick<MyCoupon, 'scopeKind' | 'stacksWithGroupPrice'>;

/** Coupon copy reads in whole yuan where it can: 9900 → '99', 9950 → '99.5', 1 → '0.01'. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** 15 (percent off) → '8.5折'; 10 → '9折'. */
function discountText(percentOff: number): string {
  const tenths = 100 - percentOff;
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}折`;
}

/** The big figure on the coupon's left: '¥10', '8.5折', '包邮'. */
export function couponFaceText(rule: Rule): string {
  switch (rule.kind) {
    case 'amount_off':
      return `¥${yuanText(rule.amountOff ?? 0)}`;
    case 'percent_off':
      return discountText(rule.percentOff ?? 0);
    case 'free_shipping':
      return '包邮';
  }
}

/** The rule in a shopper's words: '满99减10', '无门槛减5', '满50享9折 最多减20', '满99包邮'. */
export function couponRuleText(rule: Rule): string {
  const over = rule.threshold > 0 ? `满${yuanText(rule.threshold)}` : '';
  switch (rule.kind) {
    case 'amount_off':
      return `${over || '无门槛'}减${yuanText(rule.amountOff ?? 0)}`;
    case 'percent_off': {
      const cap = rule.cap === null ? '' : ` 最多减${yuanText(rule.cap)}`;
      return `${over ? `${over}享` : ''}${discountText(rule.percentOff ?? 0)}${cap}`;
    }
    case 'free_shipping':
      return `${over}包邮`;
  }
}

/** Where it applies and whether it combines with 拼团价: '全场通用', '指定商品可用 · 不与拼团价同享'. */
export function couponScopeText(scope: Scope): string {
  const where = scope.scopeKind === 'all' ? '全场通用' : scope.scopeKind === 'categories' ? '指定分类可用' : '指定商品可用';
  return scope.stacksWithGroupPrice ? where : `${where} · 不与拼团价同享`;
}

/** A template's validity before it is claimed: 'N天内有效' counts from the claim. */
export function centreValidityText(coupon: Pick<CentreCoupon, 'validFrom' | 'validUntil' | 'validDays'>): string {
  if (coupon.validDays !== null) return `领取后${coupon.validDays}天内有效`;
  if (coupon.validFrom !== null && coupon.validUntil !== null) return `${shanghaiDate(coupon.validFrom)} 至 ${shanghaiDate(coupon.validUntil)}`;
  if (coupon.validUntil !== null) return `${shanghaiDate(coupon.validUntil)}前有效`;
  return '长期有效';
}

/** An issued coupon's window. `validUntil` is exclusive, so the last whole day is the one before it ends. */
export function myCouponValidityText(coupon: Pick<MyCoupon, 'validFrom' | 'validUntil'>): string {
  const lastMoment = new Date(new Date(coupon.validUntil).getTime() - 1).toISOString();
  return `${shanghaiDate(coupon.validFrom)} 至 ${shanghaiDate(lastMoment)}`;
}
