import { StockAdjustBody } from '@linli/shared/schemas/catalog-console';
import { declared } from './schema-limit';

/** 入库 adds, 出库 removes: staff pick the direction and type a count, never a sign. */
export type StockDirection = 'in' | 'out';

const maxDelta = declared(StockAdjustBody.properties.delta.maximum, 'the largest stock adjustment');

export type StockCheck = { ok: true; delta: number; after: number } | { ok: false; error: string };

/**
 * The adjustment as StockAdjustBody takes it (a non-zero integer), and the stock it would leave by the
 * stock last read. The BFF decides on its own current stock; this only catches what is plainly wrong.
 */
export function checkAdjustment(direction: StockDirection, quantity: string, current: number): StockCheck {
  const text = quantity.trim();
  if (!/^\d+$/.test(text) || Number(text) === 0) return { ok: false, error: '请输入大于 0 的整数' };
  const count = Number(text);
  if (count > maxDelta) return { ok: false, error: `一次最多调整 ${maxDelta} 件` };
  const delta = direction === 'in' ? count : -count;
  if (current + delta < 0) return { ok: false, error: `出库数量不能超过当前库存（${current}）` };
  return { ok: true, delta, after: current + delta };
}
