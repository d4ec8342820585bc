import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string; headers?: Record<string, string> };
  err?: { type?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

/** A log destination for `buildApp(config, { logStream })` that keeps every line for the test to read. */
export function captureLog() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine);
  return { stream, text, lines };
}
