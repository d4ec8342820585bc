import Fastify from 'fastify';

/**
 * The ceiling: a bare Fastify route answering a fixed JSON body from memory, run as its own process
 * exactly like the BFF, so "detail / bare" measures what the BFF's work costs and nothing else.
 */
const body = JSON.parse(process.env.BARE_BODY ?? '{}') as unknown;
const app = Fastify({ logger: false });
app.get('/bare', async () => body);
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) }).then((address) => {
  process.stdout.write(`listening ${address}\n`);
});
