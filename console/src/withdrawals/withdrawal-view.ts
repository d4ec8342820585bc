import type { ConsoleWithdrawal, WithdrawalEvent, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import { withdrawalStatuses } from '@linli/shared/schemas/withdrawals';

/** The Chinese name of each status and the Ant Design tag colour it is shown in. */
export const statusTags: Record<WithdrawalStatus, { label: string; color: string }> = {
  requested: { label: '待审核', color: 'gold' },
  approved: { label: '已批准', color: 'blue' },
  paying: { label: '打款中', color: 'processing' },
  paid: { label: '已打款', color: 'success' },
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


/** WeChat Pay's reasons for failing a transfer to a wallet, in the words finance reads. */
const failReasons: Record<string, string> = {
  ACCOUNT_FROZEN: '收款人微信账户被冻结',
  REAL_NAME_CHECK_FAIL: '收款人未实名认证',
  NAME_NOT_CORRECT: '收款人姓名不一致',
  OPENID_INVALID: '收款人微信身份无效',
  TRANSFER_QUOTA_EXCEED: '超过单笔转账限额',
  DAY_RECEIVED_QUOTA_EXCEED: '超过收款人当日收款限额',
  MONTH_RECEIVED_QUOTA_EXCEED: '超过收款人当月收款限额',
  DAY_RECEIVED_COUNT_EXCEED: '超过收款人当日收款次数',
  ID_CARD_NOT_CORRECT: '收款人身份证信息不符',
  ACCOUNT_NOT_EXIST: '收款人微信账户不存在',
  TRANSFER_RISK: '微信支付风控拦截',
  USER_ACCOUNT_LIMIT: '收款人账户受限',
  PAYEE_ACCOUNT_ABNORMAL: '收款人账户异常',
  OVERDUE_CLOSE: '推广员超时未确认收款',
  CANCELLED: '转账已撤销',
  FAIL: '微信支付未说明原因',
};

/** A failure reason as finance reads it, with WeChat's own code kept for support tickets. */
export function failReasonText(code: string): string {
  const known = failReasons[code];
  return known ? `${known}（${code}）` : code;
}

export type PayoutTone = 'danger' | 'warning' | 'secondary' | 'success';

/**
 * Where the money is after approval, in one line: waiting for the promoter to accept the transfer,
 * being retried after an error, failed (money back), or paid. Null while nothing was paid out yet.
 */
export function payoutProgress(row: Pick<ConsoleWithdrawal, 'status' | 'transferState' | 'attempts' | 'lastError' | 'failReason'>): { text: string; tone: PayoutTone } | null {
  switch (row.status) {
    case 'approved':
      return row.lastError === null
        ? { text: '等待发起微信转账', tone: 'secondary' }
        : { text: `转账未成功，系统将自动重试（已尝试 ${row.attempts} 次）：${row.lastError}`, tone: 'danger' };
    case 'paying':
      return row.transferState === 'WAIT_USER_CONFIRM'
        ? { text: '已发起转账，等待推广员在微信中确认收款', tone: 'warning' }
        : { text: '微信转账处理中', tone: 'secondary' };
    case 'failed':
      return { text: `打款失败：${failReasonText(row.failReason ?? 'FAIL')}，金额已退回推广员的可提现余额`, tone: 'danger' };
    case 'paid':
      return { text: '已打款到推广员的微信零钱', tone: 'success' };
    default:
      return null;
  }
}
