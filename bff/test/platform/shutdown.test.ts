import http from 'node:http';
import net from 'node:net';
import { freePort, startServer } from './server-process';

type Answer = { status?: number; connection?: string; error?: string };

const inFlight = 20;

/**
 * A dev-login whose headers are sent now and whose body is held back: the server has accepted and
 * routed it, and it stays in flight until `finish()`, as a slow client's upload would.
 */
function heldDevLogin(port: number, agent: http.Agent, name: string) {
  const body = JSON.stringify({ name });
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/dev-login',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<Answer>((resolve) => {
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection }));
    });
    request.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
  request.flushHeaders();
  return { answer, finish: () => request.end(body) };
}

function connectionOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

let server: ReturnType<typeof startServer>;
let readyBeforeSignal: number;
let answers: Answer[];
let exit: { code: number | null; signal: NodeJS.Signals | null };
let newConnectionAfterExit: string;

beforeAll(async () => {
  const port = await freePort();
  server = startServer(port, { DEV_LOGIN: 'true' });
  await server.logged((line) => line.msg?.startsWith('Linli is up') ?? false);
  readyBeforeSignal = (await fetch(`${server.baseUrl}/readyz`)).status;

  // Keep-alive, as a load balancer's connections are: each socket outlives its response.
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const requests = Array.from({ length: inFlight }, (_, i) => heldDevLogin(port, agent, `shutdown-${i}`));
  await server.logged((line) => line.msg === 'incoming request' && line.req?.url === '/api/auth/dev-login', inFlight);

  server.child.kill('SIGTERM');
  await server.logged((line) => line.msg?.startsWith('draining') ?? false);
  for (const request of requests) request.finish();
  answers = await Promise.all(requests.map((request) => request.answer));
  exit = await server.exit;
  agent.destroy();
  newConnectionAfterExit = await connectionOutcome(port);
});
afterAll(() => {
  server.kill();
});

describe('graceful shutdown of the server process on SIGTERM', () => {
  it('was ready before the signal', () => {
    expect(readyBeforeSignal).toBe(200);
  });

  it(`answers all ${inFlight} requests in flight at the signal with 200, none reset`, () => {
    expect(answers.map((answer) => answer.status ?? answer.error)).toEqual(Array(inFlight).fill(200));
  });

  it('tells each keep-alive client to close its connection after its answer', () => {
    expect(answers.map((answer) => answer.connection)).toEqual(Array(inFlight).fill('close'));
  });

  it('exits with code 0, not through its forced exit (code 1 after 10 s)', () => {
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('refuses new connections once shut down', () => {
    expect(newConnectionAfterExit).toBe('ECONNREFUSED');
  });
});
