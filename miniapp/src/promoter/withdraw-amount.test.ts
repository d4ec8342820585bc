import { checkWithdrawAmount, fenToYuanText, parseYuanToFen, withdrawAllFen } from './withdraw-amount';

describe('parseYuanToFen', () => {
  it.each([
    ['12.3', 1230],
    ['12.30', 1230],
    ['12', 1200],
    ['12.', 1200],
    ['0.29', 29],
    ['0.07', 7],
    [' 8.5 ', 850],
    ['1999.99', 199_999],
  ])('reads %p as %p fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['12.345', '-5', '+5', '1e3', '.5', 'abc', '1,000', '', '12.3.4', '99999999999'])('refuses %p', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });
});

describe('checkWithdrawAmount', () => {
  const limits = { available: 2500, minimum: 1000 };

  it('accepts an amount between the minimum and what is available, in fen', () => {
    expect(checkWithdrawAmount('12.3', limits)).toEqual({ ok: true, fen: 1230 });
    expect(checkWithdrawAmount('25', limits)).toEqual({ ok: true, fen: 2500 });
  });

  it('asks for an amount when nothing is typed', () => {
    expect(checkWithdrawAmount('  ', limits)).toEqual({ ok: false, message: '请输入提现金额' });
  });

  it('refuses three decimals and negatives', () => {
    expect(checkWithdrawAmount('12.345', limits).ok).toBe(false);
    expect(checkWithdrawAmount('-12', limits).ok).toBe(false);
  });

  it('refuses less than the shop minimum, naming it', () => {
    expect(checkWithdrawAmount('9.99', limits)).toEqual({ ok: false, message: '单笔提现不能少于 ¥10.00' });
  });

  it('refuses more than is available, naming the balance', () => {
    expect(checkWithdrawAmount('25.01', limits)).toEqual({ ok: false, message: '可提现余额不足（可提现 ¥25.00）' });
  });

  it('refuses ¥2,000 or more even when that much is available', () => {
    const rich = { available: 500_000, minimum: 1000 };
    expect(checkWithdrawAmount('2000', rich)).toEqual({ ok: false, message: '单笔提现须低于 ¥2000.00' });
    expect(checkWithdrawAmount('1999.99', rich)).toEqual({ ok: true, fen: 199_999 });
  });

  it('refuses zero', () => {
    expect(checkWithdrawAmount('0.00', { available: 100, minimum: 0 }).ok).toBe(false);
  });
});

describe('withdrawAllFen', () => {
  it('takes everything available, but stays below ¥2,000', () => {
    expect(withdrawAllFen(2500)).toBe(2500);
    expect(withdrawAllFen(500_000)).toBe(199_999);
  });

  it('writes fen back as yuan for the input', () => {
    expect(fenToYuanText(1230)).toBe('12.30');
  });
});
