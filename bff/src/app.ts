import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import errors from './plugins/errors';
import draining from './plugins/draining';
import auth from './plugins/auth';
import openapi from './plugins/openapi';
import rateLimit, { connectRateLimitRedis, type RateLimitStoreOptions } from './plugins/rate-limit';
import securityHeaders from './plugins/security-headers';
import cors from './plugins/cors';
import { frameworkErrors, installValidators } from './plugins/validation';
import { loggerOptions } from './plugins/logger';
import { createLocalDiskStorage, type ImageStorage } from './modules/catalog/image-storage';
import { connectWechat } from './modules/users/wechat/connect';
import type { WechatApi } from './modules/users/wechat/wechat-api';
import { connectPayments } from './modules/payments/connect';
import type { PaymentProvider } from './modules/payments/providers/payment-provider';
import healthRoutes from './modules/health/routes';
import h5Routes from './modules/h5/routes';
import consoleAppRoutes from './modules/console-app/routes';
import authRoutes from './modules/users/routes';
import staffRoutes from './modules/staff/routes';
import staffAuditLog from './modules/staff/audit-log';
import catalogRoutes from './modules/catalog/routes';
import catalogConsoleRoutes from './modules/catalog/console-routes';
import cartRoutes from './modules/cart/routes';
import orderRoutes from './modules/orders/routes';
import orderConsoleRoutes from './modules/orders/console-routes';
import paymentRoutes from './modules/payments/routes';
import couponRoutes from './modules/coupons/routes';
import couponConsoleRoutes from './modules/coupons/console-routes';
import groupBuyRoutes from './modules/group-buys/routes';
import groupBuyConsoleRoutes from './modules/group-buys/console-routes';
import referralRoutes from './modules/referrals/routes';
import promoterRoutes from './modules/commissions/routes';
import commissionConsoleRoutes from './modules/commissions/console-routes';
import withdrawalRoutes from './modules/withdrawals/routes';
import withdrawalConsoleRoutes from './modules/withdrawals/console-routes';
import analyticsRoutes from './modules/analytics/routes';
import analyticsConsoleRoutes from './modules/analytics/console-routes';

/** What the app talks to outside itself; tests and the server may hand in their own. */
export interface AppDependencies {
  /** A database someone else opened and will close (several apps on one database). */
  database?: DatabaseHandle;
  /** How the app opens its own database, which it closes with itself; by default from config. */
  openDatabase?: () => Promise<DatabaseHandle>;
  wechat?: WechatApi;
  payments?: PaymentProvider;
  clock?: () => Date;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** A shared rate-limit store for several instances; by default Redis when REDIS_URL is set, else in-process counters. */
  rateLimitStore?: RateLimitStoreOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    db: Database;
    wechat: WechatApi;
    payments: PaymentProvider;
    media: ImageStorage;
    clock: () => Date;
  }
}

export type App = FastifyInstance;

export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Before anything else is opened: an unreachable Redis fails the boot with nothing left to close.
  const rateLimitStore = deps.rateLimitStore ?? (config.redisUrl ? await connectRateLimitRedis(app, config.redisUrl) : {});
  const database = deps.database ?? (await (deps.openDatabase ?? (() => openDatabase(config.database)))());
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('clock', deps.clock ?? (() => new Date()));
  app.decorate('media', createLocalDiskStorage(config.mediaDir));
  app.decorate('wechat', deps.wechat ?? (await connectWechat(app, config)));
  app.decorate('payments', deps.payments ?? (await connectPayments(app, config)));
  if (!deps.database) app.addHook('onClose', async () => database.close());

  await app.register(errors);
  await app.register(securityHeaders);
  await app.register(cors);
  await app.register(draining);
  await app.register(openapi);
  await app.register(rateLimit, rateLimitStore);
  await app.register(auth, { secret: config.auth.jwtSecret, accessTtlSeconds: config.auth.accessTtlSeconds });
  await app.register(staffAuditLog);

  await app.register(healthRoutes);
  await app.register(app.media.routes);
  await app.register(h5Routes);
  await app.register(consoleAppRoutes);
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(catalogRoutes, { prefix: '/api' });
  await app.register(cartRoutes, { prefix: '/api' });
  await app.register(orderRoutes, { prefix: '/api' });
  await app.register(paymentRoutes, { prefix: '/api' });
  await app.register(couponRoutes, { prefix: '/api' });
  await app.register(groupBuyRoutes, { prefix: '/api' });
  await app.register(referralRoutes, { prefix: '/api' });
  await app.register(promoterRoutes, { prefix: '/api' });
  await app.register(withdrawalRoutes, { prefix: '/api' });
  await app.register(analyticsRoutes, { prefix: '/api' });
  await app.register(staffRoutes, { prefix: '/api/console' });
  await app.register(catalogConsoleRoutes, { prefix: '/api/console' });
  await app.register(orderConsoleRoutes, { prefix: '/api/console' });
  await app.register(couponConsoleRoutes, { prefix: '/api/console' });
  await app.register(groupBuyConsoleRoutes, { prefix: '/api/console' });
  await app.register(commissionConsoleRoutes, { prefix: '/api/console' });
  await app.register(withdrawalConsoleRoutes, { prefix: '/api/console' });
  await app.register(analyticsConsoleRoutes, { prefix: '/api/console' });

  return app;
}
