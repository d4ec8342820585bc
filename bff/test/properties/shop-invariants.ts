import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { ledgerProblems } from '../commissions/commission-fixtures';
import { moneyProblems, statusHistoryProblems } from '../payments/order-invariants';

/**
 * The shop's promises, checked on the whole database once it is at rest (every window passed, every
 * job run). Each check returns the problems it found, naming the row, so a shrunk counterexample
 * reads as a story.
 */

/**
 * Stock is conserved: what a SKU started with equals what it has plus what orders still hold. An
 * order holds its units unless it was cancelled, or refunded before anything shipped (then the stock
 * came back, whole or for the refunded units); shipped goods are gone whatever was refunded.
 */
async function stockProblems(app: App, initialStock: Record<string, number>): Promise<string[]> {
  const rows = await app.database.rows<{ sku_id: string; stock: number; held: number }>(
    app.db,
    sql`select s.id::text as sku_id, s.stock,
               coalesce(sum(case
                 when o.status = 'cancelled' then 0
                 when o.shipped_at is not null then l.quantity
                 when o.status = 'refunded' then 0
                 else l.quantity - l.refunded_quantity end), 0)::int as held
        from skus s
        left join order_lines l on l.sku_id = s.id
        left join orders o on o.id = l.order_id
        where s.id in (select unnest(${`{${Object.keys(initialStock).join(',')}}`}::uuid[]))
        group by s.id`,
  );
  return rows.flatMap((r) => {
    const initial = initialStock[r.sku_id]!;
    const problems = r.stock < 0 ? [`sku ${r.sku_id}: negative stock ${r.stock}`] : [];
    return r.stock + r.held === initial ? problems : [...problems, `sku ${r.sku_id}: started with ${initial}, has ${r.stock}, orders hold ${r.held}`];
  });
}

/** A coupon pays for at most one order, a used coupon for exactly one, and a template never issues past its stock. */
async function couponProblems(app: App): Promise<string[]> {
  const twice = await app.database.rows<{ user_coupon_id: string; orders: number }>(
    app.db,
    sql`select user_coupon_id::text, count(*)::int as orders from orders
        where user_coupon_id is not null and paid_at is not null and status <> 'refunded'
        group by user_coupon_id having count(*) > 1`,
  );
  const usedWithoutOrder = await app.database.rows<{ id: string }>(
    app.db,
    sql`select c.id::text from user_coupons c
        where c.status = 'used' and not exists (select 1 from orders o where o.user_coupon_id = c.id and o.paid_at is not null)`,
  );
  const overIssued = await app.database.rows<{ id: string; total_stock: number; issued: number }>(
    app.db,
    sql`select t.id::text, t.total_stock, count(c.id)::int as issued from coupon_templates t
        left join user_coupons c on c.template_id = t.id
        where t.total_stock is not null group by t.id having count(c.id) > t.total_stock`,
  );
  return [
    ...twice.map((r) => `coupon ${r.user_coupon_id}: paid for ${r.orders} orders`),
    ...usedWithoutOrder.map((r) => `coupon ${r.id}: used, but no paid order carries it`),
    ...overIssued.map((r) => `template ${r.id}: issued ${r.issued} of a stock of ${r.total_stock}`),
  ];
}

/**
 * Every member who paid is either in a group that succeeded or has every fen back; nobody is charged
 * for a group that failed; no group seats more members than its size, and its counters match its seats.
 */
async function groupProblems(app: App): Promise<string[]> {
  const unrefunded = await app.database.rows<{ order_no: string; group_status: string; payable: number; refunded_amount: number; refunded_ok: number }>(
    app.db,
    sql`select o.order_no, g.status as group_status, o.payable, o.refunded_amount,
               coalesce((select sum(r.amount) from refunds r where r.order_id = o.id and r.status = 'succeeded'), 0)::int as refunded_ok
        from group_seats s join groups g on g.id = s.group_id join orders o on o.id = s.order_id
        where o.paid_at is not null and g.status <> 'succeeded'`,
  );
  // A failed group keeps its counters as they were when it failed; its seats turn refunded or released.
  const counters = await app.database.rows<{ id: string; size: number; seats_paid: number; paid: number; seats_taken: number; taken: number }>(
    app.db,
    sql`select g.id::text, g.size, g.seats_paid, g.seats_taken,
               count(s.id) filter (where s.status in ('paid', 'refunded'))::int as paid,
               count(s.id) filter (where s.status in ('reserved', 'paid'))::int as taken
        from groups g left join group_seats s on s.group_id = g.id
        where g.status in ('pending', 'open', 'succeeded')
        group by g.id`,
  );
  return [
    ...unrefunded
      .filter((o) => o.refunded_ok !== o.payable)
      .map((o) => `${o.order_no}: paid into a ${o.group_status} group, ${o.refunded_ok} of ${o.payable} back`),
    ...counters.flatMap((g) => [
      ...(g.paid > g.size ? [`group ${g.id}: ${g.paid} paid members in a group of ${g.size}`] : []),
      ...(g.seats_paid !== g.paid || g.seats_taken !== g.taken ? [`group ${g.id}: counters ${g.seats_taken}/${g.seats_paid}, seats ${g.taken}/${g.paid}`] : []),
    ]),
  ];
}

/**
 * What a promoter's four balances must be, from the commissions and withdrawals themselves: pending
 * is what is earned and not yet settled; available + in flight + withdrawn is what settled; in
 * flight and withdrawn are the withdrawals under way and paid. And an order refunded in full keeps no
 * commission at all.
 */
async function commissionProblems(app: App): Promise<string[]> {
  const balances = await app.database.rows<{ user_id: string; pending: number; available: number; in_flight: number; withdrawn: number; earned_pending: number; earned_settled: number; withdrawing: number; paid: number }>(
    app.db,
    sql`with balances as (
          select user_id,
                 sum(balance) filter (where kind = 'commission_pending')::int as pending,
                 sum(balance) filter (where kind = 'commission_available')::int as available,
                 sum(balance) filter (where kind = 'withdrawal_in_flight')::int as in_flight,
                 sum(balance) filter (where kind = 'withdrawn')::int as withdrawn
          from ledger_accounts where user_id is not null group by user_id)
        select b.user_id::text, coalesce(b.pending, 0) as pending, coalesce(b.available, 0) as available,
               coalesce(b.in_flight, 0) as in_flight, coalesce(b.withdrawn, 0) as withdrawn,
               coalesce((select sum(amount - reversed_amount) from commissions c where c.beneficiary_id = b.user_id and c.status = 'pending'), 0)::int as earned_pending,
               coalesce((select sum(amount - reversed_amount) from commissions c where c.beneficiary_id = b.user_id and c.status = 'settled'), 0)::int as earned_settled,
               coalesce((select sum(amount) from withdrawals w where w.user_id = b.user_id and w.status in ('requested', 'approved', 'paying')), 0)::int as withdrawing,
               coalesce((select sum(amount) from withdrawals w where w.user_id = b.user_id and w.status = 'paid'), 0)::int as paid
        from balances b`,
  );
  const keptOnRefunded = await app.database.rows<{ order_no: string; kept: number }>(
    app.db,
    sql`select o.order_no, sum(c.amount - c.reversed_amount)::int as kept
        from commissions c join orders o on o.id = c.order_id
        where o.refunded_amount = o.payable group by o.order_no having sum(c.amount - c.reversed_amount) > 0`,
  );
  return [
    ...balances.flatMap((b) => {
      const who = `promoter ${b.user_id}`;
      return [
        ...(b.pending !== b.earned_pending ? [`${who}: pending ${b.pending} but unsettled commissions ${b.earned_pending}`] : []),
        ...(b.available + b.in_flight + b.withdrawn !== b.earned_settled ? [`${who}: ${b.available} + ${b.in_flight} + ${b.withdrawn} held but ${b.earned_settled} settled`] : []),
        ...(b.in_flight !== b.withdrawing ? [`${who}: ${b.in_flight} in flight but withdrawals under way ${b.withdrawing}`] : []),
        ...(b.withdrawn !== b.paid ? [`${who}: ${b.withdrawn} withdrawn but withdrawals paid ${b.paid}`] : []),
      ];
    }),
    ...keptOnRefunded.map((o) => `${o.order_no}: refunded in full but keeps ${o.kept} of commission`),
  ];
}

/**
 * A payment is applied whole or not at all: an order carries paid_at exactly when its payment
 * succeeded for its payable, with one 'pay' event; a payment that succeeded for an order closed
 * meanwhile is refunded in full instead; a coupon is locked only by an order still awaiting payment.
 */
async function paymentProblems(app: App): Promise<string[]> {
  const rows = await app.database.rows<{ order_no: string; status: string; payable: number; paid: boolean; payment: string | null; amount: number | null; pay_events: number; refunds: number }>(
    app.db,
    sql`select o.order_no, o.status, o.payable, o.paid_at is not null as paid, p.status as payment, p.amount,
               (select count(*) from order_events e where e.order_id = o.id and e.action = 'pay')::int as pay_events,
               coalesce((select sum(r.amount) from refunds r where r.order_id = o.id and r.status in ('pending', 'processing', 'succeeded')), 0)::int as refunds
        from orders o left join payments p on p.order_id = o.id`,
  );
  const lockedElsewhere = await app.database.rows<{ id: string; status: string }>(
    app.db,
    sql`select c.id::text, o.status from user_coupons c join orders o on o.id = c.order_id
        where c.status = 'locked' and o.status <> 'pending_payment'`,
  );
  return [
    ...rows.flatMap((o) => {
      if (o.paid) {
        return o.payment !== 'succeeded' || o.amount !== o.payable || o.pay_events !== 1
          ? [`${o.order_no}: paid, but its payment is ${o.payment ?? 'missing'} for ${o.amount ?? 0} of ${o.payable} with ${o.pay_events} pay events`]
          : [];
      }
      if (o.pay_events !== 0) return [`${o.order_no}: not paid, but has ${o.pay_events} pay events`];
      if (o.payment === 'succeeded' && (o.status !== 'cancelled' || o.refunds !== o.amount)) {
        return [`${o.order_no}: ${o.status} and unpaid, but its payment of ${o.amount} succeeded and ${o.refunds} is going back`];
      }
      return [];
    }),
    ...lockedElsewhere.map((c) => `coupon ${c.id}: locked by an order that is ${c.status}`),
  ];
}

export async function shopProblems(app: App, initialStock: Record<string, number>): Promise<string[]> {
  const found = await Promise.all([
    stockProblems(app, initialStock),
    couponProblems(app),
    groupProblems(app),
    moneyProblems(app),
    paymentProblems(app),
    statusHistoryProblems(app),
    commissionProblems(app),
    ledgerProblems(app),
  ]);
  return found.flat();
}
