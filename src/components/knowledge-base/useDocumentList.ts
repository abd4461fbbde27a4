import { useMemo, useState } from 'react';
import type { KnowledgeLocator } from '../../client/knowledge/types';
import { useDocs } from '../../hooks/index';
import { docStateOf, type DocState } from './docState';
import type { KnowledgeDoc } from './types';

/** The status filter: one {@link DocState}, or every document. */
export type DocStatusFilter = DocState | 'all';

/** Where the document list is. */
export type DocListStatus = 'loading' | 'error' | 'empty' | 'ready';

/** State of {@link useDocumentList}. */
export interface DocumentListState {
  status: DocListStatus;
  /** The load error when `status` is `error`. */
  error: unknown;
  /** Every document, newest first. */
  all: readonly KnowledgeDoc[];
  /** The documents the filters keep, in list order. */
  items: readonly KnowledgeDoc[];
  /** Name search (case-insensitive substring). Default `''`. */
  search: string;
  setSearch: (search: string) => void;
  statusFilter: DocStatusFilter;
  setStatusFilter: (status: DocStatusFilter) => void;
  /** A tag as `name: value` (see {@link tagLabel}), or `''` for every tag. */
  tagFilter: string;
  setTagFilter: (tag: string) => void;
  /** Every tag on a document, as `name: value`, sorted. */
  tagOptions: readonly string[];
  /** Documents that failed or stalled (what "re-run failed" re-runs). */
  failed: readonly KnowledgeDoc[];
  /** True while a processing document is being polled. */
  isPolling: boolean;
  refetch: () => void;
}

/** A tag as the filter shows it: `name: value`. */
export function tagLabel(tag: { fieldName: string; fieldValue?: unknown }): string {
  const value = tag.fieldValue;
  return `${tag.fieldName}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/**
 * Every document of the collection (one `doc/list` of all, so the list, filters and counts are exact), polled every
 * `pollMs` while one is processing; filtered by name, state and tag.
 */
export function useDocumentList(
  collection: KnowledgeLocator,
  { now, stalledAfterMs, pollMs }: { now: number; stalledAfterMs: number; pollMs: number },
): DocumentListState {
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<DocStatusFilter>('all');
  const [tagFilter, setTagFilter] = useState('');
  const [isPolling, setPolling] = useState(false);
  const query = useDocs({ collection, limit: -1 }, { refetchInterval: isPolling ? pollMs : false });
  const docs = query.data?.items;

  const all = useMemo<KnowledgeDoc[]>(() => {
    const list = (docs ?? [])
      .filter((doc) => doc.docId !== undefined)
      .map((doc) => ({ id: doc.docId!, doc, state: docStateOf(doc, now, stalledAfterMs) }));
    return list.sort((a, b) => (b.doc.createTime ?? 0) - (a.doc.createTime ?? 0) || a.id.localeCompare(b.id));
  }, [docs, now, stalledAfterMs]);

  const anyProcessing = all.some((item) => item.state === 'processing' || item.state === 'stalled');
  if (anyProcessing !== isPolling) setPolling(anyProcessing);

  const tagOptions = useMemo(() => {
    const tags = new Set<string>();
    for (const item of all) for (const tag of item.doc.meta) tags.add(tagLabel(tag));
    return [...tags].sort();
  }, [all]);

  const items = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return all.filter(
      (item) =>
        (statusFilter === 'all' || item.state === statusFilter) &&
        (tagFilter === '' || item.doc.meta.some((tag) => tagLabel(tag) === tagFilter)) &&
        (needle === '' || (item.doc.docName ?? item.id).toLowerCase().includes(needle)),
    );
  }, [all, search, statusFilter, tagFilter]);

  const failed = useMemo(() => all.filter((item) => item.state === 'failed' || item.state === 'stalled'), [all]);
  const status: DocListStatus = query.isError
    ? 'error'
    : query.isPending
      ? 'loading'
      : all.length === 0
        ? 'empty'
        : 'ready';

  return {
    status,
    error: query.error,
    all,
    items,
    search,
    setSearch,
    statusFilter,
    setStatusFilter,
    tagFilter,
    setTagFilter,
    tagOptions,
    failed,
    isPolling,
    refetch: () => void query.refetch(),
  };
}
