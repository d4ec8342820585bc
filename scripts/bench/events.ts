import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const eventsPerBatch = 20;

/**
 * Event ingestion from many anonymous visitors: batches of 20 mixed events, 50 connections. The
 * BFF under test must run with a rate limit above what this sends (EVENT_BATCHES_PER_MINUTE).
 */
export async function benchEventIngestion(base: string, seconds: number) {
  const productId = randomUUID();
  const at = new Date().toISOString();
  const batch = (visitorId: string) =>
    JSON.stringify({
      visitorId,
      events: Array.from({ length: eventsPerBatch }, (_, i) =>
        i % 4 === 0
          ? { name: 'page_view', occurredAt: at, page: 'pages/index/index' }
          : i % 4 === 1
            ? { name: 'product_view', occurredAt: at, productId }
            : i % 4 === 2
              ? { name: 'add_to_cart', occurredAt: at, skuId: productId, quantity: 1 }
              : { name: 'checkout', occurredAt: at, amount: 5990, itemCount: 2 },
      ),
    });
  let next = 0;
  const result = await autocannon({
    url: `${base}/api/events`,
    connections: 50,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: batch(`bench-visitor-${next++ % 1000}`) }),
      },
    ],
  });
  return {
    batchesPerSecond: result['2xx'] / (result.duration || 1),
    eventsPerSecond: (result['2xx'] * eventsPerBatch) / (result.duration || 1),
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
