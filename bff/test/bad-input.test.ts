import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app';
import { address, createProduct, createShopper, idempotencyKey } from './fixtures';
import { buildTestApp } from './helper';

let app: App;
let shopper: Awaited<ReturnType<typeof createShopper>>;
let skuId: string;

beforeAll(async () => {
  app = await buildTestApp();
  shopper = await createShopper(app);
  skuId = (await createProduct(app, { stock: 10 })).skuIds[0]!;
});
afterAll(async () => {
  await app.close();
});

/** Everything a bad request could have written to. */
async function footprint() {
  const [row] = await app.database.rows<Record<string, number>>(
    app.db,
    sql`select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
               (select coalesce(sum(stock), 0) from skus)::int as stock, (select count(*) from cart_lines)::int as cart`,
  );
  return row;
}

function order(payload: string | object, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...shopper.headers, 'idempotency-key': idempotencyKey(), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const valid = () => ({ lines: [{ skuId, quantity: 1 }], address });

describe('bad input is answered with the error shape and writes nothing', () => {
  const cases: Array<[string, () => Promise<{ statusCode: number; json: () => any }>, number, string]> = [
    ['malformed JSON', () => order('{"lines": [ {"skuId": '), 400, 'INVALID_JSON'],
    ['an empty body', () => order(''), 400, 'INVALID_JSON'],
    ['a quantity given as a string', () => order({ ...valid(), lines: [{ skuId, quantity: '2' }] }), 400, 'VALIDATION_FAILED'],
    ['a quantity of zero', () => order({ ...valid(), lines: [{ skuId, quantity: 0 }] }), 400, 'VALIDATION_FAILED'],
    ['a negative quantity', () => order({ ...valid(), lines: [{ skuId, quantity: -3 }] }), 400, 'VALIDATION_FAILED'],
    ['a huge quantity', () => order({ ...valid(), lines: [{ skuId, quantity: 1e12 }] }), 400, 'VALIDATION_FAILED'],
    ['a fractional quantity', () => order({ ...valid(), lines: [{ skuId, quantity: 1.5 }] }), 400, 'VALIDATION_FAILED'],
    ['an unknown top-level field', () => order({ ...valid(), payable: 1 }), 400, 'VALIDATION_FAILED'],
    ['an unknown field in a line', () => order({ ...valid(), lines: [{ skuId, quantity: 1, price: 1 }] }), 400, 'VALIDATION_FAILED'],
    ['a SKU id that is not a uuid', () => order({ ...valid(), lines: [{ skuId: "1' or '1'='1", quantity: 1 }] }), 400, 'VALIDATION_FAILED'],
    ['no lines', () => order({ ...valid(), lines: [] }), 400, 'VALIDATION_FAILED'],
    ['a missing address', () => order({ lines: [{ skuId, quantity: 1 }] }), 400, 'VALIDATION_FAILED'],
    ['a missing Idempotency-Key', () => app.inject({ method: 'POST', url: '/api/orders', headers: shopper.headers, payload: valid() }), 400, 'VALIDATION_FAILED'],
    ['an oversized body', () => order({ ...valid(), remark: 'x'.repeat(70_000) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['a body that is not JSON', () => order('quantity=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ];

  it.each(cases)('rejects %s', async (_name, send, status, code) => {
    const before = await footprint();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(await footprint()).toEqual(before);
  });

  it('names the offending field', async () => {
    const res = await order({ ...valid(), lines: [{ skuId, quantity: 0 }] });
    expect(res.json().error.details[0].path).toContain('/lines/0/quantity');
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('tokens that must not open anything', () => {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);
  const signWith = (secret: string, payload: object) => {
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
    return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
  };

  const cases: Array<[string, () => string, number, string]> = [
    ['no token', () => '', 401, 'UNAUTHORIZED'],
    ['garbage', () => 'Bearer not-a-jwt', 401, 'UNAUTHORIZED'],
    ['a token signed with another secret', () => `Bearer ${signWith('another-secret-another-secret-123456', { aud: 'linli:shopper', sub: shopper.userId, iat: now() })}`, 401, 'UNAUTHORIZED'],
    ['an alg:none token', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: 'linli:shopper', sub: shopper.userId, iat: now() })}.`, 401, 'UNAUTHORIZED'],
    ['an expired token', () => `Bearer ${app.jwt.sign({ aud: 'linli:shopper', sub: shopper.userId, iat: now() - 7200 } as Parameters<App['jwt']['sign']>[0], { expiresIn: 60 })}`, 401, 'TOKEN_EXPIRED'],
    ['a staff token', () => `Bearer ${app.signStaffToken(shopper.userId, 'owner')}`, 403, 'WRONG_AUDIENCE'],
    ['a tampered payload', () => {
      const [h, , s] = shopper.token.split('.');
      return `Bearer ${h}.${b64({ aud: 'linli:shopper', sub: '00000000-0000-4000-8000-000000000000', iat: now() })}.${s}`;
    }, 401, 'UNAUTHORIZED'],
  ];

  it.each(cases)('refuses %s on a shopper route and writes nothing', async (_name, authorization, status, code) => {
    const before = await footprint();
    const res = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...(authorization() ? { authorization: authorization() } : {}), 'idempotency-key': idempotencyKey() },
      payload: valid(),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a shopper token on a staff route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/console/orders', headers: shopper.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });
});
