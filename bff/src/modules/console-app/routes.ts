import type { FastifyPluginAsync } from 'fastify';
import { serveBuild } from '../web-builds/serve-build';

/**
 * The merchant console's build (console/dist). It routes with the history API, so a reload on
 * /console/orders must still get index.html. Nobody frames the console: clickjacking a staff member
 * who is signed in is the attack that matters here (the CSP of plugins/security-headers.ts says frame-ancestors too).
 */
const consoleAppRoutes: FastifyPluginAsync = async (app) => {
  await serveBuild(app, {
    name: 'console',
    root: app.config.consoleDir,
    prefix: '/console',
    spaFallback: true,
    headers: { 'x-frame-options': 'DENY' },
  });
};

export default consoleAppRoutes;
