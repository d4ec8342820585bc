import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeWechatBackend, type FakeWechatBackend, type FakeWechatControls, type FakeWechatOptions } from './fake-wechat-backend';

export type { FakeWechatOptions } from './fake-wechat-backend';

export interface FakeWechat extends FakeWechatControls {
  /** Pass as `baseUrl` to createWechatHttpClient. */
  baseUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A local stand-in for api.weixin.qq.com on 127.0.0.1 and a free port: code2Session, access tokens,
 * phone numbers and mini-program codes with the documented request/response shapes and errcodes.
 * For tests and for running the BFF in dev without a real AppID.
 */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const backend = createFakeWechatBackend(options);
  const server = createServer((req, res) => {
    serve(backend, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    issueLoginCode: backend.issueLoginCode,
    issuePhoneCode: backend.issuePhoneCode,
    markRisky: backend.markRisky,
    setRateLimit: backend.setRateLimit,
    invalidateAccessTokens: backend.invalidateAccessTokens,
    close() {
      // fetch keeps connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

async function serve(backend: FakeWechatBackend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake-wechat');
  const body = await readBody(req);
  if (body === null) {
    res.writeHead(413).end();
    return;
  }
  const answer = backend.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body });
  if (answer.contentType === 'image/png') {
    res.writeHead(answer.status, { 'content-type': 'image/png', 'content-length': answer.body.length });
    res.end(answer.body);
    return;
  }
  const text = JSON.stringify(answer.body);
  // The live API labels its JSON this way.
  res.writeHead(answer.status, { 'content-type': 'application/json; encoding=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
