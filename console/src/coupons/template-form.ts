import { parseYuanToFen } from '@linli/shared/money';
import { templateProblems } from '@linli/shared/coupons/template-rules';
import type { CouponTemplate, CreateCouponTemplateBody, UpdateCouponTemplateBody } from '@linli/shared/schemas/coupons';
import type { couponKinds, couponScopeKinds } from '@linli/shared/schemas/coupons';
import { shanghaiWallTimeToIso } from '@linli/shared/shanghai-time';
import { ApiError, errorText } from '../api/api-error';

type CouponKind = (typeof couponKinds)[number];
type ScopeKind = (typeof couponScopeKinds)[number];

export interface TemplateInput {
  title: string;
  kind: CouponKind;
  /** 元; blank or 0 = 无门槛 */
  threshold: string;
  /** 元, for 满减 */
  amountOff: string;
  /** in 折 as shoppers read it: '8' is 8折 (20% off), '8.5' is 8.5折 */
  discount: string;
  /** 元, for 折扣; blank = no cap */
  cap: string;
  scopeKind: ScopeKind;
  categoryIds: string[];
  productIds: string[];
  stacksWithGroupPrice: boolean;
  validity: 'days' | 'window';
  validDays: number | null;
  /** 'YYYY-MM-DD HH:mm' on a Shanghai clock */
  window: [string, string] | null;
  /** null = unlimited */
  totalStock: number | null;
  perUserLimit: number | null;
  claimable: boolean;
  newUserGift: boolean;
  referralReward: boolean;
}

export type TemplateField =
  | 'title'
  | 'threshold'
  | 'amountOff'
  | 'discount'
  | 'cap'
  | 'categoryIds'
  | 'productIds'
  | 'validDays'
  | 'window'
  | 'totalStock'
  | 'perUserLimit';

export interface TemplateProblem {
  field: TemplateField | null;
  text: string;
}

export const templateFields: readonly TemplateField[] = [
  'title',
  'threshold',
  'amountOff',
  'discount',
  'cap',
  'categoryIds',
  'productIds',
  'validDays',
  'window',
  'totalStock',
  'perUserLimit',
];

const maxFen = 100_000_000;
const maxStock = 100_000_000;
const titleMax = 40;

/** 折 as typed → percent off: '8' → 20, '8.5' → 15; null unless 0.1–9.9 折 in tenths. */
export function percentOffOfDiscount(text: string): number | null {
  const match = /^(\d)(?:\.(\d))?$/.exec(text.trim().replace(/折$/, ''));
  if (!match) return null;
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return tenths >= 1 && tenths <= 99 ? 100 - tenths : null;
}

/** Where a rule's path (`/body/amountOff`, `body/totalStock`) belongs in the form; null goes above it. */
export function fieldOfPath(path: string, scopeKind: ScopeKind): TemplateField | null {
  const name = path.replace(/^\/?body\/?/, '').split('/')[0] ?? '';
  if (name === 'percentOff') return 'discount';
  if (name === 'validFrom' || name === 'validUntil') return 'window';
  if (name === 'scopeIds') return scopeKind === 'products' ? 'productIds' : 'categoryIds';
  if (name === 'kind' || name === 'scopeKind') return null;
  return templateFields.find((field) => field === name) ?? null;
}

function amountOf(text: string, label: string, problems: TemplateProblem[], field: TemplateField, options: { blank: number | undefined; min: number }): number | undefined {
  if (text.trim() === '') return options.blank;
  const fen = parseYuanToFen(text);
  if (fen === null || fen > maxFen) problems.push({ field, text: `${label}请输入金额（元），最多两位小数` });
  else if (fen < options.min) problems.push({ field, text: `${label}必须大于 0` });
  else return fen;
  return undefined;
}

export type TemplateCheck = { ok: true; body: CreateCouponTemplateBody } | { ok: false; problems: TemplateProblem[] };

/**
 * The form as the body of POST /api/console/coupon-templates, or each problem next to its field: first
 * what the schema says (amounts in 元, 折, limits), then the BFF's own rules between fields.
 */
export function checkTemplate(input: TemplateInput): TemplateCheck {
  const problems: TemplateProblem[] = [];
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', text: '请填写优惠券名称' });
  else if (title.length > titleMax) problems.push({ field: 'title', text: `名称最多 ${titleMax} 个字` });

  const threshold = amountOf(input.threshold, '使用门槛', problems, 'threshold', { blank: 0, min: 0 });
  const body: CreateCouponTemplateBody = { title, kind: input.kind, threshold: threshold ?? 0 };
  if (input.kind === 'amount_off') {
    // 0 is let through to the shared rule, which says what a 满减 needs.
    const amountOff = amountOf(input.amountOff, '减免金额', problems, 'amountOff', { blank: undefined, min: 0 });
    if (amountOff !== undefined) body.amountOff = amountOff;
  }
  if (input.kind === 'percent_off') {
    if (input.discount.trim() !== '') {
      const percentOff = percentOffOfDiscount(input.discount);
      if (percentOff === null) problems.push({ field: 'discount', text: '折扣请填 0.1–9.9 折，最多一位小数，如 8 或 8.5' });
      else body.percentOff = percentOff;
    }
    const cap = amountOf(input.cap, '最多减', problems, 'cap', { blank: undefined, min: 1 });
    if (cap !== undefined) body.cap = cap;
  }

  body.scopeKind = input.scopeKind;
  body.scopeIds = input.scopeKind === 'categories' ? input.categoryIds : input.scopeKind === 'products' ? input.productIds : [];
  body.stacksWithGroupPrice = input.stacksWithGroupPrice;

  if (input.validity === 'days') {
    if (input.validDays !== null && (!Number.isInteger(input.validDays) || input.validDays < 1 || input.validDays > 3650)) {
      problems.push({ field: 'validDays', text: '有效天数应为 1–3650 的整数' });
    } else if (input.validDays !== null) body.validDays = input.validDays;
  } else if (input.window !== null) {
    const validFrom = shanghaiWallTimeToIso(input.window[0]);
    const validUntil = shanghaiWallTimeToIso(input.window[1]);
    if (validFrom !== null) body.validFrom = validFrom;
    if (validUntil !== null) body.validUntil = validUntil;
  }

  if (input.totalStock !== null) {
    if (!Number.isInteger(input.totalStock) || input.totalStock < 1 || input.totalStock > maxStock) problems.push({ field: 'totalStock', text: '发放总量应为正整数，不限量请留空' });
    else body.totalStock = input.totalStock;
  }
  if (input.perUserLimit === null || !Number.isInteger(input.perUserLimit) || input.perUserLimit < 1 || input.perUserLimit > 100) {
    problems.push({ field: 'perUserLimit', text: '每人限领 1–100 张' });
  } else body.perUserLimit = input.perUserLimit;
  body.claimable = input.claimable;
  body.newUserGift = input.newUserGift;
  body.referralReward = input.referralReward;

  const broken = templateProblems(body).map((p) => ({ field: fieldOfPath(p.path, input.scopeKind), text: p.message }));
  // A field already refused for its format keeps that message rather than a second one.
  const more = broken.filter((b) => !problems.some((p) => p.field === b.field));
  const all = [...problems, ...more];
  return all.length > 0 ? { ok: false, problems: all } : { ok: true, body };
}

/** A refused create or edit: each detail next to its field, the BFF's message and code above the form. */
export function placeTemplateError(error: unknown, scopeKind: ScopeKind): { problems: TemplateProblem[]; above: string } {
  const above = errorText(error, '提交失败，请稍后重试');
  if (!(error instanceof ApiError)) return { problems: [], above };
  const problems = error.details.flatMap((detail) => {
    const field = fieldOfPath(detail.path, scopeKind);
    return field === null ? [] : [{ field, text: detail.message }];
  });
  if (error.code === 'COUPON_STOCK_CANNOT_SHRINK') problems.push({ field: 'totalStock', text: error.message });
  return { problems, above };
}

/** What PATCH allows: the name, the switches, and more stock (or none at all). */
export interface TemplateEditInput {
  title: string;
  active: boolean;
  claimable: boolean;
  unlimited: boolean;
  totalStock: number | null;
}

export function editInputOf(template: CouponTemplate): TemplateEditInput {
  return { title: template.title, active: template.active, claimable: template.claimable, unlimited: template.totalStock === null, totalStock: template.totalStock };
}

export type TemplateEditCheck = { ok: true; body: UpdateCouponTemplateBody } | { ok: false; problems: TemplateProblem[] };

/** Only what changed is sent; stock only grows, never below what was already issued (the BFF answers 409 otherwise). */
export function checkTemplateEdit(input: TemplateEditInput, template: CouponTemplate): TemplateEditCheck {
  const problems: TemplateProblem[] = [];
  const body: UpdateCouponTemplateBody = {};
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', text: '请填写优惠券名称' });
  else if (title.length > titleMax) problems.push({ field: 'title', text: `名称最多 ${titleMax} 个字` });
  else if (title !== template.title) body.title = title;
  if (input.active !== template.active) body.active = input.active;
  if (input.claimable !== template.claimable) body.claimable = input.claimable;

  if (input.unlimited) {
    if (template.totalStock !== null) body.totalStock = null;
  } else if (template.totalStock === null) {
    problems.push({ field: 'totalStock', text: '不限量的优惠券不能改为限量' });
  } else {
    const floor = Math.max(template.totalStock, template.issuedCount);
    const stock = input.totalStock;
    if (stock === null || !Number.isInteger(stock) || stock > maxStock) problems.push({ field: 'totalStock', text: '发放总量应为正整数' });
    else if (stock < floor) problems.push({ field: 'totalStock', text: `库存只能增加，不能少于当前的 ${floor}` });
    else if (stock !== template.totalStock) body.totalStock = stock;
  }
  if (problems.length > 0) return { ok: false, problems };
  if (Object.keys(body).length === 0) return { ok: false, problems: [{ field: null, text: '没有需要保存的修改' }] };
  return { ok: true, body };
}
