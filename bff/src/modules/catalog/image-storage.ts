import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { imageTypes, type ImageContentType } from './image-type';

export const mediaPrefix = '/media/';

/** Where product images live. The local disk today; an object store later implements the same two members. */
export interface ImageStorage {
  /** A Fastify plugin that serves stored images under /media/. */
  routes: FastifyPluginAsync;
  /** Stores the bytes under `key` (e.g. `products/mango-1.png`) and returns the URL path to show them. */
  put(key: string, bytes: Buffer, contentType: ImageContentType): Promise<string>;
}

export class InvalidMediaKeyError extends Error {
  override name = 'InvalidMediaKeyError';
}

// Every segment starts with a letter or digit, so neither `..` nor a dotfile can be named.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const SERVED_EXTENSION = /\.(png|jpe?g|webp)$/;

/** Checks a storage key and that its extension matches the content type; returns it unchanged. */
export function checkMediaKey(key: string, contentType: ImageContentType): string {
  if (key.length > 190 || !KEY_PATTERN.test(key)) throw new InvalidMediaKeyError(`unsafe media key: ${JSON.stringify(key)}`);
  const extension = path.extname(key).slice(1);
  const expected = imageTypes[contentType];
  if (!(extension === expected || (expected === 'jpg' && extension === 'jpeg'))) {
    throw new InvalidMediaKeyError(`media key ${key} does not end in .${expected}`);
  }
  return key;
}

export function createLocalDiskStorage(dir: string): ImageStorage {
  const root = path.resolve(dir);

  const routes: FastifyPluginAsync = async (app) => {
    await mkdir(root, { recursive: true });
    await app.register(fastifyStatic, {
      root,
      prefix: mediaPrefix,
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'ignore',
      // A stored key is never rewritten with other bytes (uploads are named by content hash),
      // so browsers and CDNs may keep a copy for a year without revalidating.
      maxAge: '365d',
      immutable: true,
      allowedPath: (pathName) => SERVED_EXTENSION.test(pathName),
      setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
    });
  };

  async function put(key: string, bytes: Buffer, contentType: ImageContentType): Promise<string> {
    const file = path.join(root, checkMediaKey(key, contentType));
    if (!file.startsWith(root + path.sep)) throw new InvalidMediaKeyError(`media key escapes the media folder: ${key}`);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file, even if two writers race on one key.
    const partial = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await writeFile(partial, bytes);
      await rename(partial, file);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return `${mediaPrefix}${key}`;
  }

  return { routes, put };
}
