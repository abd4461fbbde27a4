import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
  type KeyboardEvent,
} from 'react';
import { filterIssues, type FilterNode } from '../../client/vector/filter';
import type { AnyFields, CollectionLocator, PrimaryKey, SearchItem, SearchResult } from '../../client/vector/types';
import {
  fetchIndexRowsOptions,
  fetchRowsOptions,
  useDelete,
  useFetchIndexRows,
  useFetchRows,
  useUpdate,
  useUpsert,
  useVectorSearch,
  useVikingClient,
  type VectorSearchInput,
} from '../../hooks';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { Locale, Translate } from '../i18n/types';
import { useCatalog } from '../i18n/useCatalog';
import { searchExplorerCatalog } from './messages/catalog';
import type { SearchExplorerMessageKey, SearchExplorerMessages } from './messages/en';
import { isFilterable, isSortable, type FieldSpec } from './fieldTypes';
import { buildFilter, countConditions, draftFromFilter, emptyGroup, type GroupDraft } from './filterDraft';
import { histogram, type HistogramBin } from './histogram';
import { fieldsFromSchema } from './fieldsFromSchema';
import { inferFields } from './inferFields';
import { formatVector, parseVector } from './parseVector';
import { projectPca, type ProjectedPoint } from './pca';

/** The explorer's search modes (`text` is the API's multi-modal search). */
export type ExplorerMode = 'vector' | 'text' | 'id' | 'keywords' | 'scalar' | 'random';

/** Every mode, in the order the mode switch shows them. */
export const EXPLORER_MODES: readonly ExplorerMode[] = ['text', 'vector', 'id', 'keywords', 'scalar', 'random'];

/** What the query inputs hold (all modes at once, so switching modes keeps what was typed). */
export interface ExplorerQuery {
  mode: ExplorerMode;
  /** Pasted vector text (JSON array or separated numbers). */
  vector: string;
  text: string;
  id: string;
  keywords: string;
  scalarField: string;
  scalarOrder: 'asc' | 'desc';
}

/** A result row. */
export type ExplorerRow = SearchItem<AnyFields>;

/** What the results area shows. */
export type ExplorerStatus = 'idle' | 'loading' | 'error' | 'empty' | 'success';

/** A deleted row that can still be put back. */
export interface PendingUndo {
  id: PrimaryKey;
  /** The row as stored (all fields, vectors included), ready to upsert. */
  row: Readonly<Record<string, unknown>>;
  /** Its dense vector as the index held it. */
  denseVector: readonly number[] | undefined;
}

/** A short message for the live region (deleted, restored, failed). */
export interface ExplorerNotice {
  kind: 'deleted' | 'restored' | 'error';
  text: string;
}

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
  /** Query inputs to start with. Default: text mode, empty inputs. */
  initialQuery?: Partial<ExplorerQuery> | undefined;
  /** Run `initialQuery` at once instead of waiting for Search. Default: false. */
  searchOnMount?: boolean | undefined;
  /** Called with every query that runs (Search, random mode, find similar), e.g. to keep it in the URL. Default: none. */
  onSearch?: ((query: ExplorerQuery) => void) | undefined;
  /** Filter to start with (DSL). Default: none. */
  initialFilter?: FilterNode | undefined;
  /** Rows per search, and rows added by "load more". Default: 20. */
  limit?: number | undefined;
  /** Ms a deleted row can be restored. Default: 6000. */
  undoMs?: number | undefined;
  /** Most rows whose vectors are fetched for the projection. Default: 300. */
  projectionLimit?: number | undefined;
  /** Ms filter edits wait before searching. Default: 250. */
  filterDebounceMs?: number | undefined;
  /** Show the projection and histogram from the start (they fetch the results' vectors). Default: false. */
  defaultInsightsOpen?: boolean | undefined;
  /** Locale of the strings. Default: `'en'`. */
  locale?: Locale | undefined;
  /** Strings to replace. Default: none. */
  translations?: Partial<SearchExplorerMessages> | undefined;
}

const DEFAULT_QUERY: ExplorerQuery = {
  mode: 'text',
  vector: '',
  text: '',
  id: '',
  keywords: '',
  scalarField: '',
  scalarOrder: 'desc',
};

/** `'42'` → 42 (when a safe integer), else the text. */
export function toPrimaryKey(text: string): PrimaryKey {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
}

const isIntegerText = (text: string) => /^-?\d+$/.test(text.trim());

const sameId = (a: PrimaryKey | undefined, b: PrimaryKey | undefined) => a !== undefined && String(a) === String(b);

type SearchRequest = VectorSearchInput<AnyFields>;

/** The search to send for a query, or `undefined` while its input is missing or malformed. */
function requestFor(
  target: { collection: CollectionLocator; index: string },
  query: ExplorerQuery,
  common: {
    filter: FilterNode | undefined;
    outputFields: readonly string[] | undefined;
    limit: number;
    /** The primary key is an int64: an id that is not an integer is not sent. */
    integerIds: boolean;
  },
): SearchRequest | undefined {
  const shared = {
    ...target,
    limit: common.limit,
    ...(common.filter ? { filter: common.filter } : {}),
    ...(common.outputFields ? { outputFields: common.outputFields } : {}),
  };
  switch (query.mode) {
    case 'vector': {
      const denseVector = parseVector(query.vector);
      return denseVector ? { ...shared, mode: 'vector', denseVector } : undefined;
    }
    case 'text':
      return query.text.trim() ? { ...shared, mode: 'multiModal', text: query.text.trim() } : undefined;
    case 'id':
      if (!query.id.trim() || (common.integerIds && !isIntegerText(query.id))) return undefined;
      return { ...shared, mode: 'id', id: toPrimaryKey(query.id) };
    case 'keywords':
      return query.keywords.trim() ? { ...shared, mode: 'keywords', query: query.keywords.trim() } : undefined;
    case 'scalar':
      return query.scalarField
        ? { ...shared, mode: 'scalar', field: query.scalarField, order: query.scalarOrder }
        : undefined;
    case 'random':
      return { ...shared, mode: 'random' };
  }
}

function parseRawFilter(text: string): { filter: FilterNode | undefined; error: string | undefined } {
  if (!text.trim()) return { filter: undefined, error: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { filter: undefined, error: error instanceof Error ? error.message : String(error) };
  }
  const issues = filterIssues(value);
  if (issues.length > 0) return { filter: undefined, error: issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { filter: value as FilterNode, error: undefined };
}

/**
 * The SearchExplorer without any markup: query inputs for the six search modes, a filter builder (with a raw JSON
 * view), output fields, limit and load more, results with keyboard navigation, a detail selection, inline edit,
 * delete with undo, a PCA projection and a score histogram — all data through `vikingdb-kit/hooks`.
 * Returns state, actions and prop getters; render it any way you like, or use `<SearchExplorer />`.
 */
export function useSearchExplorer(options: UseSearchExplorerOptions) {
  const {
    collection,
    index,
    primaryKey: givenPrimaryKey,
    limit: pageSize = 20,
    undoMs = 6000,
    projectionLimit = 300,
    filterDebounceMs = 250,
  } = options;
  const t: Translate<SearchExplorerMessageKey> = useCatalog(
    searchExplorerCatalog,
    options.locale,
    options.translations,
  );
  const client = useVikingClient();
  const queryClient = useQueryClient();
  const target = useMemo(() => ({ collection, index }), [collection, index]);

  // --- query inputs and the submitted search ---
  const [query, setQueryState] = useState<ExplorerQuery>(() => ({ ...DEFAULT_QUERY, ...options.initialQuery }));
  const [submitted, setSubmitted] = useState<ExplorerQuery | undefined>(() =>
    options.searchOnMount ? { ...DEFAULT_QUERY, ...options.initialQuery } : undefined,
  );
  // The limit the user chose (a new search starts from it) and the limit in force ("Load more" adds a page to it).
  const [chosenLimit, setChosenLimit] = useState(pageSize);
  const [limit, setLimit] = useState(pageSize);
  const [outputFields, setOutputFields] = useState<readonly string[] | undefined>(undefined);

  // --- filter: builder tree or raw JSON ---
  const [filterView, setFilterViewState] = useState<'builder' | 'json'>('builder');
  const [filterDraft, setFilterDraft] = useState<GroupDraft>(
    () => draftFromFilter(options.initialFilter) ?? emptyGroup(),
  );
  const [rawFilterText, setRawFilterText] = useState('');
  const [filterNotice, setFilterNotice] = useState<string | undefined>(undefined);

  // --- selection, keyboard cursor, hover link, insights, undo ---
  const [activeIndex, setActiveIndex] = useState(0);
  const [selectedId, setSelectedId] = useState<PrimaryKey | undefined>(undefined);
  const [hoveredId, setHoveredId] = useState<PrimaryKey | undefined>(undefined);
  const [insightsOpen, setInsightsOpen] = useState(options.defaultInsightsOpen ?? false);
  const [pendingUndo, setPendingUndo] = useState<PendingUndo | undefined>(undefined);
  const [notice, setNotice] = useState<ExplorerNotice | undefined>(undefined);

  // --- fields ---
  const probe = useVectorSearch<AnyFields>(
    { ...target, mode: 'random', limit: 20, returnSchema: true },
    { enabled: !options.fields, staleTime: 5 * 60_000 },
  );
  const schemaFields = useMemo(() => fieldsFromSchema(probe.data?.schema), [probe.data?.schema]);
  const schemaKey = probe.data?.schema?.['primary_key'];
  const primaryKey = givenPrimaryKey ?? (typeof schemaKey === 'string' && schemaKey ? schemaKey : 'id');

  // --- the filter in force ---
  const rawParsed = useMemo(() => parseRawFilter(rawFilterText), [rawFilterText]);
  const probeItems = probe.data?.items;
  const knownFields = useMemo<FieldSpec[]>(() => {
    if (options.fields) return [...options.fields];
    return schemaFields ?? inferFields(probeItems ?? []);
  }, [options.fields, probeItems, schemaFields]);
  const built = useMemo(() => buildFilter(filterDraft, knownFields), [filterDraft, knownFields]);
  const liveFilter = filterView === 'json' ? rawParsed.filter : built.filter;
  const filter = useDebouncedValue(liveFilter, filterDebounceMs);
  const activeConditions = filterView === 'json' ? (liveFilter ? 1 : 0) : countConditions(filterDraft);

  // --- the search ---
  // The key's type from the schema (or the caller's fields): an int64 key takes only integers.
  const keyType = (options.fields ?? schemaFields)?.find((field) => field.name === primaryKey)?.type;
  const integerIds = keyType === 'int64';
  const request = submitted ? requestFor(target, submitted, { filter, outputFields, limit, integerIds }) : undefined;
  const search = useVectorSearch<AnyFields>(request ?? { ...target, mode: 'vector', denseVector: [] }, {
    enabled: request !== undefined,
  });
  const result: SearchResult<AnyFields> | undefined = request ? search.data : undefined;
  const items: ExplorerRow[] = useMemo(() => result?.items ?? [], [result]);

  const fields = useMemo<FieldSpec[]>(() => {
    if (options.fields) return [...options.fields];
    if (schemaFields)
      return schemaFields.map((field) => (field.name === primaryKey ? { ...field, editable: false } : field));
    const seen = inferFields(items);
    const merged = [...knownFields];
    for (const field of seen) if (!merged.some((f) => f.name === field.name)) merged.push(field);
    return merged.map((field) => (field.name === primaryKey ? { ...field, editable: false } : field));
  }, [options.fields, items, knownFields, primaryKey, schemaFields]);
  const filterableFields = useMemo(() => fields.filter(isFilterable), [fields]);
  const sortableFields = useMemo(() => fields.filter(isSortable), [fields]);

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
  const isLoadingMore = isRefreshing && search.isPlaceholderData && items.length < limit && items.length >= chosenLimit;
  const canLoadMore = status === 'success' && items.length >= limit;
  const queryProblem =
    query.mode === 'vector' && query.vector.trim() && !parseVector(query.vector)
      ? t('query.vectorInvalid')
      : query.mode === 'id' && integerIds && query.id.trim() && !isIntegerText(query.id)
        ? t('query.idNotInteger', { id: query.id.trim(), field: primaryKey })
        : undefined;
  const emptyReason =
    status !== 'empty'
      ? undefined
      : filter
        ? t('state.emptyFiltered')
        : submitted?.mode === 'id'
          ? t('state.emptyId', { id: submitted.id })
          : t('state.emptyGeneric');

  // --- detail: the stored row, all fields ---
  const selected = items.find((item) => sameId(item.id, selectedId));
  const stored = useFetchRows<AnyFields>(
    { collection, ids: selectedId === undefined ? [] : [selectedId] },
    { staleTime: 10_000 },
  );
  const storedRow = selectedId === undefined ? undefined : stored.data?.items.find((r) => sameId(r.id, selectedId));

  // --- insights: vectors of the results, projected; score histogram ---
  const projectionIds = useMemo(() => items.slice(0, projectionLimit).map((item) => item.id), [items, projectionLimit]);
  const vectors = useFetchIndexRows<AnyFields>(
    { ...target, ids: projectionIds, outputFields: [] },
    { enabled: insightsOpen, staleTime: 60_000 },
  );
  const vectorItems = vectors.data?.items;
  const projection = useMemo<ProjectedPoint<PrimaryKey>[]>(() => {
    if (!insightsOpen || !vectorItems) return [];
    const withVectors = vectorItems.flatMap((row) =>
      row.denseVector ? [{ id: row.id, vector: row.denseVector }] : [],
    );
    return projectPca(withVectors);
  }, [insightsOpen, vectorItems]);
  const bins = useMemo<HistogramBin[]>(
    () => (insightsOpen ? histogram(items.map((item) => item.score)) : []),
    [insightsOpen, items],
  );

  // --- mutations ---
  const update = useUpdate<AnyFields>({ collection, primaryKey });
  const remove = useDelete({ collection });
  const upsert = useUpsert<AnyFields>({ collection });

  useEffect(() => {
    if (!pendingUndo) return;
    const timer = setTimeout(() => setPendingUndo(undefined), undoMs);
    return () => clearTimeout(timer);
  }, [pendingUndo, undoMs]);

  // --- actions ---
  const setQuery = useCallback((patch: Partial<ExplorerQuery>) => setQueryState((q) => ({ ...q, ...patch })), []);

  const onSearch = useRef(options.onSearch);
  useEffect(() => {
    onSearch.current = options.onSearch;
  });

  const runQuery = useCallback(
    (next: ExplorerQuery) => {
      setQueryState(next);
      setSubmitted(next);
      onSearch.current?.(next);
      setLimit(chosenLimit);
      setActiveIndex(0);
    },
    [chosenLimit],
  );

  const submit = useCallback(() => runQuery(query), [query, runQuery]);

  const setMode = useCallback(
    (mode: ExplorerMode) => {
      if (mode === 'random') runQuery({ ...query, mode });
      else setQuery({ mode });
    },
    [query, runQuery, setQuery],
  );

  const findSimilar = useCallback(
    (id: PrimaryKey) => {
      runQuery({ ...query, mode: 'id', id: String(id) });
      setSelectedId(undefined);
    },
    [query, runQuery],
  );

  const pickRowVector = useCallback(
    async (id: PrimaryKey) => {
      const fetched = await queryClient.fetchQuery(
        fetchIndexRowsOptions<AnyFields>(client, { ...target, ids: [id], outputFields: [] }),
      );
      const vector = fetched.items[0]?.denseVector;
      if (vector) runQuery({ ...query, mode: 'vector', vector: formatVector(vector) });
    },
    [client, query, queryClient, runQuery, target],
  );

  const loadMore = useCallback(() => setLimit((n) => n + chosenLimit), [chosenLimit]);

  const select = useCallback((id: PrimaryKey | undefined) => setSelectedId(id), []);

  const setFilterView = useCallback(
    (view: 'builder' | 'json') => {
      if (view === filterView) return;
      if (view === 'json') {
        setRawFilterText(built.filter ? JSON.stringify(built.filter, null, 2) : '');
        setFilterNotice(undefined);
        setFilterViewState('json');
        return;
      }
      const draft = rawParsed.error ? undefined : draftFromFilter(rawParsed.filter);
      if (!draft) {
        setFilterNotice(t('filter.notRepresentable'));
        return;
      }
      setFilterDraft(draft);
      setFilterNotice(undefined);
      setFilterViewState('builder');
    },
    [built.filter, filterView, rawParsed, t],
  );

  const clearFilter = useCallback(() => {
    setFilterDraft(emptyGroup());
    setRawFilterText('');
    setFilterNotice(undefined);
  }, []);

  const updateField = useCallback(
    (id: PrimaryKey, field: string, value: unknown) =>
      update.mutateAsync({ rows: [{ [primaryKey]: id, [field]: value } as Partial<AnyFields>] }),
    [primaryKey, update],
  );

  const deleteRow = useCallback(
    async (id: PrimaryKey) => {
      try {
        // Keep the stored row (every field, vectors included) and its index vector, so undo can restore it exactly.
        const [rows, indexed] = await Promise.all([
          queryClient.fetchQuery(fetchRowsOptions<AnyFields>(client, { collection, ids: [id] })),
          queryClient.fetchQuery(fetchIndexRowsOptions<AnyFields>(client, { ...target, ids: [id], outputFields: [] })),
        ]);
        const found = rows.items[0];
        if (sameId(selectedId, id)) setSelectedId(undefined);
        await remove.mutateAsync({ target: { ids: [id] } });
        if (found) {
          setPendingUndo({
            id,
            row: { ...found.fields, [primaryKey]: found.id },
            denseVector: indexed.items[0]?.denseVector,
          });
        }
        setNotice({ kind: 'deleted', text: t('undo.deleted', { id: String(id) }) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setNotice({ kind: 'error', text: t('undo.failed', { id: String(id), message }) });
      }
    },
    [client, collection, primaryKey, queryClient, remove, selectedId, t, target],
  );

  const undoDelete = useCallback(async () => {
    if (!pendingUndo) return;
    const { id, row } = pendingUndo;
    setPendingUndo(undefined);
    await upsert.mutateAsync({ rows: [row as Partial<AnyFields>] });
    setNotice({ kind: 'restored', text: t('undo.restored', { id: String(id) }) });
  }, [pendingUndo, t, upsert]);

  const dismissUndo = useCallback(() => setPendingUndo(undefined), []);

  // --- prop getters ---
  const clampedActive = Math.min(activeIndex, Math.max(0, items.length - 1));
  const rowDomId = (i: number) => `vdb-row-${String(items[i]?.id ?? i)}`;

  const getFormProps = () => ({
    role: 'search' as const,
    'aria-label': t('explorer.label'),
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      submit();
    },
  });

  const getModeProps = (mode: ExplorerMode) => ({
    type: 'button' as const,
    'aria-pressed': query.mode === mode,
    onClick: () => setMode(mode),
  });

  const moveTo = (next: number) => setActiveIndex(Math.max(0, Math.min(items.length - 1, next)));

  const getListProps = (): HTMLAttributes<HTMLElement> => ({
    role: 'list',
    'aria-label': t('results.label'),
    'aria-busy': status === 'loading' || isRefreshing,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const page = 8;
      const keys: Record<string, () => void> = {
        ArrowDown: () => moveTo(clampedActive + 1),
        ArrowUp: () => moveTo(clampedActive - 1),
        PageDown: () => moveTo(clampedActive + page),
        PageUp: () => moveTo(clampedActive - page),
        Home: () => moveTo(0),
        End: () => moveTo(items.length - 1),
        Escape: () => setSelectedId(undefined),
      };
      const action = keys[event.key];
      if (action && items.length > 0) {
        event.preventDefault();
        action();
      }
    },
  });

  const getRowProps = (i: number): HTMLAttributes<HTMLElement> & { 'data-index': number } => {
    const item = items[i];
    return {
      id: rowDomId(i),
      role: 'listitem',
      'aria-posinset': i + 1,
      'aria-setsize': items.length,
      'data-index': i,
      onMouseEnter: () => setHoveredId(item?.id),
      onMouseLeave: () => setHoveredId(undefined),
    };
  };

  const getRowOpenProps = (i: number) => {
    const item = items[i];
    return {
      type: 'button' as const,
      tabIndex: i === clampedActive ? 0 : -1,
      'aria-expanded': item !== undefined && sameId(item.id, selectedId),
      onFocus: () => setActiveIndex(i),
      onClick: () => {
        setActiveIndex(i);
        setSelectedId(item?.id);
      },
    };
  };

  const getDetailProps = (): HTMLAttributes<HTMLElement> => ({
    role: 'region',
    'aria-label': t('detail.label', { id: String(selectedId ?? '') }),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        setSelectedId(undefined);
      }
    },
  });

  return {
    t,
    /** Inputs of every mode; `setQuery` patches them. */
    query,
    setQuery,
    setMode,
    submit,
    /** Why the current input cannot be searched (e.g. a malformed vector). */
    queryProblem,
    submitted,
    limit,
    /** Sets the limit of the next searches (and of the current one, which runs again). */
    setLimit: (n: number) => {
      const next = Math.max(1, Math.floor(n) || 1);
      setChosenLimit(next);
      setLimit(next);
    },
    pageSize: chosenLimit,
    loadMore,
    canLoadMore,
    isLoadingMore,

    fields,
    filterableFields,
    sortableFields,
    primaryKey,
    outputFields,
    setOutputFields,

    filterView,
    setFilterView,
    filterDraft,
    setFilterDraft,
    rawFilterText,
    setRawFilterText,
    rawFilterError: filterView === 'json' ? rawParsed.error : undefined,
    filterProblems: filterView === 'builder' ? built.problems : [],
    filterNotice,
    filter: liveFilter,
    activeConditions,
    clearFilter,

    status,
    error: search.error,
    retry: () => void search.refetch(),
    result,
    items,
    isRefreshing,
    emptyReason,

    activeIndex: clampedActive,
    setActiveIndex: moveTo,
    activeRowId: items.length > 0 ? rowDomId(clampedActive) : undefined,
    selectedId,
    select,
    selected,
    /** The selected row as stored (all fields), once fetched. */
    storedRow,
    hoveredId,
    setHoveredId,

    findSimilar,
    pickRowVector,
    updateField,
    isUpdating: update.isPending,
    updateError: update.error,
    deleteRow,
    pendingUndo,
    undoDelete,
    dismissUndo,
    notice,

    insightsOpen,
    setInsightsOpen,
    projection,
    projectionLoading: insightsOpen && vectors.isFetching && !vectorItems,
    bins,

    getFormProps,
    getModeProps,
    getListProps,
    getRowProps,
    getRowOpenProps,
    getDetailProps,
  };
}

/** Everything {@link useSearchExplorer} returns. */
export type SearchExplorerState = ReturnType<typeof useSearchExplorer>;
