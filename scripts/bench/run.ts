import { randomUUID } from 'node:crypto';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import postgres from 'postgres';
import { repoRoot, startProcess, stopProcess } from './processes';
import { benchEventIngestion } from './events';
import { h5FirstProductRender, weappSize } from './miniapp';
import { benchCouponClaims, benchGroupJoins } from './social';
import { printSoak, runSoak } from './soak';
import { writeSoakChart } from './soak-chart';

/**
 * `pnpm bench`: the BFF on a real PostgreSQL server with the demo catalog, measured with autocannon
 * against a bare Fastify route serving the same JSON from memory (the ceiling), plus order placement
 * for one hot SKU at 100 concurrent buyers, then the mixed-traffic soak over two BFF processes
 * (soak.ts). `pnpm bench soak` runs only the soak. Prints numbers and whether each target is met;
 * targets are checked here, never as timed assertions in tests.
 */
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
const soakChart = path.join(repoRoot, 'docs', 'performance', 'soak.png');
const bffPort = 3917;
const barePort = 3918;

async function main() {
  if (process.argv[2] !== 'soak') await benchSingleInstance();
  await soak();
}

async function soak() {
  const result = await runSoak(adminUrl, soakSeconds);
  printSoak(result);
  const title = `Linli soak: 2 BFF processes, one PostgreSQL, ${Math.round(result.report.seconds)} s of mixed traffic (${new Date().toISOString().slice(0, 10)})`;
  const drawn = await writeSoakChart(result, title, soakChart);
  console.log(drawn ? `  chart: ${path.relative(repoRoot, soakChart)}` : '  chart: not drawn (no Chromium at /usr/bin/chromium)');
  if (result.report.errorCount > 0 || result.problems.length > 0) process.exitCode = 1;
}

async function benchSingleInstance() {
  const dbName = `linli_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const base = `http://127.0.0.1:${bffPort}`;

  const bff = await startProcess(
    path.join('bff', 'src', 'server.ts'),
    {
      DATABASE_URL: databaseUrl,
      PORT: String(bffPort),
      LOG_LEVEL: 'warn',
      DEV_LOGIN: 'true',
      JOBS_ENABLED: 'false',
      DATABASE_POOL_MAX: '20',
      EVENT_BATCHES_PER_MINUTE: '100000',
      MEDIA_DIR: path.join(repoRoot, '.data', 'bench-media'),
      NODE_ENV: 'development',
    },
    `${base}/readyz`,
  );
  let bare: Awaited<ReturnType<typeof startProcess>> | null = null;
  try {
    const listBody = await (await fetch(`${base}/api/products?limit=20`)).text();
    const productId = (JSON.parse(listBody) as { items: Array<{ id: string }> }).items[0]!.id;
    const detailBody = await (await fetch(`${base}/api/products/${productId}`)).text();
    bare = await startProcess(
      path.join('scripts', 'bench', 'bare-server.ts'),
      { PORT: String(barePort), BARE_DETAIL: detailBody, BARE_LIST: listBody },
      `http://127.0.0.1:${barePort}/bare/detail`,
    );

    const bareDetail = await load(`http://127.0.0.1:${barePort}/bare/detail`);
    const detail = await load(`${base}/api/products/${productId}`);
    const bareList = await load(`http://127.0.0.1:${barePort}/bare/list`);
    const listResult = await load(`${base}/api/products?limit=20`);
    const orders = await benchOrders(base, databaseUrl);
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    const claims = await benchCouponClaims(base, sql);
    const joins = await benchGroupJoins(base, sql);
    const events = await benchEventIngestion(base, seconds);
    await sql.end();
    const firstRender = await h5FirstProductRender(base);
    const weapp = weappSize();

    const rows = [
      ['bare Fastify, detail JSON', bareDetail],
      ['product detail', detail],
      ['bare Fastify, list JSON', bareList],
      ['product list (20)', listResult],
    ] as const;
    console.log('\nRead throughput (autocannon, 50 connections, %ds each)', seconds);
    for (const [name, r] of rows) console.log(`  ${name.padEnd(24)} ${fmt(r.requests.average).padStart(8)} req/s   p99 ${r.latency.p99} ms   errors ${r.errors + r.non2xx}`);
    const detailRatio = detail.requests.average / bareDetail.requests.average;
    const listRatio = listResult.requests.average / bareList.requests.average;
    console.log(`  detail / bare = ${detailRatio.toFixed(2)} (target ≥ 0.50) ${detailRatio >= 0.5 ? 'met' : 'MISSED'}`);
    console.log(`  list / bare   = ${listRatio.toFixed(2)} (target ≥ 0.35) ${listRatio >= 0.35 ? 'met' : 'MISSED'}`);
    console.log('\nOrder placement, one hot SKU, 100 concurrent buyers');
    console.log(`  ${fmt(orders.ordersPerSecond)} orders/s   p99 ${orders.p99} ms (target < 250) ${orders.p99 < 250 ? 'met' : 'MISSED'}`);
    console.log(`  sold ${orders.sold} of stock ${orders.initialStock}; sold out answers ${orders.soldOutAnswers}; other errors ${orders.otherErrors}`);
    console.log(`  oversell ${orders.oversell} (target 0) ${orders.oversell === 0 ? 'met' : 'MISSED'}`);
    console.log('\nCoupon claims, one hot template (500 left), 100 concurrent shoppers');
    console.log(`  ${fmt(claims.perSecond)} claims/s   p99 ${claims.p99} ms   issued ${claims.issued} (coupons held ${claims.held}, stock ${claims.stock}) ${claims.issued === claims.held && claims.issued <= claims.stock ? 'exact' : 'MISMATCH'}`);
    console.log('\nGroup joins, one hot campaign (40 open groups of 10), 100 concurrent joiners');
    console.log(`  ${fmt(joins.perSecond)} joins/s   p99 ${joins.p99} ms   joined ${joins.joined}, group full answers ${joins.full}, groups over size ${joins.overfull} ${joins.overfull === 0 ? 'met' : 'MISSED'}`);
    console.log('\nEvent ingestion, batches of 20 events, 50 connections, %ds', seconds);
    console.log(`  ${fmt(events.eventsPerSecond)} events/s (${fmt(events.batchesPerSecond)} batches/s)   p99 ${events.p99} ms   errors ${events.errors}`);
    console.log('\nMini-program');
    console.log(
      weapp.built
        ? `  weapp main package ${fmt(weapp.mainPackageBytes / 1024)} KB (budget ${fmt(weapp.budgetBytes / 1024)} KB) ${weapp.mainPackageBytes <= weapp.budgetBytes ? 'met' : 'MISSED'}`
        : '  weapp main package: no build (run pnpm build first)',
    );
    console.log(
      firstRender
        ? `  h5 home, first product render (Chromium, localhost, fresh context): median ${firstRender.medianMs} ms of ${firstRender.allMs.join(', ')} ms`
        : '  h5 first product render: the BFF serves no h5 build (run pnpm build first)',
    );
  } finally {
    if (bare) await stopProcess(bare);
    await stopProcess(bff);
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

function load(url: string): Promise<Result> {
  return autocannon({ url, connections: 50, duration: seconds, pipelining: 1 });
}

async function benchOrders(base: string, databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const initialStock = 1000;
  const [hot] = await sql<{ id: string }[]>`select s.id from skus s join products p on p.id = s.product_id where p.on_shelf order by s.price limit 1`;
  await sql`update skus set stock = ${initialStock} where id = ${hot!.id}`;

  const tokens: string[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `bench-buyer-${i}` }) });
    tokens.push(((await res.json()) as { accessToken: string }).accessToken);
  }
  const body = JSON.stringify({
    lines: [{ skuId: hot!.id, quantity: 1 }],
    address: { name: '压测', phone: '13800000000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道 1 号' },
  });
  let soldOutAnswers = 0;
  let otherErrors = 0;
  const result = await autocannon({
    url: `${base}/api/orders`,
    connections: 100,
    amount: 1500,
    requests: [
      {
        method: 'POST',
        body,
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...req.headers,
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]}`,
            'idempotency-key': randomUUID(),
          },
        }),
        onResponse: (status, responseBody) => {
          if (status === 409 && responseBody.includes('INSUFFICIENT_STOCK')) soldOutAnswers++;
          else if (status !== 201) otherErrors++;
        },
      },
    ],
  });
  const [soldRow] = await sql<{ sold: number }[]>`select coalesce(sum(quantity), 0)::int as sold from order_lines where sku_id = ${hot!.id}`;
  const [stockRow] = await sql<{ stock: number }[]>`select stock from skus where id = ${hot!.id}`;
  const sold = soldRow!.sold;
  const stock = stockRow!.stock;
  await sql.end();
  const created = result['2xx'];
  return {
    initialStock,
    sold,
    soldOutAnswers,
    otherErrors,
    oversell: Math.max(0, sold - initialStock) + (stock < 0 ? -stock : 0) + Math.abs(initialStock - sold - stock),
    ordersPerSecond: created / (result.duration || 1),
    p99: result.latency.p99,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
