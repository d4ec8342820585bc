import { eq, inArray } from 'drizzle-orm';
import type { ConsoleLedgerPage, LedgerPage } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { orders } from '../orders/tables';
import { commissions } from './tables';

/** Names the order behind each commission entry of a ledger page, so staff can open it. */
export async function withOrders(db: Executor, page: LedgerPage): Promise<ConsoleLedgerPage> {
  const commissionIds = [...new Set(page.items.flatMap((e) => (e.commissionId ? [e.commissionId] : [])))];
  const rows = commissionIds.length
    ? await db
        .select({ commissionId: commissions.id, orderId: orders.id, orderNo: orders.orderNo })
        .from(commissions)
        .innerJoin(orders, eq(orders.id, commissions.orderId))
        .where(inArray(commissions.id, commissionIds))
    : [];
  const byCommission = new Map(rows.map((r) => [r.commissionId, r]));
  return {
    items: page.items.map((entry) => {
      const order = entry.commissionId ? byCommission.get(entry.commissionId) : undefined;
      return { ...entry, orderId: order?.orderId ?? null, orderNo: order?.orderNo ?? null };
    }),
    nextCursor: page.nextCursor,
  };
}
