import { randomInt } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/app';
import type { DatabaseHandle } from '../../src/db/client';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { buildTestApp } from '../helper';
import { freshPglite } from '../pglite-template';

/**
 * Rate limits across instances: with REDIS_URL every instance counts into one Redis, so a sender
 * cannot get N times its limit by being spread over N instances; without it each instance counts alone.
 */
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? null;
const describeOnRedis: jest.Describe = redisUrl
  ? describe
  : (((name: string, fn: () => void) => {
      console.log(`skipped "${name}": set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run it against a real Redis`);
      describe.skip(name, fn);
    }) as unknown as jest.Describe);

const limit = 3;
const batch = { visitorId: 'visitor-scale-0001', events: [{ name: 'page_view', occurredAt: new Date().toISOString(), page: 'pages/index/index' }] };

// Signed-out batches count per address; a fresh address per run keeps this run's counters apart from
// an earlier run's that may still be inside its minute on the same Redis.
function someAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

async function sendBatches(instances: App[], count: number, remoteAddress: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await instances[i % instances.length]!.inject({ method: 'POST', url: '/api/events', payload: batch, remoteAddress });
    statuses.push(res.statusCode);
  }
  return statuses;
}

// Every instance in this file shares one database and one sandbox WeChat Pay, as instances in a
// deployment do; only where the counters live differs.
let database: DatabaseHandle;
let payments: SandboxPaymentProvider;
beforeAll(async () => {
  [database, payments] = await Promise.all([freshPglite(), createSandboxProvider()]);
});
afterAll(async () => {
  await Promise.all([database.close(), payments.close()]);
});

function instance(env: Record<string, string>): Promise<App> {
  return buildTestApp(env, { database, payments });
}

async function twoInstances(env: Record<string, string>): Promise<App[]> {
  return Promise.all([instance(env), instance(env)]);
}

describeOnRedis('rate limits shared through Redis (REDIS_URL)', () => {
  let instances: App[];
  beforeAll(async () => {
    instances = await twoInstances({ REDIS_URL: redisUrl!, EVENT_BATCHES_PER_MINUTE: String(limit) });
  });
  afterAll(async () => {
    await Promise.all(instances.map((app) => app.close()));
  });

  it('should hold a sender to one limit in total when its requests alternate between two instances', async () => {
    const statuses = await sendBatches(instances, limit * 2, someAddress());
    console.log(`Redis-shared limit of ${limit}/min over 2 instances: ${statuses.join(' ')}`);
    expect(statuses).toEqual([...Array(limit).fill(202), ...Array(limit).fill(429)]);
  });

  it('should answer 429 in the one error shape with Retry-After from whichever instance the sender reaches', async () => {
    const address = someAddress();
    await sendBatches(instances.slice(0, 1), limit, address);
    const res = await instances[1]!.inject({ method: 'POST', url: '/api/events', payload: batch, remoteAddress: address });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('请求过于频繁') } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should count each sender on its own', async () => {
    const first = await sendBatches(instances, limit, someAddress());
    const second = await sendBatches(instances, limit, someAddress());
    expect([...first, ...second].every((s) => s === 202)).toBe(true);
  });
});

/** A TCP relay in front of the real Redis that the test can cut, as a network partition or a Redis crash would. */
async function cuttableRedis(target: URL): Promise<{ url: string; cut: () => Promise<void>; restore: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as AddressInfo).port;
  const url = new URL(target);
  url.port = String(port);
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise((resolve) => relay.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: () => new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve)),
  };
}

describeOnRedis('a Redis outage while running', () => {
  it('should fail open: requests keep being served, without waiting on Redis, until it is back', async () => {
    const redis = await cuttableRedis(new URL(redisUrl!));
    const app = await instance({ REDIS_URL: redis.url, EVENT_BATCHES_PER_MINUTE: String(limit) });
    try {
      const address = someAddress();
      expect(await sendBatches([app], limit + 1, address)).toEqual([...Array(limit).fill(202), 429]);
      await redis.cut();
      const began = Date.now();
      const during = await sendBatches([app], limit, address);
      const tookMs = Date.now() - began;
      console.log(`Redis cut after the limit was reached: ${during.join(' ')} in ${tookMs} ms`);
      expect(during).toEqual(Array(limit).fill(202));
      expect(tookMs).toBeLessThan(limit * 1000);

      // Back: the client reconnects by itself and the sender's count, still in Redis, applies again.
      await redis.restore();
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (status !== 429 && Date.now() < deadline) {
        [status] = (await sendBatches([app], 1, address)) as [number];
        if (status !== 429) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('rate limits without Redis (REDIS_URL unset)', () => {
  it('should let each instance count alone, so a sender spread over two gets the limit twice', async () => {
    const instances = await twoInstances({ EVENT_BATCHES_PER_MINUTE: String(limit) });
    try {
      const statuses = await sendBatches(instances, limit * 2 + 2, someAddress());
      console.log(`per-instance limit of ${limit}/min over 2 instances: ${statuses.join(' ')}`);
      expect(statuses).toEqual([...Array(limit * 2).fill(202), 429, 429]);
    } finally {
      await Promise.all(instances.map((app) => app.close()));
    }
  });
});

describe('REDIS_URL that cannot be reached', () => {
  it('should stop the app from starting instead of quietly limiting nothing', async () => {
    await expect(instance({ REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow();
  });
});
