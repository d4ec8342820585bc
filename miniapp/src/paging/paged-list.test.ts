import {
  emptyPagedList,
  failLoad,
  footerStateOf,
  isExhausted,
  phaseOf,
  receivePage,
  shouldLoadMoreOnScroll,
  startLoad,
  type LoadKind,
  type Page,
  type PagedList,
} from './paged-list';

interface Item {
  id: string;
}

const idOf = (item: Item) => item.id;
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

function begin(state: PagedList<Item>, kind: LoadKind) {
  const started = startLoad(state, kind);
  if (started === null) throw new Error(`expected a ${kind} load to start`);
  return started;
}

function loadPage(state: PagedList<Item>, kind: LoadKind, page: Page<Item>): PagedList<Item> {
  const { state: pending, ticket } = begin(state, kind);
  return receivePage(pending, ticket, page, idOf);
}

const firstPage = () => loadPage(emptyPagedList<Item>(), 'first', { items: items('a', 'b'), nextCursor: 'c1' });

describe('paged list', () => {
  it('shows the skeleton until the first page arrives', () => {
    const { state } = begin(emptyPagedList<Item>(), 'first');
    expect(phaseOf(state)).toBe('skeleton');
  });

  it('shows the first page and remembers its cursor', () => {
    const state = firstPage();
    expect(phaseOf(state)).toBe('list');
    expect(state.items.map(idOf)).toEqual(['a', 'b']);
    expect(state.nextCursor).toBe('c1');
  });

  it('shows the empty state when the first page has no items', () => {
    const state = loadPage(emptyPagedList<Item>(), 'first', { items: [], nextCursor: null });
    expect(phaseOf(state)).toBe('empty');
  });

  it('shows the error state when the first page fails, and the skeleton again on retry', () => {
    const { state, ticket } = begin(emptyPagedList<Item>(), 'first');
    const failed = failLoad(state, ticket, 'offline');
    expect(phaseOf(failed)).toBe('error');
    expect(failed.error).toEqual({ kind: 'first', message: 'offline' });
    expect(phaseOf(begin(failed, 'first').state)).toBe('skeleton');
  });

  it('asks for the next page with the cursor of the last one', () => {
    expect(begin(firstPage(), 'more').cursor).toBe('c1');
  });

  it('appends the next page, skipping items already shown', () => {
    const state = loadPage(firstPage(), 'more', { items: items('b', 'c'), nextCursor: null });
    expect(state.items.map(idOf)).toEqual(['a', 'b', 'c']);
    expect(isExhausted(state)).toBe(true);
  });

  it('does not start a load-more before the first page, after the last page, or while loading', () => {
    expect(startLoad(emptyPagedList<Item>(), 'more')).toBeNull();
    const last = loadPage(emptyPagedList<Item>(), 'first', { items: items('a'), nextCursor: null });
    expect(startLoad(last, 'more')).toBeNull();
    expect(startLoad(begin(firstPage(), 'more').state, 'more')).toBeNull();
  });

  it('replaces the list on refresh and asks for the first page', () => {
    const started = begin(firstPage(), 'refresh');
    expect(started.cursor).toBeNull();
    const state = receivePage(started.state, started.ticket, { items: items('z'), nextCursor: 'c9' }, idOf);
    expect(state.items.map(idOf)).toEqual(['z']);
    expect(state.nextCursor).toBe('c9');
  });

  it('drops a load-more answer that arrives after a refresh started', () => {
    const more = begin(firstPage(), 'more');
    const refresh = begin(more.state, 'refresh');
    const afterStale = receivePage(refresh.state, more.ticket, { items: items('x'), nextCursor: 'c2' }, idOf);
    expect(afterStale).toBe(refresh.state);
    const afterRefresh = receivePage(afterStale, refresh.ticket, { items: items('r'), nextCursor: null }, idOf);
    expect(afterRefresh.items.map(idOf)).toEqual(['r']);
  });

  it('drops a failure of a superseded load', () => {
    const more = begin(firstPage(), 'more');
    const refresh = begin(more.state, 'refresh');
    expect(failLoad(refresh.state, more.ticket, 'offline')).toBe(refresh.state);
  });

  it('keeps the items shown when a refresh fails', () => {
    const { state, ticket } = begin(firstPage(), 'refresh');
    const failed = failLoad(state, ticket, 'offline');
    expect(phaseOf(failed)).toBe('list');
    expect(failed.items.map(idOf)).toEqual(['a', 'b']);
    expect(failed.error?.kind).toBe('refresh');
  });

  it('waits for a tap instead of loading more on scroll after a load-more failed', () => {
    expect(shouldLoadMoreOnScroll(firstPage())).toBe(true);
    const { state, ticket } = begin(firstPage(), 'more');
    const failed = failLoad(state, ticket, 'offline');
    expect(shouldLoadMoreOnScroll(failed)).toBe(false);
    expect(startLoad(failed, 'more')).not.toBeNull();
  });
});

describe('footerStateOf', () => {
  it('follows the next page: more, loading, failed, then the end', () => {
    const first = loadPage(emptyPagedList(), 'first', { items: items('a'), nextCursor: 'c1' });
    expect(footerStateOf(first)).toBe('more');
    const { state: fetching, ticket } = begin(first, 'more');
    expect(footerStateOf(fetching)).toBe('loading');
    expect(footerStateOf(failLoad(fetching, ticket, 'x'))).toBe('failed');
    expect(footerStateOf(receivePage(fetching, ticket, { items: items('b'), nextCursor: null }, idOf))).toBe('end');
  });
});
