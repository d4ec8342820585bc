import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// Bundlers here name assets `name.<8+ hex>.js` / `.css` (Taro by default, Vite by its config):
// new content always gets a new name.
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;
// A client-side route of a single-page app: no file extension in its last segment.
const CLIENT_ROUTE = /\/[^/.]*$/;

export interface WebBuild {
  /** for log lines: 'h5', 'console' */
  name: string;
  /** the build folder, holding index.html */
  root: string;
  /** URL prefix without the trailing slash, e.g. '/h5' */
  prefix: string;
  /** Answer index.html for paths under the prefix that name no file (history-API routing). */
  spaFallback: boolean;
  /** headers on every file of this build (besides cache-control) */
  headers?: Record<string, string>;
}

/**
 * A front-end build on the API's own origin (no CORS), when the build exists. Hashed assets are
 * cached for a year; everything else (index.html above all) is revalidated on every load, so a
 * deploy shows up at once.
 */
export async function serveBuild(app: FastifyInstance, build: WebBuild): Promise<void> {
  const root = path.resolve(build.root);
  const logFields = { [`${build.name}Dir`]: root };
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) {
    app.log.info(logFields, `no ${build.name} build found: ${build.prefix}/ is not served`);
    return;
  }
  const headers = { 'x-content-type-options': 'nosniff', ...build.headers };
  const files = (prefix: string) => ({
    root,
    prefix,
    decorateReply: false,
    redirect: true,
    list: false as const,
    dotfiles: 'ignore' as const,
    cacheControl: false,
    setHeaders: (res: { setHeader(name: string, value: string): unknown }, filePath: string) => {
      const hashed = HASHED_NAME.test(path.basename(filePath));
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    },
  });

  if (!build.spaFallback) {
    // Without the trailing slash, so that @fastify/static also answers the bare prefix with a redirect.
    await app.register(fastifyStatic, files(build.prefix));
  } else {
    // A missing file falls to the not-found handler of the scope its route was registered in: this
    // one answers only under the prefix, so a missing API route keeps its JSON 404.
    await app.register(
      async (scope) => {
        scope.setNotFoundHandler(async (request, reply) => {
          const pathname = request.url.split('?')[0] ?? '';
          const readable = request.method === 'GET' || request.method === 'HEAD';
          if (readable && pathname === build.prefix) return reply.redirect(`${build.prefix}/`, 301);
          // A missing asset (it has an extension) is a 404, not the page: a stale hashed name must fail loudly.
          if (!readable || !CLIENT_ROUTE.test(pathname)) {
            return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `没有这个页面：${request.method} ${pathname}` } });
          }
          return reply
            .headers({ ...headers, 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' })
            .send(await readFile(index));
        });
        await scope.register(fastifyStatic, files('/'));
      },
      { prefix: build.prefix },
    );
  }
  app.log.info(logFields, `serving the ${build.name} build at ${build.prefix}/`);
}
