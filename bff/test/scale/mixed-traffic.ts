import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app';
import { jobs } from '../../src/jobs/scheduler';
import type { SignedNotify } from '../../src/modules/payments/providers/wechatpay/fake-wechatpay-server';
import { createTemplate } from '../coupons/coupon-fixtures';
import { address, createProduct } from '../fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import type { MovableClock } from '../payments/shop-under-test';
import { settle } from '../properties/shop-steps';

/**
 * Virtual shoppers doing what shoppers do — browse (and report it as the mini-program does), fill a cart, buy (with a coupon when they have
 * one), pay, open and join groups, claim coupons — over real HTTP against several BFF instances at
 * once, each shopper's requests alternating between the instances. Used by the two-instance test and
 * by the soak in `pnpm bench`.
 *
 * Payment is WeChat's part: the shopper prepays on one instance, WeChat Pay (whatever `pay` stands
 * for: the sandbox, or one fake WeChat Pay shared by processes) signs the notify, and it is delivered
 * to the next instance — so a payment started on one instance is completed by another.
 */

export interface MixedScene {
  skuId: string;
  productId: string;
  groupSkuId: string;
  campaignId: string;
  couponTemplateId: string;
  /** What each SKU started with, for the stock invariant. */
  initialStock: Record<string, number>;
}

/** The scene the traffic plays in: one product to buy, one group-buy campaign (groups of 3), one coupon template. */
export async function prepareMixedScene(app: App, options: { stock: number; coupons: number }): Promise<MixedScene> {
  const { productId, skuIds } = await createProduct(app, { title: '混合流量 土鸡蛋 30 枚', price: 12900, stock: options.stock });
  const campaign = await createCampaign(app, { groupSize: 3, groupPrice: 1990, timeLimitMinutes: 30, perUserLimit: 1000, stock: options.stock, now: app.clock() });
  const template = await createTemplate(app, { title: '满 100 减 10', threshold: 10000, amountOff: 1000, totalStock: options.coupons, perUserLimit: 1, validDays: 7 });
  return {
    skuId: skuIds[0]!,
    productId,
    groupSkuId: campaign.skuId,
    campaignId: campaign.campaignId,
    couponTemplateId: template.id,
    initialStock: { [skuIds[0]!]: options.stock, [campaign.skuId]: options.stock },
  };
}

export const requestKinds = ['sign-up', 'product list', 'product detail', 'events', 'cart', 'my coupons', 'order', 'group open', 'group join', 'prepay', 'pay notify', 'coupon claim'] as const;
export type RequestKind = (typeof requestKinds)[number];

export interface KindFigures {
  /** requests sent to each instance, in the order of `bases` */
  byInstance: number[];
  /** answers by status code; 0 when no answer came */
  statuses: Record<number, number>;
  latenciesMs: number[];
}

export interface TrafficReport {
  seconds: number;
  instances: number;
  byKind: Record<RequestKind, KindFigures>;
  /** The first few answers that are neither success nor a business refusal (5xx, 400, 401, 404, no answer). */
  errors: string[];
  errorCount: number;
  orders: { placed: number; paid: number; refusedByWechat: number; groupsOpened: number };
}

export interface TrafficOptions {
  /** each instance's base URL, e.g. http://127.0.0.1:3000 */
  bases: string[];
  scene: MixedScene;
  shoppers: number;
  seconds: number;
  /** WeChat Pay: the shopper pays the prepaid order `orderNo`; answers the signed notify to deliver. */
  pay: (orderNo: string) => Promise<SignedNotify>;
  /** Called once per new shopper (e.g. to give them the WeChat openid a real login would). */
  onSignUp?: (userId: string) => Promise<void>;
}

// Business refusals a busy shop gives: sold out, group full, coupon gone or already held, order no
// longer payable (its window passed), too many requests. Anything else is an error of the BFF.
const refusals = new Set([409, 410, 422, 429]);

/**
 * A notify that took longer than WeChat's ±5 minutes of skew to arrive (shop time moves fast in the
 * two-instance test) is refused; WeChat retries, and reconciliation asks WeChat about the order anyway.
 */
function staleNotify(status: number, body: string): boolean {
  return status === 401 && body.includes('STALE_TIMESTAMP');
}

/** The BFF answers JSON; anything else (an empty 204, a proxy's HTML page) reads as no fields. */
function jsonOrEmpty(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

type Answer = { status: number; body: Record<string, unknown> };

class Recorder {
  readonly byKind = Object.fromEntries(requestKinds.map((k): [RequestKind, KindFigures] => [k, { byInstance: [], statuses: {}, latenciesMs: [] }])) as Record<RequestKind, KindFigures>;
  readonly errors: string[] = [];
  errorCount = 0;

  record(kind: RequestKind, instance: number, status: number, ms: number, what: string): void {
    const figures = this.byKind[kind];
    figures.byInstance[instance] = (figures.byInstance[instance] ?? 0) + 1;
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    figures.latenciesMs.push(ms);
    if ((status >= 200 && status < 300) || refusals.has(status) || (kind === 'pay notify' && staleNotify(status, what))) return;
    this.errorCount++;
    if (this.errors.length < 10) this.errors.push(`${kind} on instance ${instance}: ${status} ${what.slice(0, 300)}`);
  }
}

/** Drives the traffic for `seconds` and answers what was sent where and what came back. */
export async function driveMixedTraffic(options: TrafficOptions): Promise<TrafficReport> {
  const recorder = new Recorder();
  const openGroups: string[] = [];
  const orders = { placed: 0, paid: 0, refusedByWechat: 0, groupsOpened: 0 };
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();

  async function shopper(index: number): Promise<void> {
    let turn = index;
    const send = async (kind: RequestKind, method: string, path: string, init: { token?: string; body?: unknown; raw?: SignedNotify } = {}): Promise<Answer> => {
      const instance = turn++ % options.bases.length;
      const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
      if (init.body !== undefined || init.raw) headers['content-type'] = 'application/json';
      if (kind === 'order' || kind === 'group open' || kind === 'group join') headers['idempotency-key'] = randomUUID();
      const begun = performance.now();
      try {
        const res = await fetch(`${options.bases[instance]}${path}`, {
          method,
          headers: { ...headers, ...init.raw?.headers },
          body: init.raw ? init.raw.body : init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        const text = await res.text();
        recorder.record(kind, instance, res.status, performance.now() - begun, text);
        return { status: res.status, body: jsonOrEmpty(text) };
      } catch (err) {
        recorder.record(kind, instance, 0, performance.now() - begun, String(err));
        return { status: 0, body: {} };
      }
    };

    const signedUp = await send('sign-up', 'POST', '/api/auth/dev-login', { body: { name: `混合流量-${index}-${randomUUID().slice(0, 6)}` } });
    if (signedUp.status !== 200) return;
    const token = signedUp.body.accessToken as string;
    await options.onSignUp?.((signedUp.body.user as { id: string }).id);
    const { scene } = options;

    const payFor = async (order: Answer): Promise<void> => {
      if (order.status !== 201) return;
      orders.placed++;
      // Some shoppers walk away from checkout: their orders are left for the expiry job.
      if (Math.random() < 0.15) return;
      const prepaid = await send('prepay', 'POST', `/api/orders/${order.body.id as string}/pay`, { token });
      if (prepaid.status !== 200) return;
      // WeChat refuses to take money for a transaction whose time ran out or that Linli closed meanwhile.
      const notify = await options.pay(order.body.orderNo as string).catch(() => null);
      if (!notify) {
        orders.refusedByWechat++;
        return;
      }
      const delivered = await send('pay notify', 'POST', '/api/payments/notify', { raw: notify });
      if (delivered.status === 204) orders.paid++;
    };

    // The first actions are spread evenly over the mix, so even a short run on a slow machine tries every kind.
    let roll = index / options.shoppers;
    for (; Date.now() < deadline; roll = Math.random()) {
      if (roll < 0.25) {
        await send('product list', 'GET', '/api/products?limit=20');
        await send('product detail', 'GET', `/api/products/${scene.productId}`);
        // What the mini-program reports about that visit; rate-limited per shopper (shared in Redis when set).
        await send('events', 'POST', '/api/events', { token, body: { visitorId: `visitor-${index}`, events: [{ name: 'product_view', occurredAt: new Date().toISOString(), productId: scene.productId }] } });
      } else if (roll < 0.4) {
        await send('cart', 'PUT', `/api/cart/lines/${scene.skuId}`, { token, body: { quantity: 1 + Math.floor(Math.random() * 3) } });
        await send('cart', 'GET', '/api/cart', { token });
      } else if (roll < 0.6) {
        const mine = await send('my coupons', 'GET', '/api/coupons/mine?status=available', { token });
        const userCouponId = (mine.body.items as Array<{ id: string }> | undefined)?.[0]?.id;
        const quantity = 1 + Math.floor(Math.random() * 2);
        await payFor(await send('order', 'POST', '/api/orders', { token, body: { lines: [{ skuId: scene.skuId, quantity }], address, ...(userCouponId ? { userCouponId } : {}) } }));
      } else if (roll < 0.7) {
        const opened = await send('group open', 'POST', '/api/orders', { token, body: { lines: [{ skuId: scene.groupSkuId, quantity: 1 }], address, groupBuy: { campaignId: scene.campaignId } } });
        if (opened.status === 201) {
          openGroups.push(opened.body.groupId as string);
          orders.groupsOpened++;
        }
        await payFor(opened);
      } else if (roll < 0.85) {
        const groupId = openGroups[openGroups.length - 1 - Math.floor(Math.random() * Math.min(openGroups.length, 5))];
        if (!groupId) continue;
        await payFor(await send('group join', 'POST', '/api/orders', { token, body: { lines: [{ skuId: scene.groupSkuId, quantity: 1 }], address, groupBuy: { campaignId: scene.campaignId, groupId } } }));
      } else {
        await send('coupon claim', 'POST', `/api/coupons/centre/${scene.couponTemplateId}/claim`, { token });
      }
    }
  }

  await Promise.all(Array.from({ length: options.shoppers }, (_, i) => shopper(i)));
  return {
    seconds: (performance.now() - started) / 1000,
    instances: options.bases.length,
    byKind: recorder.byKind,
    errors: recorder.errors,
    errorCount: recorder.errorCount,
    orders,
  };
}

/**
 * The shop at rest after heavy traffic: every window passes (settle), then every job runs again, an
 * hour of shop time apart (for retry backoff), until a whole round finds nothing to do. One job run
 * takes a bounded batch (20 refunds, 200 orders), and minutes of traffic leave deeper backlogs.
 */
export async function settleBacklog(app: App, clock: MovableClock): Promise<number> {
  await settle(app, clock);
  for (let round = 1; round <= 500; round++) {
    let worked = 0;
    for (const job of Object.values(jobs)) worked += workDone(await job(app));
    if (worked === 0) return round;
    clock.advance(3_600_000);
  }
  throw new Error('the jobs still found work after 500 rounds');
}

/** What a job run reports having done: a count, or reconciliation's `applied`. */
function workDone(result: unknown): number {
  if (typeof result === 'number') return result;
  const applied = (result as { applied?: unknown } | null)?.applied;
  return typeof applied === 'number' ? applied : 0;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One line per kind of request: count per instance, throughput, p50/p99, answers by status. */
export function describeTraffic(report: TrafficReport): string[] {
  const lines = [`${report.instances} instances, ${report.seconds.toFixed(1)} s:`];
  for (const kind of requestKinds) {
    const figures = report.byKind[kind];
    const count = figures.latenciesMs.length;
    if (count === 0) continue;
    const sorted = [...figures.latenciesMs].sort((a, b) => a - b);
    const perInstance = Array.from({ length: report.instances }, (_, i) => figures.byInstance[i] ?? 0).join(' / ');
    const statuses = Object.entries(figures.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
    lines.push(
      `  ${kind.padEnd(15)} ${String(count).padStart(6)} (${perInstance})  ${(count / report.seconds).toFixed(1).padStart(7)} req/s  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  [${statuses}]`,
    );
  }
  const total = requestKinds.reduce((n, k) => n + report.byKind[k].latenciesMs.length, 0);
  lines.push(`  total ${total} requests (${(total / report.seconds).toFixed(1)} req/s); orders placed ${report.orders.placed}, paid ${report.orders.paid} (WeChat refused ${report.orders.refusedByWechat}: time ran out), groups opened ${report.orders.groupsOpened}; errors ${report.errorCount}`);
  return lines;
}
