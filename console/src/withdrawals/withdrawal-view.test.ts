import type { WithdrawalEvent } from '@linli/shared/schemas/withdrawals';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { actorText, canDecide, eventSummary, failReasonText, noteError, payoutProgress, statusOptions, statusTags } from './withdrawal-view';

const event = (overrides: Partial<WithdrawalEvent>): WithdrawalEvent => ({
  fromStatus: 'requested',
  toStatus: 'approved',
  actorKind: 'staff',
  actorId: '4e6f8a0b-2c3d-4e5f-9a6b-7c8d9e0f1a2b',
  note: '',
  at: '2025-05-10T09:00:00.000Z',
  ...overrides,
});

describe('withdrawal statuses', () => {
  it('offers 待审核 first in the filter', () => {
    expect(statusOptions[0]).toEqual({ value: 'requested', label: '待审核' });
  });

  it('shows paid and failed apart', () => {
    expect(statusTags.paid.label).toBe('已打款');
    expect(statusTags.failed.label).toBe('打款失败');
    expect(statusTags.paid.color).not.toBe(statusTags.failed.color);
  });

  it.each(['approved', 'paying', 'paid', 'failed', 'rejected'] as const)('allows no decision on a %s withdrawal', (status) => {
    expect(canDecide(status)).toBe(false);
  });

  it('lets finance filter by every status, paid included, then 全部', () => {
    expect(statusOptions.map((o) => o.label)).toEqual(['待审核', '已批准', '打款中', '已打款', '打款失败', '已拒绝']);
  });

  it('allows a decision on a requested withdrawal', () => {
    expect(canDecide('requested')).toBe(true);
  });
});

describe('decision notes', () => {
  it('requires a reason to reject', () => {
    expect(noteError('reject', '   ')).toBe('请填写拒绝原因，推广员会看到它');
  });

  it('accepts a rejection with a reason', () => {
    expect(noteError('reject', '账户异常')).toBeNull();
  });

  it('lets an approval go without a note', () => {
    expect(noteError('approve', '')).toBeNull();
  });

  it('refuses a note longer than the BFF takes', () => {
    expect(noteError('approve', '字'.repeat(201))).toBe('备注不能超过 200 个字');
    expect(noteError('reject', '字'.repeat(200))).toBeNull();
  });
});

describe('event log', () => {
  it('describes the request and each transition', () => {
    expect(eventSummary(event({ fromStatus: null, toStatus: 'requested', actorKind: 'shopper' }))).toBe('提交申请（待审核）');
    expect(eventSummary(event({ fromStatus: 'paying', toStatus: 'failed', actorKind: 'provider' }))).toBe('打款中 → 打款失败');
  });

  it('names who did it in Chinese', () => {
    expect(actorText(event({ actorKind: 'shopper' }), '张三')).toBe('推广员 张三');
    expect(actorText(event({ actorKind: 'staff' }), '张三')).toBe('员工（4e6f8a0b）');
    expect(actorText(event({ actorKind: 'system', actorId: null }), '张三')).toBe('系统');
    expect(actorText(event({ actorKind: 'provider', actorId: null }), '张三')).toBe('微信支付');
  });

  it('shows times in Shanghai', () => {
    expect(shanghaiTimestamp('2025-05-10T16:30:05.000Z')).toBe('2025-05-11 00:30:05');
  });
});

describe('payout progress', () => {
  const row = { status: 'paying' as const, transferState: 'WAIT_USER_CONFIRM', attempts: 1, lastError: null, failReason: null };

  it('says when the transfer waits for the promoter to accept it', () => {
    expect(payoutProgress(row)).toEqual({ text: '已发起转账，等待推广员在微信中确认收款', tone: 'warning' });
  });

  it('shows a retried payout with its attempts and last error', () => {
    expect(payoutProgress({ ...row, status: 'approved', transferState: null, attempts: 2, lastError: 'connect ECONNREFUSED' })).toEqual({
      text: '转账未成功，系统将自动重试（已尝试 2 次）：connect ECONNREFUSED',
      tone: 'danger',
    });
  });

  it('explains a failed payout and that the money went back', () => {
    expect(payoutProgress({ ...row, status: 'failed', transferState: 'FAIL', failReason: 'ACCOUNT_FROZEN' })?.text).toBe(
      '打款失败：收款人微信账户被冻结（ACCOUNT_FROZEN），金额已退回推广员的可提现余额',
    );
    expect(failReasonText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('says a paid withdrawal reached the wallet, and nothing before a decision', () => {
    expect(payoutProgress({ ...row, status: 'paid', transferState: 'SUCCESS' })).toEqual({ text: '已打款到推广员的微信零钱', tone: 'success' });
    expect(payoutProgress({ ...row, status: 'requested', transferState: null })).toBeNull();
    expect(payoutProgress({ ...row, status: 'rejected', transferState: null })).toBeNull();
  });
});
