import Fastify from 'fastify';

/**
 * The ceiling: bare Fastify routes answering the very JSON the BFF returned for product detail and
 * the product list, from memory, run as their own process exactly like the BFF — so "detail / bare"
 * and "list / bare" measure what the BFF's own work costs and nothing else.
 */
const detail = JSON.parse(process.env.BARE_DETAIL ?? '{}') as unknown;
const list = JSON.parse(process.env.BARE_LIST ?? '{}') as unknown;
const app = Fastify({ logger: false });
app.get('/bare/detail', async () => detail);
app.get('/bare/list', async () => list);
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) }).then((address) => {
  process.stdout.write(`listening ${address}\n`);
});
