import { toErrorInfo, type ErrorInfo } from './errorInfo';

/**
 * Where a list is: `idle` (nothing asked yet), `loading` (first load), `error`, `empty` (loaded, nothing found) or
 * `ready`.
 */
export type ViewStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/** A list's state as the viewer shows it. */
export interface ViewState {
  status: ViewStatus;
  /** True while older results stay on screen during a refetch (stale-while-refetching). */
  isStale: boolean;
  error: ErrorInfo | undefined;
  /** The thrown error itself (for components that read it), `undefined` unless `status` is `error`. */
  cause: unknown;
}

/** The parts of a TanStack Query result the view state is read from. */
export interface QueryLike {
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  isPlaceholderData?: boolean;
  error: unknown;
}

/** Derives the {@link ViewState} of a query holding `itemCount` items (`enabled` false = idle). */
export function viewStateOf(query: QueryLike, itemCount: number, enabled = true): ViewState {
  if (!enabled) return { status: 'idle', isStale: false, error: undefined, cause: undefined };
  if (query.isError) return { status: 'error', isStale: false, error: toErrorInfo(query.error), cause: query.error };
  if (query.isPending) {
    return { status: 'loading', isStale: false, error: undefined, cause: undefined };
  }
  const isStale = query.isFetching || query.isPlaceholderData === true;
  return { status: itemCount === 0 ? 'empty' : 'ready', isStale, error: undefined, cause: undefined };
}
