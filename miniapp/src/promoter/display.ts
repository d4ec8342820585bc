import type { CommissionEntry, CommissionStatus } from '@linli/shared/schemas/promoters';

export const commissionTabs: ReadonlyArray<{ status: CommissionStatus; label: string }> = [
  { status: 'pending', label: '待结算' },
  { status: 'settled', label: '已结算' },
  { status: 'reversed', label: '已失效' },
];

export function commissionStatusLabel(status: CommissionStatus): string {
  return commissionTabs.find((tab) => tab.status === status)?.label ?? status;
}

export function commissionLevelLabel(level: CommissionEntry['level']): string {
  return level === 1 ? '一级' : '二级';
}

/** What the promoter keeps of a commission: refunds take back part of it. */
export function commissionKept(entry: Pick<CommissionEntry, 'amount' | 'reversedAmount'>): number {
  return entry.amount - entry.reversedAmount;
}
