import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkMediaKey, createLocalDiskStorage, InvalidMediaKeyError } from './image-storage';

describe('checkMediaKey', () => {
  it('accepts a lower-case path whose extension matches the type', () => {
    expect(checkMediaKey('products/mango-1.png', 'image/png')).toBe('products/mango-1.png');
  });

  it.each(['../etc/passwd.png', 'products/../../x.png', '/abs/x.png', 'products/.hidden.png', 'a//b.png', 'a\\b.png', 'Products/X.png'])(
    'refuses the unsafe key %s',
    (key) => {
      expect(() => checkMediaKey(key, 'image/png')).toThrow(InvalidMediaKeyError);
    },
  );

  it('refuses an extension that does not match the content type', () => {
    expect(() => checkMediaKey('uploads/x.png', 'image/jpeg')).toThrow(InvalidMediaKeyError);
  });

  it('accepts .jpeg as well as .jpg for JPEG', () => {
    expect(checkMediaKey('uploads/x.jpeg', 'image/jpeg')).toBe('uploads/x.jpeg');
  });
});

describe('createLocalDiskStorage', () => {
  it('writes the bytes under the key and returns the /media/ URL, leaving no partial file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'linli-media-'));
    const storage = createLocalDiskStorage(dir);
    const url = await storage.put('products/kiwi-2.png', Buffer.from('png bytes'), 'image/png');
    expect(url).toBe('/media/products/kiwi-2.png');
    expect(await readFile(path.join(dir, 'products', 'kiwi-2.png'), 'utf8')).toBe('png bytes');
    expect(await readdir(path.join(dir, 'products'))).toEqual(['kiwi-2.png']);
  });

  it('refuses to write outside its folder', async () => {
    const storage = createLocalDiskStorage(await mkdtemp(path.join(tmpdir(), 'linli-media-')));
    await expect(storage.put('../escape.png', Buffer.from('x'), 'image/png')).rejects.toThrow(InvalidMediaKeyError);
  });
});
