import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** A cached value saved before an optimistic change, to restore on error. */
export type CacheSnapshot = Array<[QueryKey, unknown]>;

interface WithItems {
  items: unknown[];
}

function hasItems(value: unknown): value is WithItems {
  return typeof value === 'object' && value !== null && Array.isArray((value as WithItems).items);
}

function patchData(data: unknown, patch: (items: unknown[]) => unknown[]): unknown {
  if (hasItems(data)) return { ...data, items: patch(data.items) };
  if (typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages)) {
    const infinite = data as { pages: unknown[] };
    return { ...infinite, pages: infinite.pages.map((page) => patchData(page, patch)) };
  }
  return data;
}

/**
 * Changes the `items` of every cached result under `queryKey` (search results, fetch results and infinite scan
 * pages) and returns what was there before. Other cached values are left alone.
 */
export async function patchCachedItems(
  queryClient: QueryClient,
  queryKey: QueryKey,
  patch: (items: unknown[]) => unknown[],
): Promise<CacheSnapshot> {
  await queryClient.cancelQueries({ queryKey });
  const snapshot: CacheSnapshot = queryClient.getQueriesData({ queryKey });
  for (const [key, data] of snapshot) {
    if (data !== undefined) queryClient.setQueryData(key, patchData(data, patch));
  }
  return snapshot;
}

/** Puts back what {@link patchCachedItems} saved. */
export function restoreCache(queryClient: QueryClient, snapshot: CacheSnapshot | undefined): void {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}
