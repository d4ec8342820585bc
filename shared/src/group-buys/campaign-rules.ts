import { formatFen } from '../money';
import type { CreateGroupCampaignBody } from '../schemas/group-buys';

export interface CampaignProblem {
  path: string;
  message: string;
}

/** A SKU of the product as the campaign sees it: its id and its everyday price. */
export interface ProductSku {
  id: string;
  price: number;
}

/**
 * The rules between fields that a JSON schema cannot state: the window runs forwards, every SKU is one
 * of the product's and listed once, a group price undercuts the SKU's price and the leader never pays
 * more than the group. The BFF refuses a campaign that breaks one; the console checks the same before
 * sending, with the same paths, so each message lands next to its field.
 */
export function campaignProblems(body: CreateGroupCampaignBody, productSkus: readonly ProductSku[], now: Date): CampaignProblem[] {
  return [...windowProblems(body, now), ...skuProblems(body.skus, productSkus)];
}

/** The window alone, so a form can check it while other fields are still wrong. */
export function windowProblems(window: Pick<CreateGroupCampaignBody, 'startsAt' | 'endsAt'>, now: Date): CampaignProblem[] {
  const endsAt = new Date(window.endsAt);
  if (endsAt <= new Date(window.startsAt)) return [{ path: '/body/endsAt', message: '结束时间必须晚于开始时间' }];
  if (endsAt <= now) return [{ path: '/body/endsAt', message: '结束时间必须晚于现在' }];
  return [];
}

/** The SKU prices alone (paths index `skus` as given), so a form can check them while other fields are still wrong. */
export function skuProblems(skus: CreateGroupCampaignBody['skus'], productSkus: readonly ProductSku[]): CampaignProblem[] {
  const priceOf = new Map(productSkus.map((s) => [s.id, s.price]));
  const seen = new Set<string>();
  const problems: CampaignProblem[] = [];
  skus.forEach((sku, i) => {
    const at = `/body/skus/${i}`;
    const price = priceOf.get(sku.skuId);
    if (seen.has(sku.skuId)) problems.push({ path: `${at}/skuId`, message: '同一个 SKU 只能设置一次' });
    seen.add(sku.skuId);
    if (price === undefined) {
      problems.push({ path: `${at}/skuId`, message: '该 SKU 不属于此商品' });
      return;
    }
    if (sku.groupPrice >= price) problems.push({ path: `${at}/groupPrice`, message: `拼团价必须低于原价 ${formatFen(price)}` });
    if (sku.leaderPrice !== undefined && sku.leaderPrice > sku.groupPrice) {
      problems.push({ path: `${at}/leaderPrice`, message: '团长价不能高于拼团价' });
    }
  });
  return problems;
}
