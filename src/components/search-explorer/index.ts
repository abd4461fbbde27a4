/**
 * `vikingdb-kit/components/search-explorer`: the SearchExplorer (headless `useSearchExplorer` and the styled
 * `<SearchExplorer>`), its strings and the public primitives. Styles: `vikingdb-kit/components/search-explorer.css`.
 */
export { SearchExplorer, type SearchExplorerProps } from './SearchExplorer';
export { useSearchExplorer, type UseSearchExplorerOptions, type SearchExplorerState } from './useSearchExplorer';
export {
  EXPLORER_MODES,
  toExplorerMode,
  type ExplorerMode,
  type ExplorerModeName,
  type ExplorerQuery,
  type ExplorerQueryInit,
  type ExplorerRow,
  type ExplorerStatus,
  type ExplorerMessage,
  type ExplorerNotice,
} from './explorerTypes';
export type { ExplorerFieldsState } from './useExplorerFields';
export type { ExplorerQueryState } from './useExplorerQuery';
export type { ExplorerFilterState, FilterView } from './useExplorerFilter';
export type { ExplorerListState } from './useExplorerList';
export type { ExplorerInsightsState } from './useExplorerInsights';
export type { ExplorerRowActionsState } from './useExplorerRowActions';
export type { RowHandlers } from './rowProps';
export type { UndoEntry, UndoQueue } from '../primitives/useUndoQueue';
export type { SearchExplorerClassNames, SearchExplorerSlot } from './classNames';
export type { FieldSpec, ExplorerFieldType } from './fieldTypes';
export type { RenderRow, RowRenderState, RenderDetail, SearchExplorerUi } from './SearchExplorerContext';
export type { GroupDraft, ConditionDraft, DraftNode, ConditionOp, BuiltFilter } from './filterDraft';
export type { ProjectedPoint } from './pca';
export type { HistogramBin } from './histogram';
export { searchExplorerEn, type SearchExplorerMessageKey, type SearchExplorerMessages } from './messages/en';
export { loadSearchExplorerMessages } from './messages/catalog';
export type { Locale, MessageValues, Translate } from '../i18n/types';
