import { useState } from 'react';
import type { DocInfo, KnowledgeLocator, MetaItem } from '../../client/knowledge/types';
import { useDoc, useUpdateDoc, useUpdateDocMeta } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
import { docStateOf, docTimeOf, type DocState } from './docState';
import type { KnowledgeDoc, Notify } from './types';

/** One tag row of the tag editor (values edited as text). */
export interface TagDraft {
  fieldName: string;
  /** The stored type (`string` for new tags). */
  fieldType: string | undefined;
  /** The value as text; non-string values are JSON. */
  value: string;
}

/** State of {@link useDocumentDetail}. */
export interface DocumentDetailState {
  /** The open document's id, or `null`. */
  docId: string | null;
  /** The open document (fresh from `doc/info`, else as listed); `undefined` while it loads or when it is gone. */
  doc: DocInfo | undefined;
  state: DocState | undefined;
  /** How long the document has been processing (ms since its last change); `undefined` unless processing. */
  processingMs: number | undefined;
  isLoading: boolean;
  error: unknown;
  /** The name draft of the rename field. */
  name: string;
  setName: (name: string) => void;
  /** Sends the name draft (`doc/update`). */
  rename: () => Promise<void>;
  isRenaming: boolean;
  /** The tag editor's rows. */
  tags: readonly TagDraft[];
  setTag: (index: number, change: Partial<Pick<TagDraft, 'fieldName' | 'value'>>) => void;
  addTag: () => void;
  removeTag: (index: number) => void;
  /** True when the tag rows differ from the stored tags. */
  tagsChanged: boolean;
  /** Sends every tag (`doc/update_meta` replaces the set). */
  saveTags: () => Promise<void>;
  isSavingTags: boolean;
}

function tagDraftsOf(meta: readonly MetaItem[]): TagDraft[] {
  return meta.map((tag) => ({
    fieldName: tag.fieldName,
    fieldType: tag.fieldType,
    value: typeof tag.fieldValue === 'string' ? tag.fieldValue : JSON.stringify(tag.fieldValue ?? ''),
  }));
}

/** A tag row back to a tag: the stored type is kept; a non-string type's value is read as JSON when it parses. */
function metaOf(draft: TagDraft): MetaItem {
  const type = draft.fieldType ?? 'string';
  let value: unknown = draft.value;
  if (type !== 'string') {
    try {
      value = JSON.parse(draft.value);
    } catch {
      value = draft.value;
    }
  }
  return { fieldName: draft.fieldName.trim(), fieldType: type, fieldValue: value };
}

const sameTags = (a: readonly TagDraft[], b: readonly TagDraft[]) =>
  a.length === b.length && a.every((tag, i) => tag.fieldName === b[i]!.fieldName && tag.value === b[i]!.value);

/** The open document: its info (polled while processing), rename and the tag editor. */
export function useDocumentDetail(
  collection: KnowledgeLocator,
  {
    docId,
    listed,
    now,
    stalledAfterMs,
    pollMs,
    notify,
  }: {
    docId: string | null;
    listed: KnowledgeDoc | undefined;
    now: number;
    stalledAfterMs: number;
    pollMs: number;
    notify: Notify;
  },
): DocumentDetailState {
  const query = useDoc({ collection, docId: docId ?? '', pollMs }, { enabled: docId !== null });
  const doc = docId === null ? undefined : (query.data ?? listed?.doc);
  const stored = doc ? tagDraftsOf(doc.meta) : [];
  // Drafts belong to one document: opening another starts from its stored name and tags.
  const [draft, setDraft] = useState<{
    docId: string | null;
    name?: string | undefined;
    tags?: TagDraft[] | undefined;
  }>({ docId });
  if (draft.docId !== docId) setDraft({ docId });
  const current = draft.docId === docId ? draft : { docId };
  const name = current.name ?? doc?.docName ?? '';
  const tags = current.tags ?? stored;
  const updateDoc = useUpdateDoc(collection);
  const updateMeta = useUpdateDocMeta(collection);

  const docState = doc ? docStateOf(doc, now, stalledAfterMs) : undefined;
  const setTags = (next: TagDraft[]) => setDraft({ ...current, tags: next });

  return {
    docId,
    doc,
    state: docState,
    processingMs:
      (docState === 'processing' || docState === 'stalled') && doc && docTimeOf(doc) !== undefined
        ? now - docTimeOf(doc)!
        : undefined,
    isLoading: docId !== null && doc === undefined && query.isPending,
    error: doc === undefined ? query.error : undefined,
    name,
    setName: (next) => setDraft({ ...current, name: next }),
    async rename() {
      const next = name.trim();
      if (docId === null || next === '' || next === doc?.docName) return;
      try {
        await updateDoc.mutateAsync({ params: { docId, docName: next } });
        setDraft((latest) => (latest.docId === docId ? { docId, tags: latest.tags } : latest));
        notify({ key: 'noticeRenamed', values: { name: next } });
      } catch (error) {
        notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');
      }
    },
    isRenaming: updateDoc.isPending,
    tags,
    setTag: (index, change) =>
      setTags(
        tags.map((tag, i) =>
          i !== index
            ? tag
            : {
                ...tag,
                ...(change.fieldName === undefined ? {} : { fieldName: change.fieldName }),
                ...(change.value === undefined ? {} : { value: change.value }),
              },
        ),
      ),
    addTag: () => setTags([...tags, { fieldName: '', fieldType: 'string', value: '' }]),
    removeTag: (index) => setTags(tags.filter((_, i) => i !== index)),
    tagsChanged: !sameTags(tags, stored),
    async saveTags() {
      if (docId === null) return;
      const meta = tags.filter((tag) => tag.fieldName.trim() !== '').map(metaOf);
      try {
        await updateMeta.mutateAsync({ params: { docId, meta } });
        setDraft((latest) => (latest.docId === docId ? { docId, name: latest.name } : latest));
        notify({ key: 'noticeTagsSaved' });
      } catch (error) {
        notify({ key: 'noticeFailed', values: { message: describeError(error).message } }, 'error');
      }
    },
    isSavingTags: updateMeta.isPending,
  };
}
