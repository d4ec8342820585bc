import { checkAdjustment } from './stock-adjust';

describe('checkAdjustment', () => {
  it('adds for 入库 and removes for 出库, saying the stock it leaves', () => {
    expect(checkAdjustment('in', ' 20 ', 5)).toEqual({ ok: true, delta: 20, after: 25 });
    expect(checkAdjustment('out', '5', 5)).toEqual({ ok: true, delta: -5, after: 0 });
  });

  it('refuses taking out more than the stock shows', () => {
    expect(checkAdjustment('out', '6', 5)).toEqual({ ok: false, error: '出库数量不能超过当前库存（5）' });
  });

  it('refuses zero, signs, decimals and more than the route allows at once', () => {
    for (const typed of ['0', '-3', '1.5', '', '两件']) expect(checkAdjustment('in', typed, 0).ok).toBe(false);
    expect(checkAdjustment('in', '1000001', 0)).toEqual({ ok: false, error: '一次最多调整 1000000 件' });
  });
});
