import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CreateOrderBody, OrderDetail } from '@linli/shared/schemas/order';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { cartLines } from '../cart/tables';
import { describeRejection } from '@linli/shared/pricing';
import { quoteLines } from '../cart/price-lines';
import { myCoupon } from '../coupons/checkout-coupons';
import { lockCoupon } from '../coupons/holds';
import { groupOrderOffer } from '../group-buys/campaign-for-sku';
import { shares } from '../referrals/tables';
import { checkShopperMayTakePart, joinGroup, openGroup } from '../group-buys/seats';
import type { Transaction } from '../../db/client';
import { loadSkusForSale, mergeLines } from '../cart/skus-for-sale';
import { orderEvents, orderLines, orders } from './tables';
import { loadOrderDetail, toOrderDetail } from './order-views';
import { takeStock } from './stock';
import { recordEvent } from '../analytics/record-event';

/**
 * Places an order: one transaction that checks the Idempotency-Key, prices the order with the
 * shared pricing function, writes the order, its lines and its first event, and takes stock.
 *
 * Idempotency: a transaction-scoped advisory lock on (shopper, key) marks a request in flight; a
 * duplicate that cannot take it gets 409 at once instead of queueing. The key is stored on the order,
 * so a retry after success replays that order and a retry with another body gets 422. A failed
 * attempt (no stock, crash, lost connection) rolls back entirely and leaves the key unused.
 */
export async function placeOrder(
  app: App,
  input: { userId: string; idempotencyKey: string; body: CreateOrderBody },
): Promise<{ order: OrderDetail; replayed: boolean }> {
  const requestHash = hashRequest(input.body);
  const { database } = app;
  const lines = mergeLines(input.body.lines);
  // Independent statements are sent together (postgres.js pipelines them on the transaction's
  // connection, which still runs them in order): an order costs four round trips, not a dozen.
  const placed = await app.db.transaction(async (tx) => {
    const [[lock], [previous], forSale, coupon, [share]] = await Promise.all([
      database.rows<{ acquired: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${input.userId}), hashtext(${input.idempotencyKey})) as acquired`),
      tx
        .select({ id: orders.id, requestHash: orders.requestHash })
        .from(orders)
        .where(and(eq(orders.userId, input.userId), eq(orders.idempotencyKey, input.idempotencyKey))),
      loadSkusForSale(database, tx, lines.map((l) => l.skuId)),
      input.body.userCouponId ? myCoupon(tx, input.userId, input.body.userCouponId) : null,
      input.body.shareId ? tx.select({ id: shares.id }).from(shares).where(eq(shares.id, input.body.shareId)) : [],
    ]);
    if (!lock?.acquired) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中，请稍后查看订单');
    if (previous) {
      if (previous.requestHash !== requestHash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个不同的下单请求');
      return { replayOf: previous.id };
    }
    for (const line of lines) {
      const sku = forSale.get(line.skuId);
      if (!sku || !sku.onShelf) throw new AppError(409, 'SKU_UNAVAILABLE', '商品已下架或不存在');
    }

    if (input.body.userCouponId && coupon?.status !== 'available') throw couponUnavailable();

    const now = app.clock();
    const offer = input.body.groupBuy ? await groupOffer(app, tx, { ...input.body.groupBuy, userId: input.userId, lines, now }) : null;
    const { quote, couponResult } = quoteLines(
      app.config,
      lines.map((l) => ({ sku: forSale.get(l.skuId)!, quantity: l.quantity, groupUnitPrice: offer?.unitPrice })),
      now,
      coupon?.forPricing ?? null,
    );
    if (couponResult && !couponResult.applied) {
      throw new AppError(409, 'COUPON_NOT_APPLICABLE', `该优惠券不能用于本单：${describeRejection(couponResult.rejection)}`);
    }
    const orderId = randomUUID();
    const [[order], insertedLines, [event]] = await Promise.all([
      tx
        .insert(orders)
        .values({
          id: orderId,
          orderNo: newOrderNo(now),
          userId: input.userId,
          status: 'pending_payment',
          itemsTotal: quote.itemsTotal,
          groupDiscount: quote.groupDiscount,
          couponDiscount: quote.couponDiscount,
          shippingFee: quote.shippingFee,
          shippingDiscount: quote.shippingDiscount,
          payable: quote.payable,
          userCouponId: quote.appliedCoupon?.id ?? null,
          // Attribution never fails an order: an unknown or forged share id is simply not recorded.
          shareId: share?.id ?? null,
          address: input.body.address,
          remark: input.body.remark ?? '',
          idempotencyKey: input.idempotencyKey,
          requestHash,
          expiresAt: new Date(now.getTime() + app.config.orders.paymentWindowMinutes * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      tx
        .insert(orderLines)
        .values(
          quote.lines.map((q) => ({
            orderId,
            skuId: q.skuId,
            productId: q.productId,
            title: q.title,
            specText: q.specText,
            image: q.image,
            unitPrice: q.unitPrice,
            chargedUnitPrice: q.chargedUnitPrice,
            quantity: q.quantity,
            groupDiscount: q.groupDiscount,
            couponDiscount: q.couponDiscount,
            payable: q.payable,
          })),
        )
        .returning(),
      tx
        .insert(orderEvents)
        .values({ orderId, fromStatus: null, toStatus: 'pending_payment', action: 'place', actorKind: 'shopper', actorId: input.userId, createdAt: now })
        .returning(),
      input.body.fromCart
        ? tx.delete(cartLines).where(and(eq(cartLines.userId, input.userId), inArray(cartLines.skuId, lines.map((l) => l.skuId))))
        : null,
    ]);
    let groupId = input.body.groupBuy?.groupId ?? null;
    if (offer && groupId) await joinGroup(tx, { groupId, campaignId: offer.campaign.id, userId: input.userId, orderId, now });
    if (offer && !groupId) groupId = await openGroup(tx, { campaign: offer.campaign, userId: input.userId, orderId });
    // Of two checkouts racing for one coupon, exactly one lock matches; the other order rolls back.
    if (quote.appliedCoupon && !(await lockCoupon(tx, { userCouponId: quote.appliedCoupon.id, userId: input.userId, orderId, now }))) {
      throw couponUnavailable();
    }
    await recordEvent(tx, { name: 'order_created', at: now, userId: input.userId, orderId, groupId, shareId: share?.id ?? null, amount: quote.payable });
    // Stock is taken last: a hot SKU's row lock is then held only for this UPDATE and the commit.
    const short = await takeStock(tx, lines);
    if (short) throw new AppError(409, 'INSUFFICIENT_STOCK', `库存不足：${forSale.get(short)?.title ?? short}`, [{ path: short, message: 'insufficient stock' }]);
    return { order: toOrderDetail(order!, insertedLines, [event!], groupId) };
  });
  if (placed.order) return { order: placed.order, replayed: false };
  return { order: (await loadOrderDetail(app.db, placed.replayOf!, input.userId))!, replayed: true };
}

/** A group order's campaign and unit price, once the shopper may take part in it. */
async function groupOffer(
  app: App,
  tx: Transaction,
  input: { campaignId: string; groupId?: string; userId: string; lines: Array<{ skuId: string }>; now: Date },
) {
  const offer = await groupOrderOffer(tx, input);
  await checkShopperMayTakePart(app.database, tx, { userId: input.userId, campaign: offer.campaign, groupId: input.groupId ?? null });
  return offer;
}

const couponUnavailable = () => new AppError(409, 'COUPON_UNAVAILABLE', '该优惠券不可用（已使用、已锁定在其他订单或已过期）');

/** Same body, same hash: keys are sorted so clients may serialise fields in any order. */
function hashRequest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 'L' + UTC yyyymmddhhmmss + 8 random digits: 23 characters, sortable by time, within out_trade_no's 32. */
function newOrderNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `L${stamp}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}
