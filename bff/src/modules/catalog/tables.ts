// Timestamps keep millisecond precision so keyset cursors (which travel as JS Dates) compare exactly.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const categories = pgTable('categories', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  sort: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export interface SpecDefinition {
  name: string;
  values: string[];
}

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    title: text().notNull(),
    subtitle: text().notNull().default(''),
    detail: text().notNull().default(''),
    /** image URLs as served by the image storage, first is the cover */
    images: jsonb().$type<string[]>().notNull().default([]),
    specs: jsonb().$type<SpecDefinition[]>().notNull().default([]),
    onShelf: boolean().notNull().default(false),
    /** counted from paid orders only, never set by hand */
    salesCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('products_shelf_list_idx').on(t.onShelf, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index().on(t.categoryId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

export const skus = pgTable(
  'skus',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    code: text().notNull().unique(),
    specs: jsonb().$type<Record<string, string>>().notNull().default({}),
    price: integer().notNull(),
    listPrice: integer().notNull(),
    stock: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.productId),
    // The last line of defence against overselling: no code path can drive stock below zero.
    check('skus_stock_non_negative', sql`${t.stock} >= 0`),
    check('skus_price_positive', sql`${t.price} > 0 and ${t.listPrice} >= ${t.price}`),
  ],
);
