/**
 * A cursor-paginated list as a pure state machine, so the page only renders it.
 * Every load gets a ticket; an answer whose ticket is no longer the one in flight belongs to a
 * superseded request (a load-more overtaken by a pull-to-refresh) and is dropped.
 */

export type LoadKind = 'first' | 'refresh' | 'more';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  /** at least one page has arrived */
  loaded: boolean;
  pending: { kind: LoadKind; ticket: number } | null;
  error: { kind: LoadKind; message: string } | null;
  lastTicket: number;
}

export type Phase = 'skeleton' | 'error' | 'empty' | 'list';

export function emptyPagedList<T>(): PagedList<T> {
  return { items: [], nextCursor: null, loaded: false, pending: null, error: null, lastTicket: 0 };
}

export interface StartedLoad<T> {
  state: PagedList<T>;
  ticket: number;
  /** the cursor to ask for; null asks for the first page */
  cursor: string | null;
}

/**
 * Starts a load, or returns null when it should not start: a load-more needs a loaded list with a
 * next cursor and nothing in flight. A first load or refresh always starts and supersedes
 * whatever is in flight.
 */
export function startLoad<T>(state: PagedList<T>, kind: LoadKind): StartedLoad<T> | null {
  if (kind === 'more' && (state.pending !== null || !state.loaded || state.nextCursor === null)) {
    return null;
  }
  const ticket = state.lastTicket + 1;
  return {
    state: { ...state, pending: { kind, ticket }, error: null, lastTicket: ticket },
    ticket,
    cursor: kind === 'more' ? state.nextCursor : null,
  };
}

/**
 * Applies an arrived page. A first page or refresh replaces the list; a further page is appended,
 * skipping items already shown (cursor pages can overlap when the catalogue changes between calls).
 */
export function receivePage<T>(
  state: PagedList<T>,
  ticket: number,
  page: Page<T>,
  idOf: (item: T) => string,
): PagedList<T> {
  if (state.pending?.ticket !== ticket) return state;
  let items = page.items;
  if (state.pending.kind === 'more') {
    const shown = new Set(state.items.map(idOf));
    items = [...state.items, ...page.items.filter((item) => !shown.has(idOf(item)))];
  }
  return { ...state, items, nextCursor: page.nextCursor, loaded: true, pending: null, error: null };
}

/** Records a failed load; the items already shown stay. */
export function failLoad<T>(state: PagedList<T>, ticket: number, message: string): PagedList<T> {
  if (state.pending?.ticket !== ticket) return state;
  return { ...state, pending: null, error: { kind: state.pending.kind, message } };
}

/** What the page shows as a whole. */
export function phaseOf<T>(state: PagedList<T>): Phase {
  if (state.loaded) return state.items.length > 0 ? 'list' : 'empty';
  return state.error === null ? 'skeleton' : 'error';
}

/**
 * Reaching the bottom fetches the next page by itself, except after a failed load-more: then the
 * shopper taps retry, so a dead network is not hammered on every scroll.
 */
export function shouldLoadMoreOnScroll<T>(state: PagedList<T>): boolean {
  return state.error?.kind !== 'more' && startLoad(state, 'more') !== null;
}

/** True when there is nothing more to fetch after the items shown. */
export function isExhausted<T>(state: PagedList<T>): boolean {
  return state.loaded && state.nextCursor === null;
}

/** What the line under the list says: fetching the next page, it failed, there is more, or the end. */
export function footerStateOf<T>(state: PagedList<T>): 'more' | 'loading' | 'failed' | 'end' {
  if (state.pending?.kind === 'more') return 'loading';
  if (state.error?.kind === 'more') return 'failed';
  return isExhausted(state) ? 'end' : 'more';
}
