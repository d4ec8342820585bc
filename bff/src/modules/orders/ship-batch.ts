import type { FastifyBaseLogger } from 'fastify';
import type { ShipBatchBody, ShipBatchResult } from '@linli/shared/schemas/order';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { shipOrder } from './fulfilment';
import type { Actor } from './move-order';

/**
 * Ships each line as if it were shipped alone, each in its own transaction: a merchant who pastes a
 * hundred tracking numbers expects the ninety-nine good ones to ship when one is wrong. An order
 * named twice is refused before anything is written, since which of its two numbers is meant
 * cannot be guessed.
 */
export async function shipBatch(app: App, input: { actor: Actor; body: ShipBatchBody; log: FastifyBaseLogger }): Promise<ShipBatchResult[]> {
  const seen = new Set<string>();
  const repeated = input.body.shipments.flatMap((s, index) => {
    const again = seen.has(s.orderId);
    seen.add(s.orderId);
    return again ? [{ path: `body/shipments/${index}/orderId`, message: '同一订单在本批中出现了两次' }] : [];
  });
  if (repeated.length > 0) throw new AppError(400, 'DUPLICATE_ORDER_IN_BATCH', '同一批发货中订单不能重复', repeated);

  const results: ShipBatchResult[] = [];
  for (const { orderId, carrier, trackingNo } of input.body.shipments) {
    try {
      await shipOrder(app, { orderId, actor: input.actor, body: { carrier, trackingNo } });
      results.push({ orderId, outcome: 'shipped' });
    } catch (err) {
      if (err instanceof AppError) {
        results.push({ orderId, outcome: 'failed', error: { code: err.code, message: err.message } });
      } else {
        // The lines before this one are shipped: answering 500 would hide that from the merchant.
        input.log.error({ err, orderId }, 'a line of a batch shipment failed');
        results.push({ orderId, outcome: 'failed', error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试该订单' } });
      }
    }
  }
  return results;
}
