import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { failExpiredGroups } from '../../src/modules/group-buys/group-expiry';
import { groupSeats, groups } from '../../src/modules/group-buys/tables';
import { orderEvents, orders } from '../../src/modules/orders/tables';
import { refunds } from '../../src/modules/payments/tables';
import { createShopper } from '../fixtures';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { createCampaign, notifyFor, pay, placeGroupOrder } from './seat-fixtures';

describeOnPostgres('group buy under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;
  let now = new Date();

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase({}, { clock: () => now }));
  });
  afterAll(async () => {
    await close?.();
  });

  async function openGroup(groupSize: number, timeLimitMinutes = 60) {
    const campaign = await createCampaign(app, { groupSize, timeLimitMinutes, now });
    const leader = await createShopper(app, 'leader');
    const placed = (await placeGroupOrder(app, leader.headers, campaign)).json();
    await pay(app, leader.headers, placed.id);
    return { ...campaign, groupId: placed.groupId as string };
  }

  it('gives the last 3 seats to exactly 3 of 30 racing buyers, and succeeds the group once', async () => {
    const g = await openGroup(4);
    const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => createShopper(app, `racer${i}`)));
    const results = await Promise.all(buyers.map((b) => placeGroupOrder(app, b.headers, { ...g, groupId: g.groupId })));
    const joined = results.map((r, i) => ({ r, b: buyers[i]! })).filter(({ r }) => r.statusCode === 201);
    expect(joined).toHaveLength(3);
    const refused = results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code);
    expect(new Set(refused)).toEqual(new Set(['GROUP_FULL']));
    expect((await app.db.select().from(groups).where(eq(groups.id, g.groupId)))[0]).toMatchObject({ seatsTaken: 4 });

    await Promise.all(joined.map(({ r, b }) => pay(app, b.headers, r.json().id)));
    const [final] = await app.db.select().from(groups).where(eq(groups.id, g.groupId));
    expect(final).toMatchObject({ status: 'succeeded', seatsPaid: 4 });
    const seats = await app.db.select().from(groupSeats).where(eq(groupSeats.groupId, g.groupId));
    const released = await app.database.rows<{ order_id: string; n: number }>(
      app.db,
      sql`select e.order_id, count(*)::int as n from order_events e
          where e.action = 'releaseToShip' and e.order_id in (${sql.join(seats.map((s) => sql`${s.orderId}::uuid`), sql`, `)})
          group by e.order_id`,
    );
    expect(released).toHaveLength(4);
    expect(released.every((r) => r.n === 1)).toBe(true);
  });

  it('never leaves a paid member of a failed group unrefunded, nor charges one of a group that failed', async () => {
    for (let round = 0; round < 6; round++) {
      const g = await openGroup(2, 30);
      const friend = await createShopper(app, `edge${round}`);
      const placed = (await placeGroupOrder(app, friend.headers, { ...g, groupId: g.groupId })).json();
      const notice = await notifyFor(app, friend.headers, placed.id, placed.orderNo);
      now = new Date(now.getTime() + 31 * 60_000);
      // The group's time runs out just as the last member's payment notify arrives.
      const [, delivered] = await Promise.all([
        failExpiredGroups(app),
        app.inject({ method: 'POST', url: '/api/payments/notify', headers: { ...notice.headers, 'content-type': 'application/json' }, payload: notice.body }),
      ]);
      expect(delivered.statusCode).toBe(204);
      const [group] = await app.db.select().from(groups).where(eq(groups.id, g.groupId));
      const members = await app.db.select().from(groupSeats).where(eq(groupSeats.groupId, g.groupId));
      for (const seat of members) {
        const [order] = await app.db.select().from(orders).where(eq(orders.id, seat.orderId));
        const recorded = await app.db.select().from(refunds).where(eq(refunds.orderId, seat.orderId));
        if (group!.status === 'succeeded') {
          expect({ status: order!.status, refunds: recorded.length }).toEqual({ status: 'to_ship', refunds: 0 });
        } else {
          expect(group!.status).toBe('failed');
          // Anyone who paid has the full amount recorded for refund; nobody is left charged.
          if (order!.paidAt) expect(recorded.reduce((sum, r) => sum + r.amount, 0)).toBe(order!.payable);
          expect(order!.status).not.toBe('to_ship');
        }
      }
      const success = await app.db.select().from(orderEvents).where(and(eq(orderEvents.action, 'releaseToShip'), eq(orderEvents.orderId, placed.id)));
      expect(success.length).toBeLessThanOrEqual(1);
    }
  });
});
