import Fastify from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import errors from '../../src/plugins/errors';

/**
 * How the one error handler answers what no route handled itself. A lost connection, however drizzle
 * wraps it, is 503 SERVICE_UNAVAILABLE with Retry-After (clients retry); any other failed query stays a
 * 500 that hides its detail (test/faults produces these for real). A library's 4xx keeps its status
 * but not its code.
 */
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new DrizzleQueryError('insert into orders (address) values ($1)', ['深圳市南山区科技园 1 号'], cause);

async function answerTo(err: Error) {
  const app = Fastify({ logger: false });
  await app.register(errors);
  app.get('/fails', async () => {
    throw err;
  });
  const res = await app.inject({ url: '/fails' });
  await app.close();
  return res;
}

describe('a query that failed', () => {
  it.each([
    ['a closed connection, wrapped by drizzle', wrapped(driverError('CONNECTION_CLOSED', 'write CONNECTION_CLOSED 127.0.0.1:5432'))],
    ['a refused connection, unwrapped', driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a terminated backend (57P01), wrapped', wrapped(driverError('57P01', 'terminating connection due to administrator command'))],
    ['a server starting up (57P03), wrapped', wrapped(driverError('57P03', 'the database system is starting up'))],
  ])('answers 503 SERVICE_UNAVAILABLE with Retry-After for %s', async (_what, err) => {
    const res = await answerTo(err);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } });
    expect(res.body).not.toContain('127.0.0.1');
  });

  it('answers 500 INTERNAL for a query that failed for any other reason, naming neither query nor cause', async () => {
    const res = await answerTo(wrapped(driverError('23505', 'duplicate key value violates unique constraint "orders_pkey"')));
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(res.body).not.toMatch(/orders|科技园|duplicate/);
  });
});

describe("a library's own client error", () => {
  it('keeps its status and message but answers BAD_REQUEST, not the library\'s code', async () => {
    const res = await answerTo(Object.assign(new Error('Unexpected end of form'), { code: 'FST_SOME_PLUGIN_ERROR', statusCode: 400 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Unexpected end of form' } });
  });

  it('keeps a code that is ours', async () => {
    const res = await answerTo(Object.assign(new Error('库存不足'), { code: 'OUT_OF_STOCK', statusCode: 409 }));
    expect(res.json()).toEqual({ error: { code: 'OUT_OF_STOCK', message: '库存不足' } });
  });
});
