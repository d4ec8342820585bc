import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3 generated from the route schemas: JSON at /openapi.json, a browsable UI at /docs. */
async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Linli BFF',
        version: '0.1.0',
        description: '邻里 social-commerce storefront API. Money is integer fen (分). Errors: `{ "error": { "code", "message" } }`.',
      },
      components: {
        securitySchemes: {
          shopper: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'shopper access token (aud linli:shopper)' },
          staff: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'staff access token (aud linli:staff)' },
        },
      },
      tags: [
        { name: 'auth', description: '登录与令牌' },
        { name: 'catalog', description: '商品与类目' },
        { name: 'cart', description: '购物车与报价' },
        { name: 'coupons', description: '优惠券' },
        { name: 'group-buys', description: '拼团' },
        { name: 'sharing', description: '分享与邀请' },
        { name: 'promoters', description: '推广员与佣金' },
        { name: 'withdrawals', description: '佣金提现' },
        { name: 'orders', description: '订单与售后' },
        { name: 'payments', description: '支付与通知' },
        { name: 'analytics', description: '埋点与数据看板' },
        { name: 'console', description: '商家后台' },
        { name: 'ops', description: '健康检查' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
