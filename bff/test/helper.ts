import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppDependencies } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { freshPglite } from './pglite-template';

/**
 * An app on a fresh in-memory PGlite database with the sandbox payment provider and the fake WeChat
 * server, for API tests through `app.inject`. Concurrency is NOT provable here (PGlite has one
 * connection); those tests live in test/concurrency and use `pgTestDatabase`.
 */
export async function buildTestApp(env: Record<string, string> = {}, deps: AppDependencies = {}): Promise<App> {
  const config = testConfig(env);
  const inMemory = config.database.url === null && config.database.pgliteDir === 'memory';
  const app = await buildApp(config, inMemory ? { openDatabase: freshPglite, ...deps } : deps);
  await app.ready();
  return app;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DIR: 'memory',
    MEDIA_DIR: path.join(tmpdir(), 'linli-test-media'),
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    DEV_LOGIN: 'true',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
