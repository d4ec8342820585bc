import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ConsoleOrderExportQuery } from '@linli/shared/schemas/order';
import { shanghaiDayBounds } from '@linli/shared/shanghai-time';
import { AppError } from '../../plugins/errors';
import { containsPattern } from '../catalog/product-sql';
import { groupSeats } from '../group-buys/tables';
import { users } from '../users/tables';
import { orders } from './tables';

/** Digits with an optional leading '+', once the spaces and dashes people type are gone. */
const phoneShaped = /^\+?\d{5,20}$/;
const digitsOf = (column: SQL) => sql`regexp_replace(${column}, '[^0-9+]', '', 'g')`;

/**
 * What a merchant knows of a buyer when one calls: the phone (the account's bound number or the
 * one on the parcel, matched exactly), or the nickname they go by (any part of it).
 */
function buyerCondition(text: string): SQL {
  const phone = text.replace(/[\s-]/g, '');
  if (phoneShaped.test(phone)) {
    return or(
      inArray(orders.userId, sql`(select ${users.id} from ${users} where ${digitsOf(sql`${users.phone}`)} = ${phone})`),
      sql`${digitsOf(sql`${orders.address}->>'phone'`)} = ${phone}`,
    )!;
  }
  return inArray(orders.userId, sql`(select ${users.id} from ${users} where ${users.nickname} ilike ${containsPattern(text)})`);
}

/** The placed-day range as created_at bounds: `from` from its first instant, `to` up to the next day's. */
function placedCondition(from: string | undefined, to: string | undefined): SQL | undefined {
  if (from && to && from > to) throw new AppError(400, 'ORDER_DATE_RANGE_INVALID', '结束日期不能早于开始日期');
  return and(from ? gte(orders.createdAt, shanghaiDayBounds(from).start) : undefined, to ? lt(orders.createdAt, shanghaiDayBounds(to).end) : undefined);
}

/**
 * The WHERE of the console's order list and export. Each filter only narrows; none changes the
 * (created_at, id) order the keyset cursor walks, so a cursor stays valid with any combination.
 */
export function consoleOrderCondition(filters: ConsoleOrderExportQuery): SQL | undefined {
  const buyer = filters.buyer?.trim();
  return and(
    filters.status ? eq(orders.status, filters.status) : undefined,
    filters.orderNo ? eq(orders.orderNo, filters.orderNo.trim()) : undefined,
    filters.userId ? eq(orders.userId, filters.userId) : undefined,
    buyer ? buyerCondition(buyer) : undefined,
    filters.groupId ? inArray(orders.id, sql`(select ${groupSeats.orderId} from ${groupSeats} where ${groupSeats.groupId} = ${filters.groupId})`) : undefined,
    placedCondition(filters.from, filters.to),
  );
}
