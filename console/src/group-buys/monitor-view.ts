import type { GroupStatus, MonitoredGroup, SeatStatus } from '@linli/shared/schemas/group-buys';

/** How often the open monitor asks again: often enough to see a group fill, not a load on the BFF. */
export const monitorRefreshMs = 10_000;

export const groupStatusTags: Record<GroupStatus, { label: string; color: string }> = {
  pending: { label: '待团长付款', color: 'gold' },
  open: { label: '拼团中', color: 'processing' },
  succeeded: { label: '已成团', color: 'success' },
  failed: { label: '未成团', color: 'error' },
  abandoned: { label: '团长未付款', color: 'default' },
};

export const seatLabels: Record<SeatStatus, { label: string; color: string }> = {
  reserved: { label: '待付款', color: 'gold' },
  paid: { label: '已付款', color: 'green' },
  released: { label: '已释放', color: 'default' },
  refunded: { label: '已退款', color: 'default' },
};

/** The monitor's filter: 拼团中 first since that is what staff watch; the route filters by status. */
export const monitorFilters: ReadonlyArray<{ value: GroupStatus | 'all'; label: string }> = [
  { value: 'open', label: '拼团中' },
  { value: 'pending', label: '待团长付款' },
  { value: 'succeeded', label: '已成团' },
  { value: 'failed', label: '未成团' },
  { value: 'all', label: '全部' },
];

/**
 * Seconds an open group has left at `nowMs`, counted down from the route's own `secondsLeft` by the
 * time passed since the answer came (`fetchedAtMs`), so a browser clock set wrong does not matter.
 */
export function secondsLeftAt(group: Pick<MonitoredGroup, 'secondsLeft'>, fetchedAtMs: number, nowMs: number): number | null {
  if (group.secondsLeft === null) return null;
  return Math.max(0, group.secondsLeft - Math.floor(Math.max(0, nowMs - fetchedAtMs) / 1000));
}

const two = (n: number) => String(n).padStart(2, '0');

/** 3725 → '01:02:05'; past a day '1 天 01:02:05'; 0 → '已到时'. */
export function countdownText(seconds: number): string {
  if (seconds <= 0) return '已到时';
  const days = Math.floor(seconds / 86_400);
  const clock = `${two(Math.floor((seconds % 86_400) / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return days > 0 ? `${days} 天 ${clock}` : clock;
}

/** 'N/M 人 · 还差 K 人' for a group still filling; 'N/M 人' once it is settled. */
export function seatsText(group: Pick<MonitoredGroup, 'status' | 'size' | 'seatsTaken' | 'seatsPaid'>): string {
  const taken = `${group.seatsTaken}/${group.size} 人`;
  if (group.status !== 'open' && group.status !== 'pending') return taken;
  return `${taken} · 还差 ${Math.max(0, group.size - group.seatsPaid)} 人`;
}

/** The first character of a nickname, for an avatar placeholder (the route gives no avatar to staff). */
export function initialOf(nickname: string): string {
  return Array.from(nickname.trim())[0] ?? '?';
}
