import type { CreateCouponTemplateBody } from '../schemas/coupons';

export interface TemplateProblem {
  path: string;
  message: string;
}

/**
 * The rules between fields that a JSON schema cannot state: each kind has its own amount, validity is
 * a fixed window or a number of days (not both), and a narrowed scope names what it covers. The BFF
 * refuses a template that breaks one; the console checks the same before sending.
 */
export function templateProblems(body: CreateCouponTemplateBody): TemplateProblem[] {
  return [...ruleProblems(body), ...validityProblems(body), ...scopeProblems(body)];
}

function ruleProblems(body: CreateCouponTemplateBody): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const notForKind = (field: 'amountOff' | 'percentOff' | 'cap') => {
    if (body[field] !== undefined) problems.push({ path: `/body/${field}`, message: '该类型的优惠券不能设置此项' });
  };
  switch (body.kind) {
    case 'amount_off':
      if (!body.amountOff || body.amountOff <= 0) problems.push({ path: '/body/amountOff', message: '满减券的减免金额必须大于 0' });
      notForKind('percentOff');
      notForKind('cap');
      break;
    case 'percent_off':
      if (body.percentOff === undefined || body.percentOff < 1 || body.percentOff > 99) {
        problems.push({ path: '/body/percentOff', message: '折扣券的折扣必须在 1 到 99 之间' });
      }
      notForKind('amountOff');
      break;
    case 'free_shipping':
      notForKind('amountOff');
      notForKind('percentOff');
      notForKind('cap');
      break;
  }
  return problems;
}

function validityProblems(body: CreateCouponTemplateBody): TemplateProblem[] {
  const window = body.validFrom !== undefined || body.validUntil !== undefined;
  if (window && body.validDays !== undefined) return [{ path: '/body/validDays', message: '有效期只能是固定时间段或领取后 N 天，不能同时设置' }];
  if (body.validDays !== undefined) return [];
  if (body.validFrom === undefined || body.validUntil === undefined) {
    return [{ path: window ? '/body/validUntil' : '/body/validDays', message: '请设置固定有效期（开始与结束时间）或领取后有效天数' }];
  }
  if (new Date(body.validUntil) <= new Date(body.validFrom)) return [{ path: '/body/validUntil', message: '结束时间必须晚于开始时间' }];
  return [];
}

function scopeProblems(body: CreateCouponTemplateBody): TemplateProblem[] {
  const ids = body.scopeIds ?? [];
  if (body.scopeKind === 'categories' || body.scopeKind === 'products') {
    return ids.length === 0 ? [{ path: '/body/scopeIds', message: '指定类目或商品的优惠券必须选择适用范围' }] : [];
  }
  return ids.length > 0 ? [{ path: '/body/scopeIds', message: '全场通用的优惠券不能指定适用范围' }] : [];
}
