import type { ConsoleLedgerEntry } from '@linli/shared/schemas/promoters';
import { accountLabel, decisionsFor, entrySubject, promoterStatusOptions } from './promoter-view';

const entry = (overrides: Partial<ConsoleLedgerEntry>): ConsoleLedgerEntry => ({
  id: '7c1f0a9e-1d2b-4e3f-8a4b-5c6d7e8f9a0b',
  transactionId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  account: 'commission_pending',
  kind: 'earned',
  amount: 399,
  commissionId: null,
  withdrawalId: null,
  orderId: null,
  orderNo: null,
  createdAt: '2025-05-01T08:00:00.000Z',
  ...overrides,
});

describe('promoter statuses', () => {
  it('names every status the data has, 申请中 first', () => {
    expect(promoterStatusOptions.map((o) => o.label)).toEqual(['申请中', '已通过', '已拒绝', '已撤销']);
  });

  it('offers the decisions the BFF allows from each status', () => {
    expect(decisionsFor('applied')).toEqual(['approve', 'reject']);
    expect(decisionsFor('approved')).toEqual(['revoke']);
    expect(decisionsFor('rejected')).toEqual(['approve']);
    expect(decisionsFor('revoked')).toEqual(['approve']);
  });
});

describe('ledger entries', () => {
  it('names the accounts in the shop’s words', () => {
    expect(accountLabel('commission_available')).toBe('可提现');
    expect(accountLabel('withdrawn')).toBe('已提现');
  });

  it('links a commission entry to its order and a withdrawal entry to the withdrawal', () => {
    const commissionId = '0f8e2a43-52d1-4a4b-9d43-8d7f2f6d1a10';
    expect(entrySubject(entry({ commissionId, orderId: '6c2d8e4f-0a1b-4c3d-8e9f-0a1b2c3d4e5f', orderNo: '2025050112000012345678' }))).toEqual({
      kind: 'order',
      orderId: '6c2d8e4f-0a1b-4c3d-8e9f-0a1b2c3d4e5f',
      orderNo: '2025050112000012345678',
    });
    expect(entrySubject(entry({ kind: 'withdrawal_paid', withdrawalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }))).toEqual({ kind: 'withdrawal', shortId: '9a8b7c6d' });
  });
});
