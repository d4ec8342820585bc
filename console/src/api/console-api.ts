import type { Metrics, MetricsQuery } from '@linli/shared/schemas/analytics';
import { ApiError, NETWORK_ERROR } from './api-error';
import { createStaffSession, type Send, type SessionStore, type StoredStaffSession } from './staff-session';

/** The console is served by the BFF itself (/console/), so the API is on the same origin. */
const send: Send = async ({ path, method, query, body, token, accept }) => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  // A FormData body (an image upload) sets its own multipart content type with its boundary.
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  const search = new URLSearchParams(query).toString();
  let response: Response;
  try {
    response = await fetch(`${path}${search ? `?${search}` : ''}`, {
      method,
      headers,
      body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '网络异常，请检查网络后重试');
  }
  if (accept === 'file' && response.ok) {
    return { status: response.status, data: await response.blob(), headers: Object.fromEntries(response.headers.entries()) };
  }
  const text = await response.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's error page): apiErrorFromResponse reports the status
  }
  return { status: response.status, data };
};

const storageKey = 'linli.console.session';

// localStorage so that a reload or a second tab stays signed in; the refresh token rotates anyway.
const browserStore: SessionStore = {
  read() {
    const raw = window.localStorage.getItem(storageKey);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as StoredStaffSession;
    } catch {
      return null;
    }
  },
  write(session) {
    window.localStorage.setItem(storageKey, JSON.stringify(session));
  },
  clear() {
    window.localStorage.removeItem(storageKey);
  },
};

export const staffSession = createStaffSession({ send, store: browserStore });

/** The console's BFF routes, typed from @linli/shared/schemas. */
export const consoleApi = {
  metrics: (range: MetricsQuery) => staffSession.request<Metrics>({ path: '/api/console/metrics', query: { from: range.from, to: range.to } }),
};
