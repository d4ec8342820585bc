import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

export const h5Prefix = '/h5/';

// Taro names bundles `name.<8+ hex>.js` / `.css`: new content always gets a new name.
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;

/**
 * The mini-program's h5 build on the API's own origin (no CORS), when a build exists. Hashed assets
 * are cached for a year; everything else (index.html above all) is revalidated on every load, so a
 * deploy shows up at once.
 */
const h5Routes: FastifyPluginAsync = async (app) => {
  const root = path.resolve(app.config.h5Dir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.info({ h5Dir: root }, 'no h5 build found: /h5/ is not served');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // Without the trailing slash, so that @fastify/static also answers /h5 with a redirect to /h5/.
    prefix: '/h5',
    decorateReply: false,
    redirect: true,
    list: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const hashed = HASHED_NAME.test(path.basename(filePath));
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  app.log.info({ h5Dir: root }, `serving the h5 build at ${h5Prefix}`);
};

export default h5Routes;
