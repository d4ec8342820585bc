import type { AfterSale, OrderDetail } from '@linli/shared/schemas/order';
import type { CommissionEntry } from '@linli/shared/schemas/promoters';
import { settleCommissions } from '../../src/modules/commissions/settle-commissions';
import { failExpiredGroups } from '../../src/modules/group-buys/group-expiry';
import { returnWindowDays } from '@linli/shared/orders/state-machine';
import { processDueRefunds } from '../../src/modules/payments/refunds';
import { bindViewerToSharer } from '../../src/modules/referrals/inviter-binding';
import { address, createProduct, createShopper, createStaffMember, idempotencyKey } from '../fixtures';
import { createRunningCampaign } from '../group-buys/group-state-fixtures';
import { approveAfterSale, prepay, payThroughSandbox, requestFullRefund, shipOrder } from '../payments/shopping-steps';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { commissionsOf, configureReferrals, ledgerProblems, paidOrder, promoterMe, referralChain } from './commission-fixtures';

let shop: ShopUnderTest<SandboxPaymentProvider>;
const day = 86_400_000;

beforeEach(async () => {
  shop = await openShop();
});
afterEach(async () => {
  await shop.close();
});

async function refundOneUnit(order: OrderDetail, buyer: { headers: { authorization: string } }): Promise<AfterSale> {
  const res = await shop.app.inject({
    method: 'POST',
    url: `/api/orders/${order.id}/after-sales`,
    headers: buyer.headers,
    payload: { reason: '坏了一个', lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] },
  });
  if (res.statusCode !== 201) throw new Error(`after-sale: ${res.statusCode} ${res.body}`);
  return approveAfterSale(shop.app, res.json<AfterSale>().id);
}

async function completeOrder(order: OrderDetail, buyer: { headers: { authorization: string } }): Promise<void> {
  await shipOrder(shop.app, order.id);
  const res = await shop.app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
  if (res.statusCode !== 200) throw new Error(`confirm receipt: ${res.statusCode} ${res.body}`);
}

describe('commissions on a referred order (level 2 on, default 10% and 3%)', () => {
  it('records pending level-1 and level-2 commissions on what the line paid, once paid', async () => {
    const { app } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!, 3);
    expect(order.lines[0]!.payable).toBe(11_997);

    // 11997 × 10% = 1199.7 → 1199; 11997 × 3% = 359.91 → 359
    expect((await commissionsOf(app, order.id)).map((c) => [c.level, c.beneficiaryId, c.amount, c.status])).toEqual([
      [1, inviter.userId, 1199, 'pending'],
      [2, grandInviter.userId, 359, 'pending'],
    ]);
    expect((await promoterMe(app, inviter)).balances).toEqual({ pending: 1199, available: 0, inFlight: 0, withdrawn: 0 });
    expect((await promoterMe(app, grandInviter)).balances).toEqual({ pending: 359, available: 0, inFlight: 0, withdrawn: 0 });
    const listed = await app.inject({ method: 'GET', url: '/api/promoter/commissions', headers: inviter.headers });
    expect(listed.json<{ items: CommissionEntry[] }>().items).toEqual([
      expect.objectContaining({ orderNo: order.orderNo, level: 1, amount: 1199, reversedAmount: 0, status: 'pending', buyerNickname: '张*' }),
    ]);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('never pays a third level, however long the chain of invitations (deeper is pyramid selling)', async () => {
    const { app } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const greatGrandInviter = await createShopper(app, '赵曾');
    if (!(await bindViewerToSharer(app, grandInviter.userId, greatGrandInviter.userId))) throw new Error('grand-inviter not bound');
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);

    expect((await commissionsOf(app, order.id)).map((c) => [c.level, c.beneficiaryId])).toEqual([
      [1, inviter.userId],
      [2, grandInviter.userId],
    ]);
    expect((await promoterMe(app, greatGrandInviter)).balances).toEqual({ pending: 0, available: 0, inFlight: 0, withdrawn: 0 });
  });

  it('reverses pending commissions pro rata when part of the order is refunded', async () => {
    const { app } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!, 3);
    await refundOneUnit(order, buyer);

    // one unit of three refunds 3999 of 11997: 1199 × 7998 / 11997 = 799.3 → 799; 359 × 7998 / 11997 = 239.3 → 239
    expect((await commissionsOf(app, order.id)).map((c) => [c.level, c.amount, c.reversedAmount, c.status])).toEqual([
      [1, 1199, 400, 'pending'],
      [2, 359, 120, 'pending'],
    ]);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(799);
    expect((await promoterMe(app, grandInviter)).balances.pending).toBe(239);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('settles what is left only once the order is completed and its after-sales window has closed', async () => {
    const { app, clock } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!, 3);
    await refundOneUnit(order, buyer);
    await completeOrder(order, buyer);

    clock.advance(returnWindowDays * day);
    expect(await settleCommissions(app)).toBe(0);
    clock.advance(1000);
    expect(await settleCommissions(app)).toBe(1);

    expect((await commissionsOf(app, order.id)).map((c) => c.status)).toEqual(['settled', 'settled']);
    expect((await promoterMe(app, inviter)).balances).toEqual({ pending: 0, available: 799, inFlight: 0, withdrawn: 0 });
    expect((await promoterMe(app, grandInviter)).balances).toEqual({ pending: 0, available: 239, inFlight: 0, withdrawn: 0 });
    expect(await settleCommissions(app)).toBe(0);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('does not settle while an after-sales request on the order is open', async () => {
    const { app, clock } = shop;
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    await completeOrder(order, buyer);
    const asked = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: buyer.headers, payload: { reason: '不想要了' } });
    expect(asked.statusCode).toBe(201);
    clock.advance(returnWindowDays * day + 1000);

    expect(await settleCommissions(app)).toBe(0);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(399);
  });
});

describe('who earns and at what rate', () => {
  it('pays only level 1 while level 2 is off (the default)', async () => {
    const { app } = shop;
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    expect((await commissionsOf(app, order.id)).map((c) => [c.level, c.beneficiaryId, c.amount])).toEqual([[1, inviter.userId, 399]]);
  });

  it("uses a product's own rate over the shop default", async () => {
    const { app } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { buyer } = await referralChain(app);
    const { productId, skuIds } = await createProduct(app, { price: 3999 });
    const operator = await createStaffMember(app, 'operator');
    const set = await app.inject({ method: 'PUT', url: `/api/console/products/${productId}/commission-rate`, headers: operator.headers, payload: { level1Bp: 1500, level2Bp: 500 } });
    expect(set.json()).toEqual({ productId, rate: { level1Bp: 1500, level2Bp: 500 } });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    // 3999 × 15% = 599.85 → 599; 3999 × 5% = 199.95 → 199
    expect((await commissionsOf(app, order.id)).map((c) => [c.level, c.rateBp, c.amount])).toEqual([
      [1, 1500, 599],
      [2, 500, 199],
    ]);
  });

  it('writes nothing when the rate is zero', async () => {
    const { app } = shop;
    await configureReferrals(app, { level1RateBp: 0 });
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    expect(await commissionsOf(app, order.id)).toEqual([]);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(0);
  });

  it('pays nothing to an unapproved inviter in approved mode, and pays on the next order once approved', async () => {
    const { app } = shop;
    await configureReferrals(app, { promoterMode: 'approved' });
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const before = await paidOrder(app, buyer, skuIds[0]!);
    expect(await commissionsOf(app, before.id)).toEqual([]);

    const applied = await app.inject({ method: 'POST', url: '/api/promoter/apply', headers: inviter.headers });
    expect(applied.json()).toMatchObject({ status: 'applied' });
    const operator = await createStaffMember(app, 'operator');
    const approved = await app.inject({ method: 'POST', url: `/api/console/promoters/${inviter.userId}/approve`, headers: operator.headers, payload: {} });
    expect(approved.json()).toMatchObject({ userId: inviter.userId, status: 'approved' });

    const after = await paidOrder(app, buyer, skuIds[0]!);
    expect((await commissionsOf(app, after.id)).map((c) => [c.beneficiaryId, c.amount])).toEqual([[inviter.userId, 399]]);
  });

  it("pays the buyer's inviter, and nobody on an order from a shopper nobody invited", async () => {
    const { app } = shop;
    const { inviter } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, inviter, skuIds[0]!);
    expect(await commissionsOf(app, order.id)).toHaveLength(1);
    const { grandInviter } = await referralChain(app);
    const own = await paidOrder(app, grandInviter, skuIds[0]!);
    expect(await commissionsOf(app, own.id)).toEqual([]);
  });
});

describe('whole-order refunds', () => {
  it('reverses every commission when the whole order is refunded through after-sales', async () => {
    const { app } = shop;
    await configureReferrals(app, { level2Enabled: true });
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!, 2);
    const asked = await requestFullRefund(app, buyer, order.id);
    await approveAfterSale(app, asked.id);

    expect((await commissionsOf(app, order.id)).map((c) => [c.status, c.reversedAmount === c.amount])).toEqual([
      ['reversed', true],
      ['reversed', true],
    ]);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(0);
    expect((await promoterMe(app, grandInviter)).balances.pending).toBe(0);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('reverses every commission when the group the order joined fails', async () => {
    const { app, clock } = shop;
    const { inviter, buyer } = await referralChain(app);
    const { campaign, skuId } = await createRunningCampaign(app, { timeLimitMinutes: 30 });
    const placed = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() },
      payload: { lines: [{ skuId, quantity: 1 }], address, groupBuy: { campaignId: campaign.id } },
    });
    expect(placed.statusCode).toBe(201);
    const order = placed.json<OrderDetail>();
    await prepay(app, buyer, order.id);
    await payThroughSandbox(app, buyer, order.id);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(Math.floor(order.lines[0]!.payable / 10));

    clock.advance(31 * 60_000);
    expect(await failExpiredGroups(app)).toBe(1);
    await processDueRefunds(app);

    expect((await commissionsOf(app, order.id)).map((c) => c.status)).toEqual(['reversed']);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(0);
    expect(await ledgerProblems(app)).toEqual([]);
  });
});
