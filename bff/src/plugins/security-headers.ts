import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The inline scripts of a build's index.html, as CSP hashes. Taro's h5 template inlines its start-up
 * script; allowing exactly that script keeps 'unsafe-inline' out of script-src.
 */
export function inlineScriptHashes(buildDir: string): string[] {
  const index = path.join(buildDir, 'index.html');
  if (!existsSync(index)) return [];
  const scripts = readFileSync(index, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi);
  return [...scripts].map(([, body]) => `'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`);
}

/**
 * Helmet's headers on every answer, with one Content-Security-Policy for what this origin serves: the
 * console (/console/, antd), the h5 build (/h5/, Taro) and the API docs (/docs). All of them load
 * their scripts from here; antd and Taro write style attributes at run time, so style-src allows
 * inline styles (a style cannot run code). Images may come from https hosts (WeChat avatars).
 */
async function securityHeadersPlugin(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...inlineScriptHashes(app.config.h5Dir), ...inlineScriptHashes(app.config.consoleDir)],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Product images and share codes are read by the h5 build from its own origin (CORS_ORIGINS);
    // nothing private is readable without an Authorization header, which a cross-origin <img> never sends.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

export default fp(securityHeadersPlugin, { name: 'security-headers' });
