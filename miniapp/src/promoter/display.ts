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

const two = (n: number) => String(n).padStart(2, '0');

/** '2025-05-01 16:00' in the phone's own time zone. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** '2025-05-01' in the phone's own time zone. */
export function formatDate(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}
