import { buildApp } from './app';
import { loadConfig, ConfigError } from './config';
import { startJobs } from './jobs/scheduler';
import { seedDemoShop } from './seed';

/**
 * The process: configuration, the app, demo data on an empty database, jobs, listening, and a
 * graceful stop on SIGTERM/SIGINT (stop accepting, let in-flight requests finish, close the pool).
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  if (config.seedDemo) await seedDemoShop(app);
  if (config.jobs.enabled) startJobs(app, config.jobs.intervalSeconds);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${(app.server.address() as { port: number }).port}`;
  app.log.info(`Linli is up: API docs ${base}/docs · health ${base}/readyz · database ${app.database.kind} · rate limits ${config.redisUrl ? 'shared in Redis' : 'per instance'}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
