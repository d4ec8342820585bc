import { parseYuanToFen } from '@linli/shared/money';
import { skuProblems, windowProblems } from '@linli/shared/group-buys/campaign-rules';
import type { CreateGroupCampaignBody, GroupCampaign, UpdateGroupCampaignBody } from '@linli/shared/schemas/group-buys';
import { shanghaiDateTime, shanghaiWallTimeToIso } from '@linli/shared/shanghai-time';
import { ApiError, errorText } from '../api/api-error';

/** One SKU row of the form: every SKU of the product is listed, staff tick those that join. */
export interface SkuRowInput {
  skuId: string;
  joined: boolean;
  /** 元, as typed */
  groupPrice: string;
  /** 元, blank = the leader pays the group price */
  leaderPrice: string;
}

export interface CampaignInput {
  title: string;
  productId: string | null;
  skus: SkuRowInput[];
  groupSize: number | null;
  timeLimitHours: number | null;
  /** start and end as picked on a Shanghai clock, 'YYYY-MM-DD HH:mm' */
  window: [string, string] | null;
  perUserLimit: number | null;
  newUsersOnly: boolean;
}

/** An Ant Design form name path: 'title', or ['skus', 2, 'groupPrice'] for a SKU row's field. */
export type FieldPath = string | [string, number, string];

export interface FieldProblem {
  field: FieldPath;
  text: string;
}

/** The product's SKUs as the rules need them: id and everyday price. */
export interface PricedSku {
  id: string;
  price: number;
}

export const groupSizeRange = { min: 2, max: 20 } as const;
export const timeLimitHoursRange = { min: 1, max: 168 } as const;
export const perUserLimitRange = { min: 1, max: 100 } as const;
const titleMax = 40;

export type CampaignCheck = { ok: true; body: CreateGroupCampaignBody } | { ok: false; problems: FieldProblem[] };

function wholeIn(value: number | null, range: { min: number; max: number }): value is number {
  return value !== null && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Form rows of the SKUs that join, in the order the body lists them: body index i is form row rows[i]. */
export function joinedRows(skus: readonly SkuRowInput[]): number[] {
  return skus.flatMap((sku, row) => (sku.joined ? [row] : []));
}

/**
 * Where a rule's path (`/body/skus/0/groupPrice` from the shared rules, `body/groupSize` from the BFF's
 * schema check) belongs in the form; null when no field matches (the message goes above the form).
 */
export function fieldOfPath(path: string, rows: readonly number[]): FieldPath | null {
  const parts = path.replace(/^\/?body\/?/, '').split('/').filter((part) => part !== '');
  const [head, index, leaf] = parts;
  if (head === 'skus') {
    const row = index === undefined ? undefined : rows[Number(index)];
    if (row === undefined) return 'skus';
    return ['skus', row, leaf === 'leaderPrice' ? 'leaderPrice' : 'groupPrice'];
  }
  if (head === 'startsAt' || head === 'endsAt') return 'window';
  if (head === 'timeLimitMinutes') return 'timeLimitHours';
  if (head === 'title' || head === 'productId' || head === 'groupSize' || head === 'perUserLimit' || head === 'newUsersOnly') return head;
  return null;
}

function priceOf(text: string, required: boolean): { fen: number | undefined; problem: string | null } {
  if (text.trim() === '') return { fen: undefined, problem: required ? '请填写拼团价' : null };
  const fen = parseYuanToFen(text);
  if (fen === null) return { fen: undefined, problem: '请输入金额（元），最多两位小数' };
  if (fen < 1) return { fen: undefined, problem: '金额必须大于 0' };
  return { fen, problem: null };
}

/**
 * The form as the body of POST /api/console/group-campaigns, or every problem next to its field at
 * once: what the schema says (sizes, limits, prices typed in 元) and the BFF's own rules on the SKU
 * prices and the window, each checked as soon as its own fields can be read.
 */
export function checkCampaign(input: CampaignInput, productSkus: readonly PricedSku[], now: Date): CampaignCheck {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', text: '请填写活动标题' });
  else if (title.length > titleMax) problems.push({ field: 'title', text: `活动标题最多 ${titleMax} 个字` });
  if (input.productId === null) problems.push({ field: 'productId', text: '请选择商品' });
  if (!wholeIn(input.groupSize, groupSizeRange)) problems.push({ field: 'groupSize', text: `成团人数应为 ${groupSizeRange.min}–${groupSizeRange.max} 人` });
  if (!wholeIn(input.timeLimitHours, timeLimitHoursRange)) {
    problems.push({ field: 'timeLimitHours', text: `成团时限应为 ${timeLimitHoursRange.min}–${timeLimitHoursRange.max} 小时的整数` });
  }
  if (!wholeIn(input.perUserLimit, perUserLimitRange)) problems.push({ field: 'perUserLimit', text: `每人限参与 ${perUserLimitRange.min}–${perUserLimitRange.max} 次` });

  const startsAt = input.window ? shanghaiWallTimeToIso(input.window[0]) : null;
  const endsAt = input.window ? shanghaiWallTimeToIso(input.window[1]) : null;
  if (startsAt === null || endsAt === null) problems.push({ field: 'window', text: '请选择活动开始和结束时间' });
  else problems.push(...windowProblems({ startsAt, endsAt }, now).map((p) => ({ field: 'window', text: p.message })));

  const rows = joinedRows(input.skus);
  if (input.productId !== null && rows.length === 0) problems.push({ field: 'skus', text: '至少选择一个 SKU 参加拼团' });
  const skus: CreateGroupCampaignBody['skus'] = [];
  const rowOfSku: number[] = [];
  for (const row of rows) {
    const sku = input.skus[row]!;
    const group = priceOf(sku.groupPrice, true);
    const leader = priceOf(sku.leaderPrice, false);
    if (group.problem) problems.push({ field: ['skus', row, 'groupPrice'], text: group.problem });
    if (leader.problem) problems.push({ field: ['skus', row, 'leaderPrice'], text: leader.problem });
    if (group.fen === undefined || leader.problem) continue;
    skus.push(leader.fen === undefined ? { skuId: sku.skuId, groupPrice: group.fen } : { skuId: sku.skuId, groupPrice: group.fen, leaderPrice: leader.fen });
    rowOfSku.push(row);
  }
  problems.push(...skuProblems(skus, productSkus).map((p) => ({ field: fieldOfPath(p.path, rowOfSku) ?? 'skus', text: p.message })));
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    body: {
      productId: input.productId!,
      title,
      groupSize: input.groupSize!,
      timeLimitMinutes: input.timeLimitHours! * 60,
      startsAt: startsAt!,
      endsAt: endsAt!,
      perUserLimit: input.perUserLimit!,
      newUsersOnly: input.newUsersOnly,
      skus,
    },
  };
}

/**
 * A refused create or edit: each detail the BFF gave next to the field it names, the BFF's message
 * with its code above the form (an unknown product belongs next to the product picker).
 */
export function placeCampaignError(error: unknown, rows: readonly number[]): { problems: FieldProblem[]; above: string } {
  const above = errorText(error, '提交失败，请稍后重试');
  if (!(error instanceof ApiError)) return { problems: [], above };
  const problems = error.details.flatMap((detail) => {
    const field = fieldOfPath(detail.path, rows);
    return field === null ? [] : [{ field, text: detail.message }];
  });
  if (error.status === 404 && problems.length === 0) problems.push({ field: 'productId', text: error.message });
  if (error.code === 'CAMPAIGN_END_ONLY_LATER') problems.push({ field: 'endsAt', text: error.message });
  return { problems, above };
}

/** The editable part of a campaign: PATCH takes a title, the switch and a later end. */
export interface CampaignEditInput {
  title: string;
  /** 'YYYY-MM-DD HH:mm' on a Shanghai clock */
  endsAt: string;
  active: boolean;
}

export function editInputOf(campaign: GroupCampaign): CampaignEditInput {
  return { title: campaign.title, endsAt: shanghaiDateTime(campaign.endsAt), active: campaign.active };
}

export type CampaignEditCheck = { ok: true; body: UpdateGroupCampaignBody } | { ok: false; problems: FieldProblem[] };

/** Only what changed is sent; the end may only move later (the BFF answers 409 otherwise). */
export function checkCampaignEdit(input: CampaignEditInput, campaign: GroupCampaign): CampaignEditCheck {
  const problems: FieldProblem[] = [];
  const body: UpdateGroupCampaignBody = {};
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', text: '请填写活动标题' });
  else if (title.length > titleMax) problems.push({ field: 'title', text: `活动标题最多 ${titleMax} 个字` });
  else if (title !== campaign.title) body.title = title;
  // The picker shows minutes: the current end, to the minute, is no change.
  const endsAt = shanghaiWallTimeToIso(input.endsAt);
  if (endsAt === null) problems.push({ field: 'endsAt', text: '请选择结束时间' });
  else if (input.endsAt !== shanghaiDateTime(campaign.endsAt)) {
    if (Date.parse(endsAt) < Date.parse(campaign.endsAt)) problems.push({ field: 'endsAt', text: `结束时间只能推迟，当前为 ${shanghaiDateTime(campaign.endsAt)}` });
    else body.endsAt = endsAt;
  }
  if (input.active !== campaign.active) body.active = input.active;
  if (problems.length > 0) return { ok: false, problems };
  if (Object.keys(body).length === 0) return { ok: false, problems: [{ field: 'title', text: '没有需要保存的修改' }] };
  return { ok: true, body };
}
