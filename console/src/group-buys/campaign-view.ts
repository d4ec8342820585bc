import type { GroupCampaign, GroupCountsByStatus } from '@linli/shared/schemas/group-buys';

/** Where a campaign stands, from its switch and window: what the list's 状态 column says. */
export type CampaignPhase = 'upcoming' | 'running' | 'ended' | 'off';

export const phaseTags: Record<CampaignPhase, { label: string; color: string }> = {
  upcoming: { label: '未开始', color: 'blue' },
  running: { label: '进行中', color: 'green' },
  ended: { label: '已结束', color: 'default' },
  off: { label: '已停用', color: 'orange' },
};

/** A campaign past its end reads 已结束 whatever its switch; before that a switched-off one reads 已停用. */
export function campaignPhase(campaign: Pick<GroupCampaign, 'active' | 'startsAt' | 'endsAt'>, now: Date): CampaignPhase {
  if (Date.parse(campaign.endsAt) <= now.getTime()) return 'ended';
  if (!campaign.active) return 'off';
  return Date.parse(campaign.startsAt) > now.getTime() ? 'upcoming' : 'running';
}

/** 1440 → '24 小时'; 90 → '90 分钟'. */
export function timeLimitText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
}

/** { 规格: '6 只装', 颜色: '红' } → '6 只装 / 红'; a SKU without specs is the product's only one. */
export function specText(specs: Record<string, string>): string {
  return Object.values(specs).join(' / ') || '默认规格';
}

/** The figures of a campaign's groups the list shows; groups whose leader never paid are not counted as opened. */
export function groupFigures(groups: GroupCountsByStatus): { opened: number; open: number; succeeded: number; failed: number; successRate: string } {
  const settled = groups.succeeded + groups.failed;
  return {
    opened: groups.open + groups.succeeded + groups.failed,
    open: groups.open,
    succeeded: groups.succeeded,
    failed: groups.failed,
    successRate: settled === 0 ? '—' : `${((groups.succeeded / settled) * 100).toFixed(1)}%`,
  };
}

/** What switching a campaign off or on does for shoppers, said before staff confirm. */
export function switchConsequence(active: boolean): string {
  return active
    ? '停用后商品页不再展示这个拼团，买家不能再开团或参团；已开的团也无人能再加入，到时未成团的将自动退款。确定停用？'
    : '启用后，活动时间内买家可以开团和参团。确定启用？';
}
