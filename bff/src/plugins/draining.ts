import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/**
 * Once the app starts closing, every response tells its client to close the connection. Node's
 * server.close() waits for every open socket, and a keep-alive socket (a load balancer's, a
 * browser's) that just received an in-flight response would otherwise stay open until it times
 * out, turning a graceful stop into a forced one.
 */
function drainingPlugin(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.log.info('draining: in-flight responses close their connections');
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

export default fp(drainingPlugin, { name: 'draining' });
