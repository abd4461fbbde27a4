import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  isIntegerText,
  queryFrom,
  type ExplorerMessage,
  type ExplorerMode,
  type ExplorerQuery,
  type ExplorerQueryInit,
} from './explorerTypes';
import { parseVector } from './parseVector';

/** State and actions of the query inputs ({@link useExplorerQuery}). */
export interface ExplorerQueryState {
  /** Inputs of every mode. */
  query: ExplorerQuery;
  /** Patches the inputs (nothing runs until `submit`). */
  setQuery: (patch: Partial<ExplorerQuery>) => void;
  /** Switches mode; `random` runs at once (it has no input). */
  setMode: (mode: ExplorerMode) => void;
  /** Runs the current inputs. */
  submit: () => void;
  /** Runs `next` (and shows it in the inputs): find similar, a vector taken from a row. */
  run: (next: ExplorerQuery) => void;
  /** The query that last ran; `undefined` before the first search. */
  submitted: ExplorerQuery | undefined;
  /** Why the current input cannot be searched (a malformed vector, an id an int64 key cannot take). */
  problem: ExplorerMessage | undefined;
  /** Rows asked for now (the chosen limit plus what "Load more" added). */
  limit: number;
  /** The limit the user chose: each new search starts from it, and "Load more" adds this many. */
  pageSize: number;
  /** Sets the limit of the next searches (and of the current one, which runs again). */
  setLimit: (limit: number) => void;
  /** Asks for `pageSize` more rows. */
  loadMore: () => void;
  /** Fields the search returns; `undefined` = all (no `output_fields` sent). */
  outputFields: readonly string[] | undefined;
  setOutputFields: (fields: readonly string[] | undefined) => void;
  /** Props of the search `<form>`: submitting runs the inputs (add an `aria-label`). */
  getFormProps: () => { role: 'search'; onSubmit: (event: FormEvent) => void };
  /** Props of a mode switch button. */
  getModeProps: (mode: ExplorerMode) => { type: 'button'; 'aria-pressed': boolean; onClick: () => void };
}

/** Options of {@link useExplorerQuery}. */
export interface ExplorerQueryOptions {
  /** Inputs to start with. Default: `multiModal` mode, empty inputs. */
  initialQuery?: ExplorerQueryInit | undefined;
  /** Run `initialQuery` at once. Default: false. */
  searchOnMount?: boolean | undefined;
  /** Called with every query that runs. Default: none. */
  onSearch?: ((query: ExplorerQuery) => void) | undefined;
  /** Rows per search and per "Load more". Default: 20. */
  pageSize?: number | undefined;
  /** Name of the primary key (for the int64 message). */
  primaryKey: string;
  /** The primary key is an int64. */
  integerIds: boolean;
}

/** The query inputs of the six modes, the query that ran, the limit and the output fields. */
export function useExplorerQuery(options: ExplorerQueryOptions): ExplorerQueryState {
  const { primaryKey, integerIds } = options;
  const [query, setQueryState] = useState<ExplorerQuery>(() => queryFrom(options.initialQuery));
  const [submitted, setSubmitted] = useState<ExplorerQuery | undefined>(() =>
    options.searchOnMount ? queryFrom(options.initialQuery) : undefined,
  );
  // The limit the user chose (a new search starts from it) and the limit in force ("Load more" adds a page to it).
  const [pageSize, setPageSize] = useState(options.pageSize ?? 20);
  const [limit, setLimitState] = useState(pageSize);
  const [outputFields, setOutputFields] = useState<readonly string[] | undefined>(undefined);

  const onSearch = useRef(options.onSearch);
  useEffect(() => {
    onSearch.current = options.onSearch;
  });

  const setQuery = useCallback((patch: Partial<ExplorerQuery>) => setQueryState((q) => ({ ...q, ...patch })), []);

  const run = useCallback(
    (next: ExplorerQuery) => {
      setQueryState(next);
      setSubmitted(next);
      onSearch.current?.(next);
      setLimitState(pageSize);
    },
    [pageSize],
  );

  const submit = useCallback(() => run(query), [query, run]);

  const setMode = useCallback(
    (mode: ExplorerMode) => {
      if (mode === 'random') run({ ...query, mode });
      else setQuery({ mode });
    },
    [query, run, setQuery],
  );

  const setLimit = useCallback((n: number) => {
    const next = Math.max(1, Math.floor(n) || 1);
    setPageSize(next);
    setLimitState(next);
  }, []);

  const loadMore = useCallback(() => setLimitState((n) => n + pageSize), [pageSize]);

  const problem: ExplorerMessage | undefined =
    query.mode === 'vector' && query.vector.trim() && !parseVector(query.vector)
      ? { key: 'query.vectorInvalid' }
      : query.mode === 'id' && integerIds && query.id.trim() && !isIntegerText(query.id)
        ? { key: 'query.idNotInteger', values: { id: query.id.trim(), field: primaryKey } }
        : undefined;

  return {
    query,
    setQuery,
    setMode,
    submit,
    run,
    submitted,
    problem,
    limit,
    pageSize,
    setLimit,
    loadMore,
    outputFields,
    setOutputFields,
    getFormProps: () => ({
      role: 'search',
      onSubmit: (event) => {
        event.preventDefault();
        submit();
      },
    }),
    getModeProps: (mode) => ({ type: 'button', 'aria-pressed': query.mode === mode, onClick: () => setMode(mode) }),
  };
}
