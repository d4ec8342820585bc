import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type postgres from 'postgres';

type Sql = ReturnType<typeof postgres>;

const address = { name: '压测', phone: '13800000000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道 1 号' };

async function devLogin(base: string, name: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function post(base: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** 100 concurrent shoppers claim from one template with 500 left: claims/s, p99, and how many were issued. */
export async function benchCouponClaims(base: string, sql: Sql) {
  const [template] = await sql<{ id: string }[]>`
    insert into coupon_templates (title, kind, threshold, amount_off, valid_days, total_stock, per_user_limit)
    values ('压测券 满100减10', 'amount_off', 10000, 1000, 7, 500, 1) returning id`;
  const tokens = await Promise.all(Array.from({ length: 600 }, (_, i) => devLogin(base, `claim-${i}`)));
  let next = 0;
  const result = await autocannon({
    url: `${base}/api/coupons/centre/${template!.id}/claim`,
    connections: 100,
    amount: tokens.length,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }) }],
  });
  const [issued] = await sql<{ issued: number; held: number }[]>`
    select t.issued_count as issued, (select count(*)::int from user_coupons where template_id = t.id) as held
    from coupon_templates t where t.id = ${template!.id}`;
  return { perSecond: result['2xx'] / (result.duration || 1), p99: result.latency.p99, issued: issued!.issued, held: issued!.held, stock: 500 };
}

/** 100 concurrent joiners for one hot campaign's open groups (size 10): joins/s, p99, and no group over its size. */
export async function benchGroupJoins(base: string, sql: Sql) {
  const [sku] = await sql<{ id: string; product_id: string; price: number }[]>`
    select s.id, s.product_id, s.price from skus s join products p on p.id = s.product_id where p.on_shelf order by s.price desc limit 1`;
  await sql`update skus set stock = 100000 where id = ${sku!.id}`;
  const [campaign] = await sql<{ id: string }[]>`
    insert into group_campaigns (product_id, title, group_size, time_limit_minutes, starts_at, ends_at, per_user_limit)
    values (${sku!.product_id}, '压测拼团', 10, 60, now() - interval '1 day', now() + interval '1 day', 1) returning id`;
  await sql`insert into group_campaign_skus (campaign_id, sku_id, group_price) values (${campaign!.id}, ${sku!.id}, ${sku!.price - 100})`;

  const groupIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const leader = await devLogin(base, `leader-${i}`);
    const order = await post(base, '/api/orders', leader, { lines: [{ skuId: sku!.id, quantity: 1 }], address, groupBuy: { campaignId: campaign!.id } }, { 'idempotency-key': randomUUID() });
    await post(base, `/api/orders/${order.id}/pay`, leader);
    await post(base, `/api/payments/sandbox/orders/${order.id}/confirm`, leader);
    groupIds.push(order.groupId as string);
  }
  const joiners = await Promise.all(Array.from({ length: 400 }, (_, i) => devLogin(base, `joiner-${i}`)));
  let next = 0;
  let full = 0;
  const result = await autocannon({
    url: `${base}/api/orders`,
    connections: 100,
    amount: joiners.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            body: JSON.stringify({ lines: [{ skuId: sku!.id, quantity: 1 }], address, groupBuy: { campaignId: campaign!.id, groupId: groupIds[n % groupIds.length] } }),
            headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${joiners[n % joiners.length]}`, 'idempotency-key': randomUUID() },
          };
        },
        onResponse: (status, body) => {
          if (status === 409 && body.includes('GROUP_FULL')) full++;
        },
      },
    ],
  });
  const [over] = await sql<{ n: number }[]>`select count(*)::int as n from groups where campaign_id = ${campaign!.id} and seats_taken > size`;
  return { perSecond: result['2xx'] / (result.duration || 1), p99: result.latency.p99, joined: result['2xx'], full, overfull: over!.n };
}
