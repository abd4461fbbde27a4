/**
 * `vikingdb-kit/components/memory-viewer`: the MemoryViewer (headless `useMemoryViewer` and the styled
 * `<MemoryViewer>`), its strings and the public primitives. Styles: `vikingdb-kit/components/memory-viewer.css`.
 */
export { MemoryViewer } from './MemoryViewer';
export type { MemoryViewerProps, MemoryViewerTranslations } from './MemoryViewer';
export { useMemoryViewer } from './useMemoryViewer';
export type { FormProps, MemoryViewerState } from './useMemoryViewer';
export { MEMORY_VIEWER_TABS } from './types';
export type { MemoryKind, MemoryViewerTab, MessageRef, Notice, UseMemoryViewerOptions } from './types';
export type { TabListProps, TabPanelProps, TabProps, TabsState } from './useTabs';
export type { SessionTimeline } from './useSessionTimeline';
export type { ComposerFields, DraftMessage, SessionComposer } from './useSessionComposer';
export type { MemorySearchPanel, SearchFields } from './useMemorySearchPanel';
export type { BatchDeleteState, BatchFilterDraft, MemoryGroup, MemoryListState } from './useMemoryList';
export type { EditorMode, EditorProblem, MemoryEditor } from './useMemoryEditor';
export type { InfoPair, InfoParse } from './memoryInfoCodec';
export type { UndoEntry, UndoQueue } from '../primitives/useUndoQueue';
export type { ViewState, ViewStatus } from './viewState';
export { useSessionView } from './useSessionView';
export type { SessionView } from './useSessionView';
export type {
  MemoryItemSlotContext,
  MemoryViewerClassKey,
  MemoryViewerClassNames,
  MemoryViewerSlots,
  MessageSlotContext,
} from './viewerUi';
export { memoryViewerEn, type MemoryViewerMessageKey, type MemoryViewerMessages } from './messages/en';
export { loadMemoryViewerMessages } from './messages/catalog';
export type { MemoryViewerLocale } from './MemoryViewer';
export type { Locale, MessageValues, Translate } from '../i18n/types';
