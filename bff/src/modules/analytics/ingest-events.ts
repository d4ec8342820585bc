import type { ClientEvent, EventBatch } from '@linli/shared/schemas/analytics';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { analyticsEvents } from './tables';

type EventColumns = Pick<typeof analyticsEvents.$inferInsert, 'productId' | 'shareId' | 'amount' | 'props'>;

const maxAgeMs = 24 * 60 * 60 * 1000;
const maxSkewMs = 5 * 60 * 1000;

/**
 * Stores a batch from the mini-program in one multi-row INSERT, or nothing: the shape was already
 * checked by the route schema, and an event outside [now − 24 h, now + 5 min] refuses the whole
 * batch (a device clock that far off would put its events on the wrong day).
 */
export async function ingestEvents(app: App, batch: EventBatch, userId: string | null): Promise<number> {
  const now = app.clock().getTime();
  const late = batch.events.flatMap((e, i) => {
    const at = Date.parse(e.occurredAt);
    return at < now - maxAgeMs || at > now + maxSkewMs ? [{ path: `/body/events/${i}/occurredAt`, message: 'must be within the last 24 hours' }] : [];
  });
  if (late.length > 0) throw new AppError(400, 'EVENT_TIME_OUT_OF_RANGE', '事件时间须在 24 小时之内', late);

  await app.db.insert(analyticsEvents).values(batch.events.map((e) => ({ ...fields(e), name: e.name, source: 'client' as const, userId, visitorId: batch.visitorId, occurredAt: new Date(e.occurredAt) })));
  return batch.events.length;
}

function fields(e: ClientEvent): EventColumns {
  switch (e.name) {
    case 'page_view':
      return { props: { page: e.page } };
    case 'product_view':
      return { productId: e.productId };
    case 'share':
    case 'share_open':
      return { shareId: e.shareId };
    case 'add_to_cart':
      return { props: { skuId: e.skuId, quantity: e.quantity } };
    case 'checkout':
      return { amount: e.amount, props: { itemCount: e.itemCount } };
  }
}
