import type { FastifyPluginAsync } from 'fastify';
import { serveBuild } from '../web-builds/serve-build';

/** The mini-program's h5 build (hash routing: every page is index.html#/…). */
const h5Routes: FastifyPluginAsync = async (app) => {
  await serveBuild(app, { name: 'h5', root: app.config.h5Dir, prefix: '/h5', spaFallback: false });
};

export default h5Routes;
