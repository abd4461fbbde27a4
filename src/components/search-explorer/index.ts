/**
 * `vikingdb-kit/components/search-explorer`: the SearchExplorer (headless `useSearchExplorer` and the styled
 * `<SearchExplorer>`), its strings and the public primitives. Styles: `vikingdb-kit/components/search-explorer.css`.
 */
export { SearchExplorer, type SearchExplorerProps } from './SearchExplorer';
export {
  useSearchExplorer,
  EXPLORER_MODES,
  type UseSearchExplorerOptions,
  type SearchExplorerState,
  type ExplorerMode,
  type ExplorerQuery,
  type ExplorerRow,
  type ExplorerStatus,
  type ExplorerNotice,
  type PendingUndo,
} from './useSearchExplorer';
export type { SearchExplorerClassNames, SearchExplorerSlot } from './classNames';
export type { FieldSpec, ExplorerFieldType } from './fieldTypes';
export type { RenderRow, RowRenderState } from './ResultList';
export type { RenderDetail } from './DetailPanel';
export type { GroupDraft, ConditionDraft, DraftNode, ConditionOp, BuiltFilter } from './filterDraft';
export type { ProjectedPoint } from './pca';
export type { HistogramBin } from './histogram';
export { searchExplorerEn, type SearchExplorerMessageKey, type SearchExplorerMessages } from './messages/en';
export { loadSearchExplorerMessages } from './messages/catalog';
export type { Locale, MessageValues, Translate } from '../i18n/types';
export {
  ScoreBar,
  JsonView,
  CopyButton,
  ConfirmButton,
  EmptyState,
  ErrorNotice,
  Skeleton,
  describeError,
  type ErrorInfo,
  type ScoreBarProps,
  type JsonViewProps,
  type CopyButtonProps,
  type ConfirmButtonProps,
  type EmptyStateProps,
  type ErrorNoticeProps,
  type SkeletonProps,
  type PrimitiveMessageKey,
  type PrimitiveMessages,
} from '../primitives';
