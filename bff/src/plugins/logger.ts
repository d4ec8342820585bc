import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

/** Request headers that carry credentials. */
const credentialHeaders = ['authorization', 'cookie', 'wechatpay-signature'];

/**
 * The app's pino settings. Each request's first line carries its headers (client, proxy and
 * idempotency details are what an incident needs), so credentials are censored wherever a log call
 * puts headers: under `req`, at the top level, or one object down.
 */
export function loggerOptions(level: Config['logLevel'], stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: request.url,
        host: request.host,
        remoteAddress: request.ip,
        headers: request.headers,
      }),
    },
    redact: {
      paths: [
        ...credentialHeaders.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]),
        '*.password',
        '*.refreshToken',
        '*.accessToken',
        '*.sessionKey',
        '*.session_key',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
}
