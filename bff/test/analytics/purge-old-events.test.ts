import { asc } from 'drizzle-orm';
import type { App } from '../../src/app';
import { purgeOldEvents } from '../../src/modules/analytics/purge-old-events';
import { recordEvent } from '../../src/modules/analytics/record-event';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { buildTestApp } from '../helper';

const now = new Date('2025-06-30T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

let app: App;
beforeAll(async () => {
  app = await buildTestApp({ EVENT_RETENTION_DAYS: '30' }, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

describe('purgeOldEvents', () => {
  it('deletes mini-program events older than EVENT_RETENTION_DAYS, in batches, and keeps the BFF’s own events', async () => {
    const clientEvent = (occurredAt: Date, page: string) => ({ name: 'page_view' as const, source: 'client' as const, visitorId: 'visitor-0001', props: { page }, occurredAt });
    await app.db.insert(analyticsEvents).values([
      clientEvent(daysAgo(31), 'old-1'),
      clientEvent(daysAgo(40), 'old-2'),
      clientEvent(daysAgo(400), 'old-3'),
      clientEvent(daysAgo(29), 'recent'),
    ]);
    await recordEvent(app.db, { name: 'order_paid', at: daysAgo(400), amount: 1990 });

    expect(await purgeOldEvents(app, 2)).toBe(3);

    const left = await app.db.select().from(analyticsEvents).orderBy(asc(analyticsEvents.id));
    expect(left.map((e) => [e.source, e.name, e.props])).toEqual([
      ['client', 'page_view', { page: 'recent' }],
      ['server', 'order_paid', {}],
    ]);
    expect(await purgeOldEvents(app, 2)).toBe(0);
  });
});
