import type { Page } from '../paging/paged-list';
import { chainPages } from './chained-pages';

/** A cursor list over `items`, `size` per page; the cursor is the next index. Logs what was asked. */
function list(name: string, items: string[], size: number, asked: string[]) {
  return async (cursor: string | null): Promise<Page<string>> => {
    asked.push(`${name}:${cursor ?? 'start'}`);
    const from = cursor === null ? 0 : Number(cursor);
    const to = from + size;
    return { items: items.slice(from, to), nextCursor: to < items.length ? String(to) : null };
  };
}

async function readAll(fetch: (cursor: string | null) => Promise<Page<string>>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<string> = await fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe('chainPages', () => {
  it('reads the first list to its end, then the next', async () => {
    const asked: string[] = [];
    const chained = chainPages([list('available', ['a1', 'a2', 'a3'], 2, asked), list('locked', ['l1', 'l2', 'l3'], 2, asked)]);
    await expect(readAll(chained)).resolves.toEqual([['a1', 'a2'], ['a3', 'l1', 'l2'], ['l3']]);
    expect(asked).toEqual(['available:start', 'available:2', 'locked:start', 'locked:2']);
  });

  it('ends in one call when a short first list and the next fit on one page', async () => {
    const asked: string[] = [];
    const chained = chainPages([list('available', ['a1'], 2, asked), list('locked', ['l1'], 2, asked)]);
    await expect(chained(null)).resolves.toEqual({ items: ['a1', 'l1'], nextCursor: null });
  });

  it('moves straight on past an empty first list, so the result is not empty', async () => {
    const asked: string[] = [];
    const chained = chainPages([list('available', [], 2, asked), list('locked', ['l1'], 2, asked)]);
    await expect(chained(null)).resolves.toEqual({ items: ['l1'], nextCursor: null });
  });

  it('ends empty when every list is empty', async () => {
    const asked: string[] = [];
    const chained = chainPages([list('available', [], 2, asked), list('locked', [], 2, asked)]);
    await expect(chained(null)).resolves.toEqual({ items: [], nextCursor: null });
    expect(asked).toEqual(['available:start', 'locked:start']);
  });

  it('keeps the inner cursor intact when it contains the separator', async () => {
    const seen: (string | null)[] = [];
    const chained = chainPages<string>([
      async (cursor) => {
        seen.push(cursor);
        return cursor === null ? { items: ['x'], nextCursor: 'a|b' } : { items: ['y'], nextCursor: null };
      },
    ]);
    const first = await chained(null);
    await chained(first.nextCursor);
    expect(seen).toEqual([null, 'a|b']);
  });
});
