import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/tables';
import { users } from '../users/tables';

export const cartLines = pgTable(
  'cart_lines',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    quantity: integer().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skuId] }), check('cart_lines_quantity_positive', sql`${t.quantity} between 1 and 99`)],
);
