/**
 * Preloaded into BFF processes by the soak (`node --expose-gc --import tsx --import ./scripts/bench/memory-probe.ts`):
 * one line a second on stdout with the process's own memory, which only the process itself can see.
 * On SIGUSR2 it collects all garbage first and prints what is left (`bench-memory-retained`): the live
 * figure says when V8 last got round to collecting, the retained one whether anything is kept.
 */
function report(label: string): void {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  process.stdout.write(`${label} ${JSON.stringify({ rss, heapUsed, heapTotal })}\n`);
}

const timer = setInterval(() => report('bench-memory'), 1000);
timer.unref();

process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  report('bench-memory-retained');
});
