import { promoterStatuses, type ConsoleLedgerEntry, type LedgerAccountKind, type LedgerEntryKind, type PromoterStatus } from '@linli/shared/schemas/promoters';

export const promoterStatusTags: Record<PromoterStatus, { label: string; color: string }> = {
  applied: { label: '申请中', color: 'gold' },
  approved: { label: '已通过', color: 'success' },
  rejected: { label: '已拒绝', color: 'default' },
  revoked: { label: '已撤销', color: 'error' },
};

/** The status filter: 申请中 first, the queue an operator works through. */
export const promoterStatusOptions = promoterStatuses.map((status) => ({ value: status, label: promoterStatusTags[status].label }));

export type PromoterDecision = 'approve' | 'reject' | 'revoke';

/** What each decision does, and from which statuses the BFF allows it (bff/src/modules/commissions/promoters.ts). */
export const promoterDecisions: Record<PromoterDecision, { from: readonly PromoterStatus[]; label: string; confirm: string; done: string; danger: boolean }> = {
  approve: { from: ['applied', 'rejected', 'revoked'], label: '通过', confirm: '通过后，TA 邀请的用户付款即产生佣金。', done: '已通过', danger: false },
  reject: { from: ['applied'], label: '拒绝', confirm: '拒绝后，TA 可以再次申请。', done: '已拒绝申请', danger: true },
  revoke: {
    from: ['approved'],
    label: '撤销资格',
    confirm: '撤销后，此后付款的订单不再给 TA 佣金；已产生的佣金照常结算，可以提现。',
    done: '已撤销推广资格',
    danger: true,
  },
};

export function decisionsFor(status: PromoterStatus): PromoterDecision[] {
  return (Object.keys(promoterDecisions) as PromoterDecision[]).filter((decision) => promoterDecisions[decision].from.includes(status));
}

/** The promoter's four accounts, in the order money moves through them. */
export const accountLabels: Record<Exclude<LedgerAccountKind, 'shop_commission_expense'>, string> = {
  commission_pending: '待结算',
  commission_available: '可提现',
  withdrawal_in_flight: '提现中',
  withdrawn: '已提现',
};

export const entryKindLabels: Record<LedgerEntryKind, string> = {
  earned: '佣金入账',
  reversed: '退款冲回',
  settled: '佣金结算',
  withdrawal_requested: '申请提现',
  withdrawal_paid: '提现打款',
  withdrawal_returned: '提现退回',
};

export function accountLabel(account: LedgerAccountKind): string {
  return account === 'shop_commission_expense' ? '店铺佣金支出' : accountLabels[account];
}

/** What one entry was about: the order a commission came from, or the withdrawal. */
export function entrySubject(entry: ConsoleLedgerEntry): { kind: 'order'; orderId: string; orderNo: string } | { kind: 'withdrawal'; shortId: string } | { kind: 'none' } {
  if (entry.orderId !== null && entry.orderNo !== null) return { kind: 'order', orderId: entry.orderId, orderNo: entry.orderNo };
  if (entry.withdrawalId !== null) return { kind: 'withdrawal', shortId: entry.withdrawalId.slice(0, 8) };
  return { kind: 'none' };
}
