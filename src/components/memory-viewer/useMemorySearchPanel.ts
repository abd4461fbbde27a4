import { useState } from 'react';
import type { MemoryItem, MemoryLocator, MemorySearchParams } from '../../client/memory/types';
import { useMemorySearch } from '../../hooks/index';
import { compact } from './compact';
import { epochOfLocalInput } from './timeInput';
import type { MessageRef } from './types';
import { viewStateOf, type ViewState } from './viewState';

/** The search form as typed (`from`/`to` are `datetime-local` values; empty = not set). */
export interface SearchFields {
  query: string;
  userId: string;
  assistantId: string;
  groupId: string;
  from: string;
  to: string;
}

/** State and actions of the memory search tab. */
export interface MemorySearchPanel {
  fields: SearchFields;
  /** Memory types to search; empty = all. */
  memoryTypes: readonly string[];
  view: ViewState;
  /** Why the list is empty or idle, to show as is. */
  reason: MessageRef | undefined;
  /** Ranked results, best first. */
  results: readonly MemoryItem[];
  /** The request id of the answer on screen. */
  requestId: string | undefined;
  setField: (name: keyof SearchFields, value: string) => void;
  toggleType: (type: string) => void;
  /** Runs the search now (also with an empty query: newest memories first). */
  submit: () => void;
  clearFilters: () => void;
  refetch: () => void;
}

/** Inputs of {@link useMemorySearchPanel}. */
export interface MemorySearchPanelOptions {
  collection: MemoryLocator;
  userId: string | undefined;
  assistantId: string | undefined;
  limit: number;
  debounceMs: number;
}

/**
 * Memory search (events and profiles together) with filters. Idle until the user types a query or submits; then
 * searches as the form changes (debounced), keeping the previous results on screen while the next load.
 */
export function useMemorySearchPanel(options: MemorySearchPanelOptions): MemorySearchPanel {
  const initial: SearchFields = {
    query: '',
    userId: options.userId ?? '',
    assistantId: options.assistantId ?? '',
    groupId: '',
    from: '',
    to: '',
  };
  const [fields, setFields] = useState<SearchFields>(initial);
  const [memoryTypes, setMemoryTypes] = useState<readonly string[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const query = fields.query.trim();
  const filter = compact({
    userId: fields.userId.trim(),
    assistantId: fields.assistantId.trim(),
    groupId: fields.groupId.trim(),
    memoryType: memoryTypes,
    startTime: epochOfLocalInput(fields.from),
    endTime: epochOfLocalInput(fields.to),
  });
  const params: MemorySearchParams = compact({ query, limit: options.limit });
  if (Object.keys(filter).length > 0) params.filter = filter;
  const enabled = submitted || query !== '';
  const result = useMemorySearch(
    { collection: options.collection, ...params },
    { enabled, debounceMs: options.debounceMs },
  );
  const results = enabled ? (result.data?.items ?? []) : [];
  const view = viewStateOf(result, results.length, enabled);
  const reason: MessageRef | undefined =
    view.status === 'idle'
      ? { key: 'searchIdle' }
      : view.status === 'empty'
        ? query === ''
          ? { key: 'searchEmptyFilters' }
          : { key: 'searchEmptyQuery', values: { query } }
        : undefined;

  return {
    fields,
    memoryTypes,
    view,
    reason,
    results,
    requestId: enabled ? result.data?.requestId : undefined,
    setField: (name, value) => setFields((current) => ({ ...current, [name]: value })),
    toggleType: (type) =>
      setMemoryTypes((list) => (list.includes(type) ? list.filter((t) => t !== type) : [...list, type])),
    submit: () => {
      if (submitted) void result.refetch();
      setSubmitted(true);
    },
    clearFilters: () => {
      setFields((current) => ({ ...initial, query: current.query }));
      setMemoryTypes([]);
    },
    refetch: () => void result.refetch(),
  };
}
