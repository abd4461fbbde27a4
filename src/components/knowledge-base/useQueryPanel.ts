import { useState, type FormEvent } from 'react';
import type { KnowledgeLocator, PointInfo } from '../../client/knowledge/types';
import { useKnowledgeSearch } from '../../hooks/index';

/** State of {@link useQueryPanel}. */
export interface QueryPanelState {
  /** The query field's draft. */
  draft: string;
  setDraft: (query: string) => void;
  /** The query that ran (the results are for it); `''` before the first run. */
  query: string;
  /** Results to ask for. Default 10. */
  limit: number;
  setLimit: (limit: number) => void;
  /** Rerank the retrieved chunks (`post_processing.rerank_switch`). Default true. */
  rerank: boolean;
  setRerank: (rerank: boolean) => void;
  status: 'idle' | 'loading' | 'error' | 'empty' | 'ready';
  error: unknown;
  /** Ranked chunks, best first. */
  items: readonly PointInfo[];
  /** The rewritten query, when the service rewrote it. */
  rewriteQuery: string | undefined;
  /** True while a newer run loads over the shown results. */
  isStale: boolean;
  /** Runs the draft. */
  run: () => void;
  /** Spread on the query form. */
  getFormProps: () => { onSubmit: (event: FormEvent) => void };
}

/** "Try a query": `search_knowledge` over the collection, ranked chunks with their scores and rerank scores. */
export function useQueryPanel(collection: KnowledgeLocator): QueryPanelState {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(10);
  const [rerank, setRerank] = useState(true);
  const search = useKnowledgeSearch({ collection, query, limit, postProcessing: { rerankSwitch: rerank } });
  const items = search.data?.items ?? [];
  const run = () => setQuery(draft.trim());
  return {
    draft,
    setDraft,
    query,
    limit,
    setLimit: (next) => setLimit(Math.min(200, Math.max(1, Math.round(next) || 1))),
    rerank,
    setRerank,
    status:
      query === ''
        ? 'idle'
        : search.isError
          ? 'error'
          : search.isPending
            ? 'loading'
            : items.length === 0
              ? 'empty'
              : 'ready',
    error: search.error,
    items,
    rewriteQuery: search.data?.rewriteQuery || undefined,
    isStale: search.isFetching || search.isPlaceholderData,
    run,
    getFormProps: () => ({
      onSubmit: (event) => {
        event.preventDefault();
        run();
      },
    }),
  };
}
