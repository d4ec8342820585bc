import { PaymentProviderError, type PrepayInput } from '../../src/modules/payments/providers/payment-provider';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from './order-invariants';
import { orderRow } from './shop-records';
import { openShop, type ShopUnderTest } from './shop-under-test';
import { placeOrder, prepay } from './shopping-steps';

/** Refusals the sandbox's own WeChat Pay answers, plus those of a WeChat Pay that is down or misconfigured. */
let refuseNextPrepay: PaymentProviderError | null = null;
let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop({
    provider: (sandbox) =>
      new Proxy(sandbox, {
        get: (target, property) =>
          property === 'prepay'
            ? (input: PrepayInput) => {
                const refusal = refuseNextPrepay;
                refuseNextPrepay = null;
                return refusal ? Promise.reject(refusal) : target.prepay(input);
              }
            : Reflect.get(target, property, target),
      }),
  });
});
afterAll(async () => {
  await shop.close();
});

async function pendingOrder() {
  const shopper = await createShopper(shop.app);
  const { skuIds } = await createProduct(shop.app, { stock: 10 });
  const order = await placeOrder(shop.app, shopper, skuIds[0]!);
  return { shopper, order };
}

function payAgain(shopper: { headers: { authorization: string } }, orderId: string) {
  return shop.app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers: shopper.headers });
}

describe('when WeChat Pay will not open a payment', () => {
  it('paid already (its notify not here yet): not payable, and the payment is applied at once', async () => {
    const { shopper, order } = await pendingOrder();
    await prepay(shop.app, shopper, order.id);
    await shop.sandbox.confirmPayment(order.orderNo); // returned, not delivered

    const res = await payAgain(shopper, order.id);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'ORDER_NOT_PAYABLE', message: '订单已支付' } });
    expect((await orderRow(shop.app, order.id)).status).toBe('to_ship');
  });

  it('closed on WeChat\'s side: not payable, nothing changed here', async () => {
    const { shopper, order } = await pendingOrder();
    await prepay(shop.app, shopper, order.id);
    await shop.sandbox.closePayment(order.orderNo);

    const res = await payAgain(shopper, order.id);

    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'ORDER_NOT_PAYABLE', message: '订单已关闭' });
    expect((await orderRow(shop.app, order.id)).status).toBe('pending_payment');
  });

  it('unreachable: 503, and the same order pays once WeChat Pay is back', async () => {
    const { shopper, order } = await pendingOrder();
    refuseNextPrepay = new PaymentProviderError(null, 'NETWORK_ERROR', 'connect ECONNREFUSED');

    const res = await payAgain(shopper, order.id);

    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('PAYMENT_UNAVAILABLE');
    await prepay(shop.app, shopper, order.id);
  });

  it('refusing our request (a set-up problem): 502 with no detail of WeChat\'s answer', async () => {
    const { shopper, order } = await pendingOrder();
    refuseNextPrepay = new PaymentProviderError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');

    const res = await payAgain(shopper, order.id);

    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({ error: { code: 'PAYMENT_PROVIDER_ERROR', message: '暂时无法发起微信支付，请稍后再试或联系客服' } });
  });

  it("leaves every order's money and status history consistent", async () => {
    expect([...(await moneyProblems(shop.app)), ...(await statusHistoryProblems(shop.app))]).toEqual([]);
  });
});
