import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';

/**
 * Every list pages newest first, `order by created_at desc, id desc` (db/cursor.ts). An index serves
 * that order only if its null ordering matches the query's: `DESC` means `DESC NULLS FIRST`, and an
 * index built `DESC NULLS LAST` (drizzle's default for `.desc()`) is never used for it, so every page
 * of a list sorted the whole table. With sorting switched off, a plan that still sorts has no index
 * to read the order from.
 */
const newestFirstPages: Array<[list: string, query: string]> = [
  ['console orders, all', `select id from orders order by created_at desc, id desc limit 21`],
  ['console orders after a cursor', `select id from orders where (created_at, id) < (now(), '00000000-0000-4000-8000-000000000000') order by created_at desc, id desc limit 21`],
  ['products on shelf', `select id from products where on_shelf = true order by created_at desc, id desc limit 21`],
  ['products of a category', `select id from products where category_id = '00000000-0000-4000-8000-000000000000' order by created_at desc, id desc limit 21`],
  ['the audit log', `select id from staff_actions order by created_at desc, id desc limit 21`],
  ['the audit log of one member', `select id from staff_actions where staff_id = '00000000-0000-4000-8000-000000000000' order by created_at desc, id desc limit 21`],
];

/** Lists whose index orders by created_at only: the planner reads that order and sorts only ties by id (an incremental sort). */
const newestFirstByPrefix: Array<[list: string, query: string]> = [
  ['a shopper’s orders', `select id from orders where user_id = '00000000-0000-4000-8000-000000000000' order by created_at desc, id desc limit 21`],
  ['orders by status', `select id from orders where status = 'to_ship' order by created_at desc, id desc limit 21`],
  ['withdrawals by status', `select id from withdrawals where status = 'requested' order by created_at desc, id desc limit 21`],
  ['a promoter’s commissions', `select id from commissions where beneficiary_id = '00000000-0000-4000-8000-000000000000' order by created_at desc, id desc limit 21`],
];

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
  await app.database.rows(app.db, sql`set enable_sort = off`);
});
afterAll(async () => {
  await app.close();
});

async function plan(query: string): Promise<string> {
  const rows = await app.database.rows<{ 'QUERY PLAN': string }>(app.db, sql.raw(`explain ${query}`));
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('newest-first lists read their order from an index', () => {
  it.each([...newestFirstPages, ...newestFirstByPrefix])('%s', async (_list, query) => {
    const shown = await plan(query);
    expect(shown).not.toMatch(/(^|->\s+)Sort\b/m);
    expect(shown).toMatch(/Index (Only )?Scan/);
  });
});
