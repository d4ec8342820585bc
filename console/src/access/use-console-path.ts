import { useCallback, useEffect, useState } from 'react';

/** '/console' in the build (vite's base), '' never: the BFF serves the console only under it. */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

function currentPath(): string {
  const { pathname } = window.location;
  return pathname.startsWith(base) ? pathname.slice(base.length) || '/' : '/';
}

export function consoleHref(path: string): string {
  return `${base}${path}`;
}

/**
 * The path under the console's base and a way to move, through the history API (the BFF answers
 * every client route with index.html, so a reload lands on the same page).
 */
export function useConsolePath(): { path: string; navigate: (to: string, options?: { replace?: boolean }) => void } {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', consoleHref(to));
    else window.history.pushState(null, '', consoleHref(to));
    setPath(currentPath());
  }, []);
  return { path, navigate };
}
