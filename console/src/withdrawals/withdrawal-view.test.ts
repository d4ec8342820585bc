import type { WithdrawalEvent } from '@linli/shared/schemas/withdrawals';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { actorText, canDecide, eventSummary, noteError, statusOptions, statusTags } from './withdrawal-view';

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
    expect(statusTags.paid.label).toBe('已到账');
    expect(statusTags.failed.label).toBe('打款失败');
    expect(statusTags.paid.color).not.toBe(statusTags.failed.color);
  });

  it.each(['approved', 'paying', 'paid', 'failed', 'rejected'] as const)('allows no decision on a %s withdrawal', (status) => {
    expect(canDecide(status)).toBe(false);
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
