import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { buildApp, type App } from '../../bff/src/app';
import { loadConfig } from '../../bff/src/config';
import type { MovableClock } from '../../bff/test/payments/shop-under-test';
import { shopProblems } from '../../bff/test/properties/shop-invariants';
import { describeTraffic, driveMixedTraffic, percentile, prepareMixedScene, requestKinds, settleBacklog, type RequestKind, type TrafficReport } from '../../bff/test/scale/mixed-traffic';
import { repoRoot, startProcess, stopProcess } from './processes';
import { startSharedWechatPay } from './shared-wechatpay';

/**
 * The soak: two BFF processes (jobs on in both) on one fresh PostgreSQL database and one WeChat Pay,
 * under mixed traffic from virtual shoppers for a bounded time. Then the processes stop, an in-process
 * app on the same database lets every window pass and runs every job, and the shop's invariants are
 * checked. Prints throughput and p50/p99 per endpoint, each process's memory at start and end, and the
 * invariant problems (which must be none).
 */

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

export interface EndpointFigures {
  kind: RequestKind;
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export interface SoakResult {
  report: TrafficReport;
  endpoints: EndpointFigures[];
  /** `retained`: what was left after a full garbage collection at the end */
  memory: Array<{ start: Memory; end: Memory; retained: Memory | null }>;
  /** job rounds after the traffic until the shop was at rest */
  settleRounds: number;
  problems: string[];
}

const ports = [3921, 3922];
// The processes share their rate-limit counters when a Redis is given, as a deployment would.
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
const shoppers = Number(process.env.BENCH_SOAK_SHOPPERS ?? 40);

/** Real time plus however far the soak moved it once traffic is over; the fake WeChat Pay and the checker read it. */
function movingClock(): MovableClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

interface MemoryWatch {
  /** the latest line the process printed by itself */
  latest(): Memory;
  /** asks the process to collect all garbage and answers what it kept (null if it did not say within 5 s) */
  retained(): Promise<Memory | null>;
}

/** Reads the memory lines each process prints (memory-probe.ts). */
function watchMemory(child: ChildProcess): MemoryWatch {
  let latest: Memory = { rss: 0, heapUsed: 0, heapTotal: 0 };
  let onRetained: ((memory: Memory) => void) | null = null;
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const [label, json] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (label === 'bench-memory') latest = JSON.parse(json) as Memory;
      if (label === 'bench-memory-retained') onRetained?.(JSON.parse(json) as Memory);
    }
  });
  return {
    latest: () => latest,
    retained: () =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        onRetained = (memory) => {
          clearTimeout(timer);
          resolve(memory);
        };
        child.kill('SIGUSR2');
      }),
  };
}

export async function runSoak(adminUrl: string, seconds: number): Promise<SoakResult> {
  const dbName = `linli_soak_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const clock = movingClock();
  const wechatPay = await startSharedWechatPay(clock.now);
  const env = {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '10',
    LOG_LEVEL: 'warn',
    DEV_LOGIN: 'true',
    SEED_DEMO: 'false',
    // Every instance must verify every other's tokens.
    JWT_SECRET: 'bench-soak-secret-shared-by-all-instances',
    MEDIA_DIR: path.join(repoRoot, '.data', 'bench-media'),
    ...wechatPay.env,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  // The checker migrates the database and lays out the scene before the processes start.
  const checker: App = await buildApp(loadConfig({ ...env, JOBS_ENABLED: 'false', LOG_LEVEL: 'error' }), { clock: clock.now, payments: wechatPay.provider(clock.now) });
  const processes: ChildProcess[] = [];
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const scene = await prepareMixedScene(checker, { stock: 1_000_000, coupons: 2_000 });
    for (const port of ports) {
      processes.push(
        await startProcess(
          path.join('bff', 'src', 'server.ts'),
          { ...env, PORT: String(port), JOBS_ENABLED: 'true', JOB_INTERVAL_SECONDS: '5' },
          `http://127.0.0.1:${port}/readyz`,
          ['./scripts/bench/memory-probe.ts'],
        ),
      );
    }
    const memoryOf = processes.map(watchMemory);
    await new Promise((r) => setTimeout(r, 1500));
    // The baseline after a full collection too, so start and end compare what is kept, not what V8 has yet to collect.
    const start = await Promise.all(memoryOf.map(async (watch) => (await watch.retained()) ?? watch.latest()));

    const report = await driveMixedTraffic({
      bases: ports.map((port) => `http://127.0.0.1:${port}`),
      scene,
      shoppers,
      seconds,
      pay: (orderNo) => wechatPay.fake.pay(orderNo),
      // What a WeChat login would have given them: real WeChat Pay needs the payer's openid.
      onSignUp: async (userId) => {
        await sql`update users set openid = ${`bench_${userId.replace(/-/g, '')}`} where id = ${userId}`;
      },
    });
    const end = memoryOf.map((watch) => watch.latest());
    const retained = await Promise.all(memoryOf.map((watch) => watch.retained()));
    await Promise.all(processes.splice(0).map(stopProcess));

    const rounds = await settleBacklog(checker, clock);
    const problems = await shopProblems(checker, scene.initialStock);
    return { report, endpoints: endpointFigures(report), memory: start.map((s, i) => ({ start: s, end: end[i]!, retained: retained[i] ?? null })), settleRounds: rounds, problems };
  } finally {
    await Promise.all(processes.map(stopProcess));
    await sql.end();
    await checker.close();
    await wechatPay.fake.close();
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

function endpointFigures(report: TrafficReport): EndpointFigures[] {
  return requestKinds.flatMap((kind) => {
    const sorted = [...report.byKind[kind].latenciesMs].sort((a, b) => a - b);
    if (sorted.length === 0) return [];
    return [{ kind, count: sorted.length, perSecond: sorted.length / report.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) }];
  });
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export function printSoak(result: SoakResult): void {
  console.log(`\nSoak: mixed traffic from ${shoppers} virtual shoppers over two BFF processes (jobs on in both), one PostgreSQL, rate limits ${redisUrl ? 'shared in Redis' : 'per process'}`);
  for (const line of describeTraffic(result.report)) console.log(`  ${line}`);
  result.memory.forEach(({ start, end, retained }, i) =>
    console.log(
      `  instance ${i} memory: rss ${mb(start.rss)} → ${mb(end.rss)}, heap used ${mb(start.heapUsed)} → ${mb(end.heapUsed)}` +
        (retained ? `; after a full collection: rss ${mb(retained.rss)}, heap used ${mb(retained.heapUsed)}` : '; no figure after a full collection'),
    ),
  );
  console.log(`  errors (5xx, unexpected 4xx, no answer): ${result.report.errorCount} (target 0) ${result.report.errorCount === 0 ? 'met' : 'MISSED'}`);
  for (const error of result.report.errors) console.log(`    ${error}`);
  console.log(`  invariant problems after settling (every job until idle: ${result.settleRounds} round(s)): ${result.problems.length} (target 0) ${result.problems.length === 0 ? 'met' : 'MISSED'}`);
  for (const problem of result.problems.slice(0, 20)) console.log(`    ${problem}`);
}
