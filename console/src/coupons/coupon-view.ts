import type { CouponTemplate, CouponTemplateUsage } from '@linli/shared/schemas/coupons';

/** Where a template stands: what the list's 状态 column says. */
export type TemplatePhase = 'live' | 'off' | 'soldOut' | 'ended';

export const phaseTags: Record<TemplatePhase, { label: string; color: string }> = {
  live: { label: '发放中', color: 'green' },
  off: { label: '已停用', color: 'orange' },
  soldOut: { label: '已领完', color: 'default' },
  ended: { label: '已过期', color: 'default' },
};

/** A window that has closed reads 已过期 whatever its switch; then the switch; then the stock. */
export function templatePhase(template: Pick<CouponTemplate, 'active' | 'validUntil' | 'totalStock' | 'issuedCount'>, now: Date): TemplatePhase {
  if (template.validUntil !== null && Date.parse(template.validUntil) <= now.getTime()) return 'ended';
  if (!template.active) return 'off';
  if (template.totalStock !== null && template.issuedCount >= template.totalStock) return 'soldOut';
  return 'live';
}

/** '不限' for unlimited stock, else what is left to issue. */
export function stockLeftText(template: Pick<CouponTemplate, 'totalStock' | 'issuedCount'>): string {
  return template.totalStock === null ? '不限' : String(Math.max(0, template.totalStock - template.issuedCount));
}

/** Used over issued, to one decimal: the share of coupons handed out that someone spent. */
export function redemptionText(usage: Pick<CouponTemplateUsage, 'issued' | 'used'>): string {
  return usage.issued === 0 ? '—' : `${((usage.used / usage.issued) * 100).toFixed(1)}%`;
}

/** How shoppers get the coupon: the claim centre, the new-user gift, a referral reward, else only staff pushes. */
export function channelLabels(template: Pick<CouponTemplate, 'claimable' | 'newUserGift' | 'referralReward'>): string[] {
  const channels = [
    ...(template.claimable ? ['领券中心'] : []),
    ...(template.newUserGift ? ['新人礼包'] : []),
    ...(template.referralReward ? ['邀请奖励'] : []),
  ];
  return channels.length > 0 ? channels : ['仅定向发放'];
}

/** How much a narrowed scope covers, before the validity on the same line: '2 个类目 · '; nothing for 全场. */
export function scopeCountText(template: Pick<CouponTemplate, 'scopeKind' | 'scopeIds'>): string {
  if (template.scopeKind === 'all') return '';
  return `${template.scopeIds.length} 个${template.scopeKind === 'categories' ? '类目' : '商品'} · `;
}

/** What switching a template off or on does for shoppers, said before staff confirm. */
export function switchConsequence(active: boolean): string {
  return active ? '停用后不能再领取或发放；已领到的券仍可在有效期内使用。确定停用？' : '启用后可以领取和发放。确定启用？';
}
