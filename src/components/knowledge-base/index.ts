/**
 * `vikingdb-kit/components/knowledge-base`: the KnowledgeBase manager (headless `useKnowledgeBase` and the styled
 * `<KnowledgeBase>`), its strings and the public primitives. Styles: `vikingdb-kit/components/knowledge-base.css`.
 */
export { KnowledgeBase } from './KnowledgeBase';
export type { KnowledgeBaseProps } from './KnowledgeBase';
export { useKnowledgeBase, KNOWLEDGE_BASE_PANES } from './useKnowledgeBase';
export type { KnowledgeBaseState } from './useKnowledgeBase';
export type {
  KnowledgeBaseMessageRef,
  KnowledgeBaseNotice,
  KnowledgeBasePane,
  KnowledgeDoc,
  UseKnowledgeBaseOptions,
} from './types';
export { DOC_STATES, DEFAULT_STALLED_AFTER_MS } from './docState';
export type { DocState } from './docState';
export type { DocListStatus, DocStatusFilter, DocumentListState } from './useDocumentList';
export type { DocumentUploadState, UploadEntry, UploadPhase } from './useDocumentUpload';
export type { DocumentDetailState, TagDraft } from './useDocumentDetail';
export type { PointsEditorState } from './usePointsEditor';
export type { QueryPanelState } from './useQueryPanel';
export type { DocDeletesState, PendingDelete } from './useDocDeletes';
export type { KnowledgeBaseClassKey, KnowledgeBaseClassNames, KnowledgeBaseSlots } from './KnowledgeBaseContext';
export { knowledgeBaseEn, type KnowledgeBaseMessageKey, type KnowledgeBaseMessages } from './messages/en';
export { loadKnowledgeBaseMessages, type KnowledgeBaseTranslate } from './messages/catalog';
export type { Locale, MessageValues, Translate } from '../i18n/types';
