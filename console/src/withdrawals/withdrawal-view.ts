import type { WithdrawalEvent, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import { withdrawalStatuses } from '@linli/shared/schemas/withdrawals';

/** The Chinese name of each status and the Ant Design tag colour it is shown in. */
export const statusTags: Record<WithdrawalStatus, { label: string; color: string }> = {
  requested: { label: '待审核', color: 'gold' },
  approved: { label: '已批准', color: 'blue' },
  paying: { label: '打款中', color: 'processing' },
  paid: { label: '已到账', color: 'success' },
  failed: { label: '打款失败', color: 'error' },
  rejected: { label: '已拒绝', color: 'default' },
};

/** The status filter's options, 待审核 first since it is the queue finance works through. */
export const statusOptions = withdrawalStatuses.map((status) => ({ value: status, label: statusTags[status].label }));

export const defaultStatus: WithdrawalStatus = 'requested';

export const actorKindLabels: Record<WithdrawalEvent['actorKind'], string> = {
  shopper: '推广员',
  staff: '员工',
  system: '系统',
  provider: '微信支付',
};

/** Approving or rejecting is only possible while the request waits: the BFF answers 409 otherwise. */
export function canDecide(status: WithdrawalStatus): boolean {
  return status === 'requested';
}

export const maxNoteLength = 200;

/** A rejection must tell the promoter why; an approval's note is optional. Null when the note is fine. */
export function noteError(decision: 'approve' | 'reject', note: string): string | null {
  const trimmed = note.trim();
  if (decision === 'reject' && trimmed === '') return '请填写拒绝原因，推广员会看到它';
  if (trimmed.length > maxNoteLength) return `备注不能超过 ${maxNoteLength} 个字`;
  return null;
}

/** One line of the event log: what happened, in the shop's words. */
export function eventSummary(event: WithdrawalEvent): string {
  const to = statusTags[event.toStatus].label;
  return event.fromStatus === null ? `提交申请（${to}）` : `${statusTags[event.fromStatus].label} → ${to}`;
}

/** Who did it: the kind in Chinese, with the shopper's nickname or a short staff id where known. */
export function actorText(event: WithdrawalEvent, nickname: string): string {
  const kind = actorKindLabels[event.actorKind];
  if (event.actorKind === 'shopper') return `${kind} ${nickname}`;
  if (event.actorKind === 'staff' && event.actorId !== null) return `${kind}（${event.actorId.slice(0, 8)}）`;
  return kind;
}

