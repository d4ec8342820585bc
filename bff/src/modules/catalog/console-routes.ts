import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import consoleCategoryRoutes from './console-category-routes';
import consoleImageRoutes, { maxImageBytes } from './console-image-routes';
import consoleProductRoutes from './console-product-routes';
import consoleSkuRoutes from './console-sku-routes';
import { catalogReadCache } from './read-cache';

/** The merchant console's catalog: categories, products, SKUs, stock and images. */
const catalogConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // One image per request; a few small text fields (some clients add them) are tolerated and ignored.
  await app.register(multipart, { limits: { fileSize: maxImageBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 } });

  // Any staff write in this scope makes this instance's shopper catalog reads start afresh; it runs
  // before the response leaves, so whoever saw the write succeed sees it on their next read.
  const cache = catalogReadCache(app.db);
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') cache.invalidate();
    return payload;
  });

  await app.register(consoleCategoryRoutes);
  await app.register(consoleProductRoutes);
  await app.register(consoleSkuRoutes);
  await app.register(consoleImageRoutes);
};

export default catalogConsoleRoutes;
