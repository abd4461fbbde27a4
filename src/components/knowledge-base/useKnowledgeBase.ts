import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { KnowledgeLocator } from '../../client/knowledge/types';
import { DOC_POLL_MS, useAddDoc, useDeleteDoc } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
import { DEFAULT_STALLED_AFTER_MS } from './docState';
import type {
  KnowledgeBaseMessageRef,
  KnowledgeBaseNotice,
  KnowledgeBasePane,
  KnowledgeDoc,
  UseKnowledgeBaseOptions,
} from './types';
import { useDocDeletes, type DocDeletesState } from './useDocDeletes';
import { useDocumentDetail, type DocumentDetailState } from './useDocumentDetail';
import { useDocumentList, type DocumentListState } from './useDocumentList';
import { useDocumentUpload, type DocumentUploadState } from './useDocumentUpload';
import { usePointsEditor, type PointsEditorState } from './usePointsEditor';
import { useQueryPanel, type QueryPanelState } from './useQueryPanel';

/** The panes as their tabs list them. */
export const KNOWLEDGE_BASE_PANES: readonly KnowledgeBasePane[] = ['document', 'query'];

/** How often "now" advances, so a processing document turns stalled without a refetch. */
const CLOCK_MS = 15_000;

/** State and prop getters of {@link useKnowledgeBase}. */
export interface KnowledgeBaseState {
  collection: KnowledgeLocator;
  /** A display name of the collection. */
  collectionName: string;
  /** The document list with its filters (documents being deleted are left out). */
  list: DocumentListState;
  /** Adding files and URLs, with per-entry progress. */
  upload: DocumentUploadState;
  /** The open document. */
  detail: DocumentDetailState;
  /** The open document's points. */
  points: PointsEditorState;
  /** "Try a query". */
  query: QueryPanelState;
  /** Deleted documents whose undo window is open. */
  deletes: DocDeletesState;
  /** The last notice, or `undefined`. */
  notice: KnowledgeBaseNotice | undefined;
  dismissNotice: () => void;
  /** The open document's id, or `null`. */
  selectedDocId: string | null;
  /** Opens a document (and its pane), or closes it with `null`. */
  selectDoc: (docId: string | null) => void;
  /** The shown pane. */
  pane: KnowledgeBasePane;
  setPane: (pane: KnowledgeBasePane) => void;
  /** The list's keyboard cursor (index into `list.items`), `-1` when the list is empty. */
  activeIndex: number;
  /** Deletes the open document with undo. */
  deleteSelected: () => void;
  /** Re-imports a failed or stalled document from its source (the file added here, or its URL). */
  rerun: (doc: KnowledgeDoc) => Promise<void>;
  /** Re-runs every failed or stalled document whose source is known. */
  rerunFailed: () => Promise<void>;
  /** Whether a re-run can find the document's content. */
  canRerun: (doc: KnowledgeDoc) => boolean;
  /** Spread on the document list (a listbox; arrows, Home/End move, Enter opens). */
  getListProps: (label: string) => {
    id: string;
    role: 'listbox';
    tabIndex: 0;
    'aria-label': string;
    'aria-activedescendant': string | undefined;
    onKeyDown: (event: KeyboardEvent) => void;
  };
  /** Spread on a document row. */
  getOptionProps: (
    item: KnowledgeDoc,
    index: number,
  ) => {
    id: string;
    role: 'option';
    'aria-selected': boolean;
    'aria-posinset': number;
    'aria-setsize': number;
    'data-active': boolean;
    onClick: () => void;
  };
  /** Spread on a pane tab. */
  getTabProps: (pane: KnowledgeBasePane) => {
    id: string;
    role: 'tab';
    'aria-selected': boolean;
    'aria-controls': string;
    tabIndex: 0 | -1;
    onClick: () => void;
    onKeyDown: (event: KeyboardEvent) => void;
  };
  /** Spread on a pane. */
  getTabPanelProps: (pane: KnowledgeBasePane) => {
    id: string;
    role: 'tabpanel';
    'aria-labelledby': string;
    hidden: boolean;
  };
}

function nameOf(collection: KnowledgeLocator): string {
  if (typeof collection === 'string') return collection;
  return collection.collection_name ?? collection.resource_id ?? '';
}

const HTTP_URL = /^https?:\/\//i;

/** A clock that ticks every `ms` (state, so renders stay pure). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * The headless KnowledgeBase manager: the document list (filters, polling, stalled detection), adding documents,
 * the open document (info, rename, tags, delete with undo, re-run), its points and "Try a query". Needs
 * `QueryClientProvider` + `VikingProvider` above it.
 *
 * @example const kb = useKnowledgeBase({ collection: 'demo_kb' }); kb.list.items.map(…)
 */
export function useKnowledgeBase(options: UseKnowledgeBaseOptions): KnowledgeBaseState {
  const {
    collection,
    selectedDocId: controlledId,
    onSelectDoc,
    defaultSelectedDocId = null,
    stalledAfterMs = DEFAULT_STALLED_AFTER_MS,
    pollMs = DOC_POLL_MS,
    upload: hostFile,
    undoMs = 5000,
    initialPane = 'document',
  } = options;
  const id = useId();
  const now = useNow(Math.min(CLOCK_MS, stalledAfterMs));
  const [notice, setNotice] = useState<KnowledgeBaseNotice | undefined>(undefined);
  const noticeCounter = useRef(0);
  const notify = (message: KnowledgeBaseMessageRef, tone: KnowledgeBaseNotice['tone'] = 'info') => {
    noticeCounter.current += 1;
    setNotice({ ...message, id: noticeCounter.current, tone });
  };

  const [ownId, setOwnId] = useState<string | null>(defaultSelectedDocId);
  const selectedDocId = controlledId === undefined ? ownId : controlledId;
  const [pane, setPane] = useState<KnowledgeBasePane>(initialPane);
  const selectDoc = (docId: string | null) => {
    if (controlledId === undefined) setOwnId(docId);
    onSelectDoc?.(docId);
    if (docId !== null) setPane('document');
  };

  const deletes = useDocDeletes(collection, { undoMs, notify });
  const fullList = useDocumentList(collection, { now, stalledAfterMs, pollMs });
  const list: DocumentListState = {
    ...fullList,
    all: fullList.all.filter((item) => !deletes.pendingIds.has(item.id)),
    items: fullList.items.filter((item) => !deletes.pendingIds.has(item.id)),
    failed: fullList.failed.filter((item) => !deletes.pendingIds.has(item.id)),
  };
  if (list.status === 'ready' && list.all.length === 0) list.status = 'empty';

  const upload = useDocumentUpload(collection, { docs: fullList.all, upload: hostFile, notify });
  const listed = list.all.find((item) => item.id === selectedDocId);
  const openId = selectedDocId !== null && deletes.pendingIds.has(selectedDocId) ? null : selectedDocId;
  const detail = useDocumentDetail(collection, { docId: openId, listed, now, stalledAfterMs, pollMs, notify });
  const points = usePointsEditor(collection, { docId: openId, notify });
  const query = useQueryPanel(collection);
  const addDoc = useAddDoc(collection);
  const deleteDoc = useDeleteDoc(collection);

  const [activeId, setActiveId] = useState<string | null>(null);
  const items = list.items;
  const found = items.findIndex((item) => item.id === (activeId ?? selectedDocId));
  const activeIndex = items.length === 0 ? -1 : found >= 0 ? found : 0;
  const optionId = (docId: string) => `${id}-doc-${docId}`;

  const sourceOf = (item: KnowledgeDoc): string | undefined => {
    const known = upload.sourceOf(item.id);
    if (known) return known;
    return item.doc.url && HTTP_URL.test(item.doc.url) ? item.doc.url : undefined;
  };

  const rerun = async (item: KnowledgeDoc) => {
    const uri = sourceOf(item);
    if (uri === undefined) {
      notify({ key: 'rerunUnavailable' }, 'error');
      return;
    }
    const { doc } = item;
    try {
      await deleteDoc.mutateAsync({ params: item.id });
      await addDoc.mutateAsync({
        params: {
          docId: item.id,
          uri,
          ...(doc.docName === undefined ? {} : { docName: doc.docName }),
          ...(doc.docType ? { docType: doc.docType } : {}),
          ...(doc.description === undefined ? {} : { description: doc.description }),
          ...(doc.meta.length > 0 ? { tagList: doc.meta } : {}),
        },
      });
      notify({ key: 'noticeRerun', values: { name: doc.docName ?? item.id } });
    } catch (error) {
      notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');
    }
  };

  const moveTo = (index: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, index))];
    if (item) setActiveId(item.id);
  };

  const tabId = (tab: KnowledgeBasePane) => `${id}-tab-${tab}`;
  const panelId = (tab: KnowledgeBasePane) => `${id}-panel-${tab}`;

  return {
    collection,
    collectionName: nameOf(collection),
    list,
    upload,
    detail,
    points,
    query,
    deletes,
    notice,
    dismissNotice: () => setNotice(undefined),
    selectedDocId: openId,
    selectDoc,
    pane,
    setPane,
    activeIndex,
    deleteSelected: () => {
      if (listed) {
        deletes.remove(listed);
        selectDoc(null);
      }
    },
    rerun,
    rerunFailed: async () => {
      for (const item of list.failed) if (sourceOf(item) !== undefined) await rerun(item);
    },
    canRerun: (item) => sourceOf(item) !== undefined,
    getListProps: (label) => ({
      id: `${id}-list`,
      role: 'listbox',
      tabIndex: 0,
      'aria-label': label,
      'aria-activedescendant': activeIndex >= 0 ? optionId(items[activeIndex]!.id) : undefined,
      onKeyDown: (event) => {
        const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
        if (step !== undefined) moveTo(activeIndex + step);
        else if (event.key === 'Home') moveTo(0);
        else if (event.key === 'End') moveTo(items.length - 1);
        else if ((event.key === 'Enter' || event.key === ' ') && activeIndex >= 0) selectDoc(items[activeIndex]!.id);
        else return;
        event.preventDefault();
      },
    }),
    getOptionProps: (item, index) => ({
      id: optionId(item.id),
      role: 'option',
      'aria-selected': item.id === openId,
      'aria-posinset': index + 1,
      'aria-setsize': items.length,
      'data-active': index === activeIndex,
      onClick: () => {
        setActiveId(item.id);
        selectDoc(item.id);
      },
    }),
    getTabProps: (tab) => ({
      id: tabId(tab),
      role: 'tab',
      'aria-selected': pane === tab,
      'aria-controls': panelId(tab),
      tabIndex: pane === tab ? 0 : -1,
      onClick: () => setPane(tab),
      onKeyDown: (event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        const next = KNOWLEDGE_BASE_PANES[(KNOWLEDGE_BASE_PANES.indexOf(tab) + 1) % KNOWLEDGE_BASE_PANES.length]!;
        setPane(next);
        document.getElementById(tabId(next))?.focus();
      },
    }),
    getTabPanelProps: (tab) => ({
      id: panelId(tab),
      role: 'tabpanel',
      'aria-labelledby': tabId(tab),
      hidden: pane !== tab,
    }),
  };
}
