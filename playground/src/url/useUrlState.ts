import { useCallback, useSyncExternalStore } from 'react';

/*
 * The playground keeps its view in the URL (page, backend, collection, index, search mode and query), so a view can be
 * shared or reloaded. `useUrlState` reads one search parameter and writes it with history.replaceState (or pushState
 * for page changes), notifying every reader.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Writes several parameters at once; `undefined` or '' removes one. */
export function setUrlParams(values: Record<string, string | undefined>, push = false): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === window.location.href) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  for (const listener of listeners) listener();
}

/** One URL search parameter as React state. */
export function useUrlState(key: string, fallback: string): [string, (value: string, push?: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => new URL(window.location.href).searchParams.get(key) ?? fallback,
    () => fallback,
  );
  const set = useCallback(
    (next: string, push = false) => setUrlParams({ [key]: next === fallback ? undefined : next }, push),
    [key, fallback],
  );
  return [value, set];
}
