import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { paidOrder } from '../commissions/commission-fixtures';
import { createTemplate } from '../coupons/coupon-fixtures';
import { createProduct, createShopper, createStaffMember, giveCoupon } from '../fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import { buildTestApp } from '../helper';
import { placeOrder } from '../payments/shopping-steps';
import { categories, hostileRequests, type Category, type HostileRequest } from './hostile-requests';
import { operationsOf, type OpenApiDocument, type Operation } from './operations';
import { answerProblems } from './response-problems';
import { watchWrites, type WriteWatch } from './write-fingerprint';

/**
 * Every operation of the OpenAPI document, sent requests spoiled in one way each — wrong types,
 * boundaries, huge and strange strings, injections, missing and extra fields, wrong content types,
 * broken JSON and multipart, odd paths and query strings — signed in as the route's audience (the
 * first case of each kind also anonymously). Each answer is below 500, in the one error shape when
 * it is a 4xx, leaks nothing of the server, and a 4xx wrote nothing.
 */

/**
 * Cases per operation and category (the suite's wall time scales with it) and the seed they are drawn
 * with. Fixed by default, so a failure reruns identically; set either to explore further.
 */
const casesPerCategory = Number(process.env.HOSTILE_INPUT_CASES ?? 2);
const seed = process.env.HOSTILE_INPUT_SEED ?? 'linli';
/** Below the default 64 KB so that "the limit + 1" costs less to send; the limit works the same. */
const bodyLimit = 16 * 1024;

let app: App;
let mediaDir: string;
let operations: Operation[];
let ids: string[];
let tokens: Record<'shopper' | 'staff', Record<string, string>>;
let watch: WriteWatch;

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(tmpdir(), 'linli-hostile-media-'));
  app = await buildTestApp({ MEDIA_DIR: mediaDir, BODY_LIMIT_BYTES: String(bodyLimit), EVENT_BATCHES_PER_MINUTE: '100000' });
  operations = operationsOf((await app.inject({ url: '/openapi.json' })).json<OpenApiDocument>());
  const owner = await createStaffMember(app, 'owner');
  const shopper = await createShopper(app, 'fuzzed');
  await openShop(shopper);
  tokens = { shopper: shopper.headers, staff: owner.headers };
  // Any row's id may stand in for a path or body id, except the owner's own: a valid PATCH of it could
  // lock the fuzzer out of the console half way.
  ids = await existingIds([owner.staffId]);
  watch = await watchWrites(app);
});
afterAll(async () => {
  await app.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Something of everything for handlers to find: products, a campaign, coupons, orders paid and not. */
async function openShop(shopper: Awaited<ReturnType<typeof createShopper>>) {
  const { skuIds } = await createProduct(app, { stock: 50 });
  await createCampaign(app, { groupSize: 2, stock: 10 });
  await createTemplate(app, { totalStock: 100 });
  await giveCoupon(app, shopper.userId);
  await paidOrder(app, shopper, skuIds[0]!);
  await placeOrder(app, shopper, skuIds[0]!);
  await createStaffMember(app, 'service');
}

async function existingIds(except: string[]): Promise<string[]> {
  const tables = await app.database.rows<{ name: string }>(
    app.db,
    sql`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`,
  );
  const rows = await app.database.rows<{ id: string }>(
    app.db,
    sql.join(tables.map((t) => sql`(select id::text as id from ${sql.identifier(t.name)} limit 3)`), sql` union all `),
  );
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}

/** Same operation and category, same cases, whatever else changes in the document. */
const seedOf = (operation: string, category: Category) => createHash('sha256').update(`${seed} ${operation} ${category}`).digest().readInt32BE(0);

/** The text a request carried, which an answer may quote back without leaking anything. */
function sentTexts(request: HostileRequest): string[] {
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const strings = (value: unknown, depth = 0): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null && depth < 20 ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v, depth + 1)]) : [];
  let json: unknown;
  try {
    json = typeof request.payload === 'string' ? JSON.parse(request.payload) : undefined;
  } catch {
    json = undefined;
  }
  const [pathPart = '', query = ''] = request.url.split('?');
  return [
    request.url,
    decoded(request.url),
    decoded(pathPart),
    ...pathPart.split('/').map(decoded),
    ...query.split('&').flatMap((pair) => pair.split('=').map(decoded)),
    ...Object.values(request.headers),
    ...(typeof request.payload === 'string' ? [request.payload] : []),
    ...strings(json),
  ].sort((a, b) => b.length - a.length);
}

const histogram = (counts: Map<number, number>) =>
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');

describe('the write watch the fuzzer relies on', () => {
  it('sees a row written behind its back, and not an audit entry alone', async () => {
    await app.database.rows(app.db, sql`insert into categories (name) values ('written by the test')`);
    expect(await watch.changed()).toEqual(['categories']);
    await app.inject({ method: 'POST', url: '/api/console/categories', headers: tokens.staff, payload: { name: 1 } });
    expect(await watch.changed()).toEqual([]);
  });
});

describe('answers the fuzzer once found wrong', () => {
  it('answers a path that is not valid percent-encoding with the error shape and a request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/orders/%E0%A4%A', headers: tokens.shopper });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'BAD_URL', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
  });

  it.each([
    ['/api/console/images', 'ends inside the file', 'multipart/form-data; boundary=XyZ'],
    ['/api/me/avatar', 'ends inside the file', 'multipart/form-data; boundary=XyZ'],
    ['/api/console/images', 'has no boundary', 'multipart/form-data'],
    ['/api/me/avatar', 'has no boundary', 'multipart/form-data; charset=utf-8'],
  ])('answers an upload to %s whose form %s with 400', async (url, _what, contentType) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { ...(url.startsWith('/api/console') ? tokens.staff : tokens.shopper), 'content-type': contentType },
      payload: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_UPLOAD');
  });

  it('answers an upload with a field named __proto__ with 400 and a code of its own', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/avatar',
      headers: { ...tokens.shopper, 'content-type': 'multipart/form-data; boundary=XyZ' },
      payload: '--XyZ\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--XyZ--\r\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_UPLOAD');
  });

  it('answers an upload with many fields with 413 and a code of its own', async () => {
    const boundary = 'XyZ';
    const fields = Array.from({ length: 20 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('');
    const res = await app.inject({
      method: 'POST',
      url: '/api/console/images',
      headers: { ...tokens.staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${fields}--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('TOO_MANY_PARTS');
  });

  it.each([
    ['a sign-in name', { method: 'POST', url: '/api/console/auth/login', payload: { username: 'owner\u0000', password: 'password-1' } }, '/username'],
    ['a search', { method: 'GET', url: '/api/products?q=%00' }, 'querystring/q'],
  ] as const)('refuses a NUL in %s with 400 instead of failing in PostgreSQL', async (_what, request, path) => {
    const res = await app.inject(request);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: expect.stringContaining(path) }] });
  });

  it('keeps the failed sign-in of a name with a NUL in the audit log', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: 'owner\u0000', password: 'password-1' } });
    await app.staffActionsSettled();
    const entries = await app.database.rows<{ username: string }>(app.db, sql`select username from staff_actions where request_id = ${res.headers['x-request-id']}`);
    expect(entries).toEqual([{ username: 'owner\ufffd' }]);
  });
});

describe('hostile input on every route of the OpenAPI document', () => {
  it('never answers 5xx, answers every 4xx in the error shape, leaks nothing and writes nothing on a 4xx', async () => {
    const started = Date.now();
    const problems: string[] = [];
    const covered = new Set<string>();
    const byCategory = new Map<Category, number>();
    const statuses = new Map<number, number>();
    const validStatuses = new Map<number, number>();
    let requests = 0;

    for (const operation of operations) {
      for (const category of categories) {
        const arbitrary = hostileRequests(operation, category, { ids, bodyLimit });
        if (!arbitrary) continue;
        const sampled = fc.sample(arbitrary, { seed: seedOf(operation.name, category), numRuns: casesPerCategory });
        for (const [index, request] of sampled.entries()) {
          byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
          // Anonymous requests mostly stop at sign-in: one per route and kind shows they do, cleanly.
          for (const signedIn of index === 0 ? [true, false] : [true]) {
            const auth = signedIn ? tokens[operation.audience === 'staff' ? 'staff' : 'shopper'] : {};
            const label = `${operation.name} [${category}: ${request.what}]${signedIn ? '' : ' anonymous'}`;
            const answer = await app.inject({ method: request.method as 'GET', url: request.url, headers: { ...request.headers, ...auth }, payload: request.payload });
            requests += 1;
            covered.add(operation.name);
            statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
            if (category === 'valid') validStatuses.set(answer.statusCode, (validStatuses.get(answer.statusCode) ?? 0) + 1);
            const found = answerProblems(answer, () => sentTexts(request));
            if (answer.statusCode >= 400) {
              const written = await watch.changed();
              if (written.length > 0) found.push(`wrote ${written.join(', ')} on a ${answer.statusCode}`);
            } else {
              await watch.reset();
            }
            problems.push(...found.map((problem) => `${label}: ${problem}`));
          }
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `hostile input (seed ${seed}): ${covered.size}/${operations.length} operations of the OpenAPI document covered`,
        `${[...byCategory.values()].reduce((a, b) => a + b, 0)} cases, ${requests} requests (each case signed in, the first of each category also anonymous) in ${seconds} s`,
        `cases by category: ${[...byCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`,
        `statuses seen: ${histogram(statuses)}`,
        `statuses of the requests the schema accepts: ${histogram(validStatuses)}`,
        `problems: ${problems.length}`,
      ].join('\n'),
    );
    expect(covered.size).toBe(operations.length);
    expect(problems.slice(0, 40)).toEqual([]);
  }, 240_000);
});
