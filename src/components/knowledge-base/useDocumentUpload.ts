import { useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from 'react';
import type { KnowledgeLocator } from '../../client/knowledge/types';
import { useAddDoc } from '../../hooks/index';
import { describeError } from '../primitives/describeError';
import { docTypeOf, nameOfUrl } from './docType';
import { readDataUri } from './readDataUri';
import type { KnowledgeDoc, Notify } from './types';

/** Where one added file or URL is: read, sent, then the document's own processing state. */
export type UploadPhase = 'reading' | 'uploading' | 'processing' | 'stalled' | 'done' | 'failed';

/** One file or URL being added. */
export interface UploadEntry {
  id: string;
  name: string;
  phase: UploadPhase;
  /** Progress of the current phase in [0, 1] (reading the file); 1 once sent. */
  progress: number;
  /** The new document's id, once the service answered. */
  docId: string | undefined;
  /** Chunks of the processed document. */
  pointCount: number | undefined;
  /** Why it failed (read, upload or processing). */
  message: string | undefined;
}

/** State of {@link useDocumentUpload}. */
export interface DocumentUploadState {
  /** Files and URLs added in this session, newest first. */
  entries: readonly UploadEntry[];
  /** Adds files: each is read as a `data:` URI (or hosted by `upload`) and imported. */
  addFiles: (files: Iterable<File>) => Promise<void>;
  /** Imports a document from an `http(s)` URL. */
  addUrl: (url: string) => Promise<void>;
  /** The URL field's draft. */
  url: string;
  setUrl: (url: string) => void;
  /** Why the URL draft was refused (`urlInvalid`), until it changes. */
  urlError: boolean;
  /** Removes a finished entry from the list. */
  dismiss: (id: string) => void;
  /** True while files are dragged over the drop zone. */
  isDragging: boolean;
  /** The source a document of this session was added from (for a re-run), if known. */
  sourceOf: (docId: string) => string | undefined;
  /** Spread on the drop zone. */
  getDropZoneProps: () => {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
  /** Spread on the `<input type="file">`. */
  getFileInputProps: () => { type: 'file'; multiple: true; onChange: (event: ChangeEvent<HTMLInputElement>) => void };
  /** Spread on the add-by-URL form. */
  getUrlFormProps: () => { onSubmit: (event: FormEvent) => void };
}

interface Draft {
  id: string;
  name: string;
  step: 'reading' | 'uploading' | 'sent' | 'failed';
  progress: number;
  docId: string | undefined;
  message: string | undefined;
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/** The phase an entry shows: its own step until sent, then its document's state. */
function phaseOf(draft: Draft, doc: KnowledgeDoc | undefined): UploadPhase {
  if (draft.step === 'reading' || draft.step === 'uploading' || draft.step === 'failed') return draft.step;
  return doc?.state ?? 'processing';
}

/**
 * Adds documents by drag-and-drop, file picker or URL and follows each through reading, sending and processing
 * (the processing state comes from the polled document list, `docs`).
 */
export function useDocumentUpload(
  collection: KnowledgeLocator,
  {
    docs,
    upload,
    notify,
  }: { docs: readonly KnowledgeDoc[]; upload: ((file: File) => Promise<string>) | undefined; notify: Notify },
): DocumentUploadState {
  const addDoc = useAddDoc(collection);
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  const [url, setUrlDraft] = useState('');
  const [urlError, setUrlError] = useState(false);
  const [isDragging, setDragging] = useState(false);
  const sources = useRef(new Map<string, string>());
  const counter = useRef(0);

  const patch = (id: string, change: Partial<Draft>) =>
    setDrafts((list) => list.map((draft) => (draft.id === id ? { ...draft, ...change } : draft)));

  async function send(
    name: string,
    source: (onProgress: (fraction: number) => void) => Promise<string>,
    docType: string | undefined,
  ) {
    counter.current += 1;
    const id = `upload-${counter.current}`;
    setDrafts((list) => [{ id, name, step: 'reading', progress: 0, docId: undefined, message: undefined }, ...list]);
    try {
      const uri = await source((fraction) => patch(id, { progress: Math.round(fraction * 100) / 100 }));
      patch(id, { step: 'uploading', progress: 1 });
      const result = await addDoc.mutateAsync({
        params: { docName: name, uri, ...(docType === undefined ? {} : { docType }) },
      });
      if (result.docId !== undefined) sources.current.set(result.docId, uri);
      patch(id, { step: 'sent', docId: result.docId });
      notify({ key: 'noticeAdded', values: { name } });
    } catch (error) {
      patch(id, { step: 'failed', message: describeError(error).message });
    }
  }

  const addFiles = async (files: Iterable<File>) => {
    await Promise.all(
      [...files].map((file) =>
        send(file.name, (onProgress) => (upload ? upload(file) : readDataUri(file, onProgress)), docTypeOf(file.name)),
      ),
    );
  };

  const addUrl = async (value: string) => {
    const target = value.trim();
    if (!HTTP_URL.test(target)) {
      setUrlError(true);
      return;
    }
    setUrlDraft('');
    await send(nameOfUrl(target), () => Promise.resolve(target), docTypeOf(target));
  };

  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const entries = drafts.map((draft): UploadEntry => {
    const doc = draft.docId === undefined ? undefined : byId.get(draft.docId);
    const phase = phaseOf(draft, doc);
    return {
      id: draft.id,
      name: draft.name,
      phase,
      progress: draft.progress,
      docId: draft.docId,
      pointCount: doc?.doc.pointNum,
      message: phase === 'failed' ? (draft.message ?? doc?.doc.status?.failedMsg) : undefined,
    };
  });

  return {
    entries,
    addFiles,
    addUrl,
    url,
    setUrl: (next) => {
      setUrlDraft(next);
      setUrlError(false);
    },
    urlError,
    dismiss: (id) => setDrafts((list) => list.filter((draft) => draft.id !== id)),
    isDragging,
    sourceOf: (docId) => sources.current.get(docId),
    getDropZoneProps: () => ({
      onDragEnter: (event) => {
        event.preventDefault();
        setDragging(true);
      },
      onDragOver: (event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (event) => {
        event.preventDefault();
        setDragging(false);
        void addFiles(Array.from(event.dataTransfer.files));
      },
    }),
    getFileInputProps: () => ({
      type: 'file',
      multiple: true,
      onChange: (event) => {
        const files = Array.from(event.target.files ?? []);
        event.target.value = '';
        void addFiles(files);
      },
    }),
    getUrlFormProps: () => ({
      onSubmit: (event) => {
        event.preventDefault();
        void addUrl(url);
      },
    }),
  };
}
