import type { Withdrawal } from '@linli/shared/schemas/withdrawals';
import type { App } from '../../src/app';
import { settleCommissions } from '../../src/modules/commissions/settle-commissions';
import { returnWindowDays } from '@linli/shared/orders/state-machine';
import { createProduct } from '../fixtures';
import { shipOrder } from '../payments/shopping-steps';
import type { MovableClock } from '../payments/shop-under-test';
import { giveOpenid, paidOrder, referralChain } from '../commissions/commission-fixtures';

type Headers = { authorization: string };

/**
 * A promoter (with a WeChat openid) whose invitee bought, received and kept a product long enough
 * for its 10% commission — `available` fen — to settle.
 */
export async function promoterWithAvailable(app: App, clock: MovableClock, available: number) {
  const { inviter, buyer } = await referralChain(app);
  await giveOpenid(app, inviter);
  const { skuIds } = await createProduct(app, { price: available * 10 });
  const order = await paidOrder(app, buyer, skuIds[0]!);
  await shipOrder(app, order.id);
  const received = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
  if (received.statusCode !== 200) throw new Error(`confirm receipt: ${received.body}`);
  clock.advance(returnWindowDays * 86_400_000 + 1000);
  await settleCommissions(app);
  return inviter;
}

export function requestWithdrawal(app: App, headers: Headers, amount: number, idempotencyKey?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/withdrawals',
    headers: { ...headers, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    payload: { amount },
  });
}

export async function requestedWithdrawal(app: App, headers: Headers, amount: number): Promise<Withdrawal> {
  const res = await requestWithdrawal(app, headers, amount);
  if (res.statusCode !== 201) throw new Error(`withdrawal: ${res.statusCode} ${res.body}`);
  return res.json<Withdrawal>();
}
