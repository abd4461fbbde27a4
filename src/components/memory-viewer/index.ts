/** The MemoryViewer: headless `useMemoryViewer` and the styled `<MemoryViewer>` built from it. */
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
export { memoryViewerEn } from './i18n/en';
export type { MemoryViewerMessages } from './i18n/en';
export { memoryViewerZhCN } from './i18n/zh-CN';
export type { MemoryViewerLocale } from './i18n/messages';
