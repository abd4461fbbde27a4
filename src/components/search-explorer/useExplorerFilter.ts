import { useCallback, useMemo, useState } from 'react';
import { filterIssues, type FilterNode } from '../../client/vector/filter';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { ExplorerMessage } from './explorerTypes';
import type { FieldSpec } from './fieldTypes';
import { buildFilter, countConditions, draftFromFilter, emptyGroup, type GroupDraft } from './filterDraft';

/** How the filter is edited: the tree builder or raw JSON. */
export type FilterView = 'builder' | 'json';

/** State and actions of the filter editor ({@link useExplorerFilter}). */
export interface ExplorerFilterState {
  /** The editor shown. */
  view: FilterView;
  /** Switches editor; raw JSON the builder cannot show keeps the JSON view and sets `notice`. */
  setView: (view: FilterView) => void;
  /** The builder's tree. */
  draft: GroupDraft;
  setDraft: (draft: GroupDraft) => void;
  /** The raw JSON text. */
  rawText: string;
  setRawText: (text: string) => void;
  /** Why the raw JSON is not a filter (JSON view only). */
  rawError: string | undefined;
  /** Conditions the builder cannot send yet, e.g. a range without bounds (builder view only). */
  problems: readonly string[];
  /** Why the view did not switch. */
  notice: ExplorerMessage | undefined;
  /** The filter as edited right now. */
  live: FilterNode | undefined;
  /** The filter in force: `live` once edits pause for the debounce. */
  applied: FilterNode | undefined;
  /** Conditions in force (a JSON filter counts as one). */
  activeConditions: number;
  /** Empties the builder and the JSON text. */
  clear: () => void;
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
 * The filter editor: an and/or tree of conditions over `fields`, or raw JSON checked against the filter DSL. Edits
 * apply after `debounceMs` (default 250) of quiet.
 */
export function useExplorerFilter(options: {
  fields: readonly FieldSpec[];
  initialFilter?: FilterNode | undefined;
  debounceMs?: number | undefined;
}): ExplorerFilterState {
  const { fields } = options;
  const [view, setViewState] = useState<FilterView>('builder');
  const [draft, setDraft] = useState<GroupDraft>(() => draftFromFilter(options.initialFilter) ?? emptyGroup());
  const [rawText, setRawText] = useState('');
  const [notice, setNotice] = useState<ExplorerMessage | undefined>(undefined);

  const raw = useMemo(() => parseRawFilter(rawText), [rawText]);
  const built = useMemo(() => buildFilter(draft, fields), [draft, fields]);
  const live = view === 'json' ? raw.filter : built.filter;
  const applied = useDebouncedValue(live, options.debounceMs ?? 250);

  const setView = useCallback(
    (next: FilterView) => {
      if (next === view) return;
      if (next === 'json') {
        setRawText(built.filter ? JSON.stringify(built.filter, null, 2) : '');
        setNotice(undefined);
        setViewState('json');
        return;
      }
      const fromJson = raw.error ? undefined : draftFromFilter(raw.filter);
      if (!fromJson) {
        setNotice({ key: 'filter.notRepresentable' });
        return;
      }
      setDraft(fromJson);
      setNotice(undefined);
      setViewState('builder');
    },
    [built.filter, raw, view],
  );

  const clear = useCallback(() => {
    setDraft(emptyGroup());
    setRawText('');
    setNotice(undefined);
  }, []);

  return {
    view,
    setView,
    draft,
    setDraft,
    rawText,
    setRawText,
    rawError: view === 'json' ? raw.error : undefined,
    problems: view === 'builder' ? built.problems : [],
    notice,
    live,
    applied,
    activeConditions: view === 'json' ? (live ? 1 : 0) : countConditions(draft),
    clear,
  };
}
