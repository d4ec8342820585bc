import { commissionKept, commissionLevelLabel, commissionStatusLabel } from './display';

describe('commission display', () => {
  it('names states and levels in the shop’s words', () => {
    expect(commissionStatusLabel('pending')).toBe('待结算');
    expect(commissionStatusLabel('settled')).toBe('已结算');
    expect(commissionStatusLabel('reversed')).toBe('已失效');
    expect(commissionLevelLabel(1)).toBe('一级');
    expect(commissionLevelLabel(2)).toBe('二级');
  });

  it('keeps what refunds have not taken back', () => {
    expect(commissionKept({ amount: 399, reversedAmount: 133 })).toBe(266);
  });

});
