/**
 * Preloaded into BFF processes by the soak (`node --import tsx --import ./scripts/bench/memory-probe.ts`):
 * one line a second on stdout with the process's own memory, which only the process itself can see.
 */
const timer = setInterval(() => {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  process.stdout.write(`bench-memory ${JSON.stringify({ rss, heapUsed, heapTotal })}\n`);
}, 1000);
timer.unref();
