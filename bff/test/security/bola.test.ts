import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { createProduct, createShopper, giveCoupon } from '../fixtures';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import { realDatabaseIfConfigured } from '../pg-database';
import { payThroughSandbox, placeOrder, prepay, requestFullRefund, shipOrder } from '../payments/shopping-steps';
import { promoterWithAvailable, requestedWithdrawal } from '../withdrawals/withdrawal-steps';
import { shopperOperations, type ApiOperation } from './api-operations';

/**
 * Broken object-level authorisation. Shopper A owns one of everything a shopper can own; shopper B,
 * a stranger, presents A's ids on every route that takes one and reads every list a shopper has.
 * B must learn nothing (A's id answers exactly as an id that does not exist) and change nothing.
 */

type Shopper = Awaited<ReturnType<typeof createShopper>>;

interface ResourcesOfA {
  pendingOrder: string;
  paidOrder: string;
  shippedOrder: string;
  afterSale: string;
  withdrawal: string;
  share: string;
  cartSku: string;
  coupon: string;
}

type Probe =
  /** A's resource: B gets the same 404 as for an id that does not exist. */
  | { owned: (a: ResourcesOfA) => string; payload?: object }
  /** The id names shop data, not A's: B's call can only touch B's own records. */
  | { ownScoped: (a: ResourcesOfA) => string; payload?: object; why: string }
  /** Anyone may read it, signed in or not (a product, a shared group page). */
  | { public: string };

/** Every /api route with a path id, keyed as the OpenAPI document names it; a route missing here fails the suite. */
const probes: Record<string, Probe> = {
  'GET /api/orders/{id}': { owned: (a) => a.pendingOrder },
  'POST /api/orders/{id}/cancel': { owned: (a) => a.pendingOrder },
  'POST /api/orders/{id}/pay': { owned: (a) => a.pendingOrder },
  'POST /api/payments/sandbox/orders/{id}/confirm': { owned: (a) => a.pendingOrder },
  'POST /api/orders/{id}/confirm-receipt': { owned: (a) => a.shippedOrder },
  'GET /api/orders/{id}/after-sales': { owned: (a) => a.paidOrder },
  'POST /api/orders/{id}/after-sales': { owned: (a) => a.shippedOrder, payload: { reason: '不想要了' } },
  'GET /api/withdrawals/{id}': { owned: (a) => a.withdrawal },
  'POST /api/withdrawals/{id}/refresh': { owned: (a) => a.withdrawal },
  'POST /api/payments/sandbox/withdrawals/{id}/confirm': { owned: (a) => a.withdrawal },
  'GET /api/shares/{shareId}/poster': { owned: (a) => a.share },
  'PUT /api/cart/lines/{skuId}': { ownScoped: (a) => a.cartSku, payload: { quantity: 7 }, why: 'a SKU id: B sets a line in B’s own cart' },
  'DELETE /api/cart/lines/{skuId}': { ownScoped: (a) => a.cartSku, why: 'a SKU id: B removes a line from B’s own cart' },
  'POST /api/coupons/centre/{templateId}/claim': { ownScoped: () => randomUUID(), why: 'a template id: a claim lands in B’s own wallet' },
  'GET /api/products/{id}': { public: 'the shelf' },
  'GET /api/products/{id}/group-buys': { public: 'groups open on a product, nicknames masked' },
  'GET /api/group-buys/groups/{id}': { public: 'the page a group share card opens, nicknames masked' },
  'POST /api/shares/{shareId}/open': { public: 'opening a share someone sent; binds the opener, never changes the sharer' },
  'GET /api/shares/{shareId}/code.png': { public: 'the code printed on a public poster' },
};

let shop: ShopUnderTest<SandboxPaymentProvider>;
let operations: ApiOperation[];
let a: Shopper & { inviteCode: string };
let b: Shopper;
let resources: ResourcesOfA;
let database: Awaited<ReturnType<typeof realDatabaseIfConfigured>>;

beforeAll(async () => {
  database = await realDatabaseIfConfigured();
  shop = await openShop({ env: database.env });
  const { app, clock } = shop;
  operations = await shopperOperations(app);

  const promoter = await promoterWithAvailable(app, clock, 2000);
  a = { ...promoter, inviteCode: (await app.inject({ url: '/api/referrals/me', headers: promoter.headers })).json<{ inviteCode: string }>().inviteCode };
  b = await createShopper(app, 'stranger');

  const { productId, skuIds } = await createProduct(app, { stock: 50 });
  const sku = skuIds[0]!;
  const pending = await placeOrder(app, a, sku);
  const paid = await placeOrder(app, a, sku);
  await prepay(app, a, paid.id);
  await payThroughSandbox(app, a, paid.id);
  const afterSale = await requestFullRefund(app, a, paid.id);
  const shipped = await placeOrder(app, a, sku);
  await prepay(app, a, shipped.id);
  await payThroughSandbox(app, a, shipped.id);
  await shipOrder(app, shipped.id);
  await app.inject({ method: 'PUT', url: `/api/cart/lines/${sku}`, headers: a.headers, payload: { quantity: 2 } });
  const share = (await app.inject({ method: 'POST', url: '/api/shares', headers: a.headers, payload: { kind: 'product', targetId: productId, channel: 'poster' } })).json<{ shareId: string }>();
  resources = {
    pendingOrder: pending.id,
    paidOrder: paid.id,
    shippedOrder: shipped.id,
    afterSale: afterSale.id,
    withdrawal: (await requestedWithdrawal(app, a.headers, 1000)).id,
    share: share.shareId,
    cartSku: sku,
    coupon: await giveCoupon(app, a.userId),
  };
});
afterAll(async () => {
  await shop.close();
  await database.drop();
});

/** An id of the same shape as `id` that names nothing. */
function lookalike(id: string): string {
  return /^[0-9a-f-]{36}$/.test(id) ? randomUUID() : randomBytes(id.length).toString('base64url').slice(0, id.length);
}

function urlOf(operation: ApiOperation, id: string): string {
  return operation.path.replace(/\{[^}]+\}/, id);
}

function call(operation: ApiOperation, url: string, headers: { authorization: string }, payload?: object) {
  const withBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  return shop.app.inject({ method: operation.method as 'GET', url, headers, ...(withBody ? { payload: payload ?? {} } : {}) });
}

/** Everything A can read about A: every shopper list and A's own records by id. */
async function whatAOwns(): Promise<Record<string, unknown>> {
  const reads = [
    ...operations.filter((op) => op.method === 'GET' && !op.path.includes('{')).map((op) => op.path),
    `/api/orders/${resources.pendingOrder}`,
    `/api/orders/${resources.paidOrder}`,
    `/api/orders/${resources.shippedOrder}`,
    `/api/orders/${resources.paidOrder}/after-sales`,
    `/api/withdrawals/${resources.withdrawal}`,
    `/api/shares/${resources.share}/poster`,
  ];
  const answers = await Promise.all(reads.map(async (url) => [url, (await shop.app.inject({ url, headers: a.headers })).json()] as const));
  return Object.fromEntries(answers);
}

describe('shopper B probing shopper A’s resources', () => {
  it('has a probe for every /api route with a path id, and no probe for a route that is gone', () => {
    const withId = operations.filter((op) => op.path.includes('{')).map((op) => op.name);
    expect(withId.filter((name) => !(name in probes))).toEqual([]);
    expect(Object.keys(probes).filter((name) => !withId.includes(name))).toEqual([]);
  });

  it('answers B exactly as for an id that does not exist, on every route keyed by A’s resource, and changes nothing of A’s', async () => {
    const before = await whatAOwns();
    const leaks: string[] = [];
    let probed = 0;
    for (const operation of operations) {
      const probe = probes[operation.name];
      if (!probe || !('owned' in probe)) continue;
      const withA = await call(operation, urlOf(operation, probe.owned(resources)), b.headers, probe.payload);
      const withNobody = await call(operation, urlOf(operation, lookalike(probe.owned(resources))), b.headers, probe.payload);
      probed += 1;
      if (withA.statusCode !== 404 || withA.body !== withNobody.body) leaks.push(`${operation.name}: ${withA.statusCode} ${withA.body} (nonexistent id: ${withNobody.statusCode} ${withNobody.body})`);
    }
    expect(leaks).toEqual([]);
    expect(await whatAOwns()).toEqual(before);
    console.log(`BOLA (on ${database.name}): ${probed} owned-resource routes probed with A's ids, 0 answered differently from a nonexistent id`);
  });

  it('lets B act on shop ids only inside B’s own records', async () => {
    const before = await whatAOwns();
    const failures: string[] = [];
    for (const operation of operations) {
      const probe = probes[operation.name];
      if (!probe || !('ownScoped' in probe)) continue;
      const res = await call(operation, urlOf(operation, probe.ownScoped(resources)), b.headers, probe.payload);
      if (res.statusCode >= 500) failures.push(`${operation.name}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await whatAOwns()).toEqual(before);
  });

  it('shows B none of A’s ids in any shopper list', async () => {
    const secrets = [a.userId, a.inviteCode, ...Object.values(resources).filter((id) => id !== resources.cartSku)];
    const lists = operations.filter((op) => op.method === 'GET' && !op.path.includes('{'));
    const leaks: string[] = [];
    for (const operation of lists) {
      const res = await shop.app.inject({ url: operation.path, headers: b.headers });
      expect(res.statusCode).toBe(200);
      for (const secret of secrets) if (res.body.includes(secret)) leaks.push(`${operation.name} shows ${secret}`);
    }
    expect(secrets.every((s) => s.length > 0)).toBe(true);
    expect(leaks).toEqual([]);
    console.log(`BOLA (on ${database.name}): ${lists.length} shopper lists read as B, ${secrets.length} of A's ids looked for, 0 found`);
  });
});
