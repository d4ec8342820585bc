/**
 * The most recently used code images, at most `capacity` of them. Concurrent misses for one share
 * wait on the same load, so a poster opened twice at once still costs one WeChat call. A failed load
 * is not kept: the next request tries again.
 */
export interface CodeImageCache {
  read(shareId: string, load: () => Promise<Buffer>): Promise<Buffer>;
}

export function createCodeImageCache(capacity: number): CodeImageCache {
  const entries = new Map<string, Promise<Buffer>>();
  return {
    read(shareId, load) {
      const hit = entries.get(shareId);
      if (hit) {
        // A Map iterates in insertion order: re-inserting makes this the newest, the first key the least used.
        entries.delete(shareId);
        entries.set(shareId, hit);
        return hit;
      }
      const image = load();
      entries.set(shareId, image);
      const leastUsed = entries.keys().next();
      if (entries.size > capacity && !leastUsed.done) entries.delete(leastUsed.value);
      image.catch(() => {
        if (entries.get(shareId) === image) entries.delete(shareId);
      });
      return image;
    },
  };
}
