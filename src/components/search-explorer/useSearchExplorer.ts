import { skipToken } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FilterNode } from '../../client/vector/filter';
import type { AnyFields, CollectionLocator, SearchResult } from '../../client/vector/types';
import { useVectorSearch } from '../../hooks';
import { requestFor } from './explorerRequest';
import type { ExplorerMessage, ExplorerQuery, ExplorerQueryInit, ExplorerRow, ExplorerStatus } from './explorerTypes';
import type { FieldSpec } from './fieldTypes';
import { useExplorerFields, useExplorerSchema, type ExplorerFieldsState } from './useExplorerFields';
import { useExplorerFilter, type ExplorerFilterState } from './useExplorerFilter';
import { useExplorerInsights, type ExplorerInsightsState } from './useExplorerInsights';
import { useExplorerList, type ExplorerListState } from './useExplorerList';
import { useExplorerQuery, type ExplorerQueryState } from './useExplorerQuery';
import { useExplorerRowActions, type ExplorerRowActionsState } from './useExplorerRowActions';

/** Options of {@link useSearchExplorer}. */
export interface UseSearchExplorerOptions {
  collection: CollectionLocator;
  index: string;
  /**
   * The index's fields. Default: read from the schema a 20-row random sample returns (`return_schema`), else guessed
   * from that sample and from the results.
   */
  fields?: readonly FieldSpec[] | undefined;
  /** Name of the primary key field, used by edit and undo. Default: the schema's (e.g. `__AUTO_ID__`), else `'id'`. */
  primaryKey?: string | undefined;
  /** Query inputs to start with (`mode: 'text'` is read as `'multiModal'`). Default: `multiModal` mode, empty inputs. */
  initialQuery?: ExplorerQueryInit | undefined;
  /** Run `initialQuery` at once instead of waiting for Search. Default: false. */
  searchOnMount?: boolean | undefined;
  /** Called with every query that runs (Search, random mode, find similar), e.g. to keep it in the URL. Default: none. */
  onSearch?: ((query: ExplorerQuery) => void) | undefined;
  /** Filter to start with (DSL). Default: none. */
  initialFilter?: FilterNode | undefined;
  /** Rows per search, and rows added by "load more". Default: 20. */
  limit?: number | undefined;
  /** Ms each deleted row can be restored (every delete has its own entry in the undo queue). Default: 5000. */
  undoMs?: number | undefined;
  /** Most rows whose vectors are fetched for the projection. Default: 300. */
  projectionLimit?: number | undefined;
  /** Ms filter edits wait before searching. Default: 250. */
  filterDebounceMs?: number | undefined;
  /** Show the projection and histogram from the start (they fetch the results' vectors). Default: false. */
  defaultInsightsOpen?: boolean | undefined;
}

/** Everything {@link useSearchExplorer} returns: one state per concern, plus the search's status and rows. */
export interface SearchExplorerState {
  /** The index's fields and primary key. */
  fields: ExplorerFieldsState;
  /** Mode, inputs, the query that ran, limit and output fields. */
  query: ExplorerQueryState;
  /** The filter editor and the filter in force. */
  filter: ExplorerFilterState;
  /** Keyboard cursor, selection, hover and the list's prop getters. */
  list: ExplorerListState;
  /** Projection and score histogram. */
  insights: ExplorerInsightsState;
  /** Edit, delete with undo, find similar. */
  rows: ExplorerRowActionsState;
  /** What the results area shows. */
  status: ExplorerStatus;
  /** The search's error (status `'error'`). */
  error: Error | null;
  /** Runs the failed search again. */
  retry: () => void;
  /** The last answer (kept while a newer one loads). */
  result: SearchResult<AnyFields> | undefined;
  /** The result rows. */
  items: readonly ExplorerRow[];
  /** A newer answer is loading over the shown one. */
  isRefreshing: boolean;
  /** "Load more" is loading its rows. */
  isLoadingMore: boolean;
  /** The answer filled the limit, so more rows may exist. */
  canLoadMore: boolean;
  /** Why nothing matched (status `'empty'`). */
  emptyReason: ExplorerMessage | undefined;
}

const NO_ROWS: readonly ExplorerRow[] = [];

/**
 * The SearchExplorer without any markup: query inputs for the six search modes, a filter builder (with a raw JSON
 * view), output fields, limit and load more, results with keyboard navigation, a detail selection, inline edit,
 * delete with an undo queue, a PCA projection and a score histogram — all data through `vikingdb-kit/hooks`.
 * Composes one sub-hook per concern; render it any way you like, or use `<SearchExplorer />`. Strings come back as
 * message keys (`ExplorerMessage`) for the caller to translate.
 */
export function useSearchExplorer(options: UseSearchExplorerOptions): SearchExplorerState {
  const { collection, index } = options;
  const schema = useExplorerSchema({ collection, index, fields: options.fields, primaryKey: options.primaryKey });
  const filter = useExplorerFilter({
    fields: schema.knownFields,
    initialFilter: options.initialFilter,
    debounceMs: options.filterDebounceMs,
  });
  const query = useExplorerQuery({
    initialQuery: options.initialQuery,
    searchOnMount: options.searchOnMount,
    onSearch: options.onSearch,
    pageSize: options.limit,
    primaryKey: schema.primaryKey,
    integerIds: schema.integerIds,
  });

  const { submitted, limit, pageSize } = query;
  const request = submitted
    ? requestFor({ collection, index }, submitted, {
        filter: filter.applied,
        outputFields: query.outputFields,
        limit,
        integerIds: schema.integerIds,
      })
    : undefined;
  const search = useVectorSearch<AnyFields>(request ?? skipToken);
  const result = request ? search.data : undefined;
  const items = result?.items ?? NO_ROWS;

  const status: ExplorerStatus = !request
    ? 'idle'
    : search.isError
      ? 'error'
      : search.isPending
        ? 'loading'
        : items.length === 0
          ? 'empty'
          : 'success';
  const isRefreshing = request !== undefined && search.isFetching && !search.isPending;

  const fields = useExplorerFields(options.fields, schema, items);
  const list = useExplorerList({ collection, items, submitted, busy: status === 'loading' || isRefreshing });
  const insights = useExplorerInsights({
    collection,
    index,
    items,
    projectionLimit: options.projectionLimit,
    defaultOpen: options.defaultInsightsOpen,
  });
  const rows = useExplorerRowActions({
    collection,
    index,
    primaryKey: schema.primaryKey,
    undoMs: options.undoMs,
    query: query.query,
    run: query.run,
    selectedId: list.selectedId,
    select: list.select,
  });

  const emptyReason = useMemo<ExplorerMessage | undefined>(() => {
    if (status !== 'empty') return undefined;
    if (filter.applied) return { key: 'state.emptyFiltered' };
    if (submitted?.mode === 'id') return { key: 'state.emptyId', values: { id: submitted.id } };
    return { key: 'state.emptyGeneric' };
  }, [filter.applied, status, submitted]);

  return {
    fields,
    query,
    filter,
    list,
    insights,
    rows,
    status,
    error: search.error,
    retry: () => void search.refetch(),
    result,
    items,
    isRefreshing,
    isLoadingMore: isRefreshing && search.isPlaceholderData && items.length < limit && items.length >= pageSize,
    canLoadMore: status === 'success' && items.length >= limit,
    emptyReason,
  };
}
