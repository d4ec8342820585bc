import type { PushResult } from '@linli/shared/schemas/coupons';

/** PushCouponBody takes at most this many users at once. */
export const maxPushUsers = 500;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParsedUserIds {
  /** distinct ids, lower-cased, in the order pasted */
  ids: string[];
  /** what is not a user id, as pasted */
  invalid: string[];
  /** how many ids were pasted more than once (each is sent once) */
  repeated: number;
}

/** User ids pasted one per line (commas, spaces and tabs from a spreadsheet work too). */
export function parseUserIds(text: string): ParsedUserIds {
  const ids: string[] = [];
  const invalid: string[] = [];
  let repeated = 0;
  for (const token of text.split(/[\s,，;；]+/).filter((t) => t !== '')) {
    if (!uuidPattern.test(token)) invalid.push(token);
    else if (ids.includes(token.toLowerCase())) repeated += 1;
    else ids.push(token.toLowerCase());
  }
  return { ids, invalid, repeated };
}

/** Why the pasted list cannot be sent yet; null when it can. */
export function pushProblem(parsed: ParsedUserIds): string | null {
  if (parsed.invalid.length > 0) {
    const shown = parsed.invalid.slice(0, 3).join('、');
    return `有 ${parsed.invalid.length} 项不是有效的用户 ID（应为 UUID）：${shown}${parsed.invalid.length > 3 ? ' 等' : ''}`;
  }
  if (parsed.ids.length === 0) return '请粘贴至少一个用户 ID，每行一个';
  if (parsed.ids.length > maxPushUsers) return `一次最多发给 ${maxPushUsers} 人，当前 ${parsed.ids.length} 人`;
  return null;
}

/** The BFF's per-user outcome in the shop's words; a code this console does not know shows as it is. */
const refusalLabels: Record<string, string> = {
  COUPON_LIMIT_REACHED: '已达每人限领',
  COUPON_OUT_OF_STOCK: '库存不足',
  USER_NOT_FOUND: '用户不存在',
  COUPON_NOT_AVAILABLE: '优惠券已停用',
  NOT_FOUND: '优惠券不存在',
};

export type PushOutcome = PushResult['results'][number];

export function outcomeTag(outcome: PushOutcome): { label: string; color: string } {
  if (outcome.ok) return { label: '已发放', color: 'green' };
  return { label: refusalLabels[outcome.code] ?? outcome.code, color: outcome.code === 'COUPON_OUT_OF_STOCK' ? 'red' : 'orange' };
}

export function pushSummary(results: readonly PushOutcome[]): string {
  const issued = results.filter((r) => r.ok).length;
  const refused = results.length - issued;
  return refused === 0 ? `已全部发放，共 ${issued} 张` : `已发放 ${issued} 张，${refused} 人未发放`;
}
