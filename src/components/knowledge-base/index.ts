/** `vikingdb-kit/components/knowledge-base`: the KnowledgeBase manager, its headless hook and types. */
export { KnowledgeBase } from './KnowledgeBase';
export type { KnowledgeBaseMessageOverrides, KnowledgeBaseProps } from './KnowledgeBase';
export { useKnowledgeBase, KNOWLEDGE_BASE_PANES } from './useKnowledgeBase';
export type { KnowledgeBaseState } from './useKnowledgeBase';
export type {
  KnowledgeBaseMessageRef,
  KnowledgeBaseNotice,
  KnowledgeBasePane,
  KnowledgeDoc,
  UseKnowledgeBaseOptions,
} from './types';
export { DOC_STATES, DEFAULT_STALLED_AFTER_MS, docStateOf } from './docState';
export type { DocState } from './docState';
export type { DocListStatus, DocStatusFilter, DocumentListState } from './useDocumentList';
export type { DocumentUploadState, UploadEntry, UploadPhase } from './useDocumentUpload';
export type { DocumentDetailState, TagDraft } from './useDocumentDetail';
export type { PointsEditorState } from './usePointsEditor';
export type { QueryPanelState } from './useQueryPanel';
export type { DocDeletesState, PendingDelete } from './useDocDeletes';
export type { KnowledgeBaseClassKey, KnowledgeBaseClassNames, KnowledgeBaseSlots } from './KnowledgeBaseContext';
export { knowledgeBaseEn } from './messages/en';
export type { KnowledgeBaseMessageKey, KnowledgeBaseMessages } from './messages/en';
export type { KnowledgeBaseTranslate } from './messages/index';
