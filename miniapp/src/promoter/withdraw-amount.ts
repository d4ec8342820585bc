import { formatFen } from '@linli/shared/money';

/** From ¥2,000 WeChat Pay needs the payee's real name, which the shop does not collect; the BFF refuses it too. */
export const WITHDRAWAL_CEILING = 200_000;

/** Yuan as typed: digits, then at most two decimals. No sign, no exponent, no thousands separators. */
const YUAN_PATTERN = /^(\d+)(?:\.(\d{0,2}))?$/;

/**
 * `'12.3'` → 1230 fen, by string arithmetic: parsing as a float first would turn `'0.29'` into 28.999….
 * Null for anything that is not a plain non-negative yuan amount with at most two decimals.
 */
export function parseYuanToFen(text: string): number | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [, yuan = '', cents = ''] = match;
  // Beyond ten digits of yuan the amount is absurd and would leave safe integers behind.
  if (yuan.length > 10) return null;
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}

export type WithdrawAmountCheck = { ok: true; fen: number } | { ok: false; message: string };

export interface WithdrawLimits {
  available: number;
  minimum: number;
}

/** The rules the BFF applies, checked before asking, so the shopper learns at once what to change. */
export function checkWithdrawAmount(text: string, limits: WithdrawLimits): WithdrawAmountCheck {
  if (text.trim() === '') return { ok: false, message: '请输入提现金额' };
  const fen = parseYuanToFen(text);
  if (fen === null) return { ok: false, message: '请输入正确的金额，最多两位小数' };
  if (fen === 0) return { ok: false, message: '提现金额须大于 0' };
  if (fen < limits.minimum) return { ok: false, message: `单笔提现不能少于 ${formatFen(limits.minimum)}` };
  if (fen >= WITHDRAWAL_CEILING) return { ok: false, message: `单笔提现须低于 ${formatFen(WITHDRAWAL_CEILING)}` };
  if (fen > limits.available) return { ok: false, message: `可提现余额不足（可提现 ${formatFen(limits.available)}）` };
  return { ok: true, fen };
}

/** The most one withdrawal may take: everything available, kept below the ceiling. */
export function withdrawAllFen(available: number): number {
  return Math.min(available, WITHDRAWAL_CEILING - 1);
}

/** fen → the yuan text the input shows ('12.30'). */
export function fenToYuanText(fen: number): string {
  return formatFen(fen).replace('¥', '');
}
