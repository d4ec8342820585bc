export interface IssuedToken {
  token: string;
  expiresInSeconds: number;
}

export interface AccessTokenCache {
  get(): Promise<string>;
  /** Drops `token` if it is still the cached one, so the next get() fetches afresh. */
  invalidate(token: string): void;
}

// WeChat keeps the old and the new token valid together for about five minutes around a refresh,
// so refreshing that early never hands out a token that dies in flight.
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Holds one access token until shortly before it expires. Callers that arrive while a fetch is
 * under way share it: the stable-token quota is per app, and each fetch costs one.
 */
export function createAccessTokenCache(fetchToken: () => Promise<IssuedToken>, now: () => number): AccessTokenCache {
  let cached: { token: string; refreshAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchAndStore(): Promise<string> {
    const issued = await fetchToken();
    const lifetimeMs = issued.expiresInSeconds * 1000;
    cached = { token: issued.token, refreshAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return issued.token;
  }

  return {
    get() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= fetchAndStore().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
