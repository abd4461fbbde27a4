import type { DocInfo, KnowledgeLocator } from '../../client/knowledge/types';
import type { MessageValues } from '../i18n/types';
import type { KnowledgeBaseMessageKey } from './messages/en';
import type { DocState } from './docState';

/** A string of the catalog and its values, rendered by the styled parts. */
export interface KnowledgeBaseMessageRef {
  key: KnowledgeBaseMessageKey;
  values?: MessageValues | undefined;
}

/** A passing message ("Tags saved.", "Failed: …"), shown in a polite live region. */
export interface KnowledgeBaseNotice extends KnowledgeBaseMessageRef {
  id: number;
  tone: 'info' | 'error';
}

/** A document with the state the manager shows it in. */
export interface KnowledgeDoc {
  /** `doc.docId` (always set for listed docs). */
  id: string;
  doc: DocInfo;
  state: DocState;
}

/** Reports a passing message. */
export type Notify = (message: KnowledgeBaseMessageRef, tone?: KnowledgeBaseNotice['tone']) => void;

/** Options of {@link useKnowledgeBase}. */
export interface UseKnowledgeBaseOptions {
  /** The knowledge base (name, `{ collection_name, project_name }` or `{ resource_id }`). */
  collection: KnowledgeLocator;
  /** The open document (controlled). Default: uncontrolled, starting from `defaultSelectedDocId`. */
  selectedDocId?: string | null | undefined;
  /** Called when a document is opened or closed (`null`). Default: none. */
  onSelectDoc?: ((docId: string | null) => void) | undefined;
  /** The open document when uncontrolled. Default: none. */
  defaultSelectedDocId?: string | null | undefined;
  /** A document processing longer than this shows as stalled, with a re-run action. Default: 300,000 ms (5 min). */
  stalledAfterMs?: number | undefined;
  /** How often processing documents are polled. Default: 2000 ms. */
  pollMs?: number | undefined;
  /**
   * Hosts a dropped or picked file and answers its `http(s)` URL, which is then imported. Default: none (the file is
   * sent inline as a `data:` URI, which the local server and the MSW engine accept).
   */
  upload?: ((file: File) => Promise<string>) | undefined;
  /** How long a deleted document can be restored. Default: 5000 ms. */
  undoMs?: number | undefined;
  /** The pane shown first: the open document or the query panel. Default: `'document'`. */
  initialPane?: KnowledgeBasePane | undefined;
}

/** The right-hand panes: the open document and "Try a query". */
export type KnowledgeBasePane = 'document' | 'query';
