export { SearchExplorer, type SearchExplorerProps } from './SearchExplorer';
export { useSearchExplorer, type UseSearchExplorerOptions, type SearchExplorerState } from './useSearchExplorer';
export {
  toPrimaryKey,
  toExplorerMode,
  EXPLORER_MODES,
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
export {
  SearchExplorerProvider,
  useSearchExplorerContext,
  type SearchExplorerContextValue,
  type SearchExplorerUi,
  type RenderRow,
  type RowRenderState,
  type RenderDetail,
} from './SearchExplorerContext';
export type { SearchExplorerClassNames, SearchExplorerSlot } from './classNames';
export type { FieldSpec, ExplorerFieldType } from './fieldTypes';
export {
  buildFilter,
  draftFromFilter,
  emptyGroup,
  newCondition,
  type GroupDraft,
  type ConditionDraft,
  type DraftNode,
  type ConditionOp,
  type BuiltFilter,
} from './filterDraft';
export { projectPca, type ProjectedPoint } from './pca';
export { histogram, type HistogramBin } from './histogram';
export { parseVector, formatVector } from './parseVector';
export { inferFields } from './inferFields';
export { fieldsFromSchema } from './fieldsFromSchema';
export { isFilterable, isSortable, isMatchableType, isNumericType } from './fieldTypes';
export { QueryBar } from './QueryBar';
export { FilterBuilder } from './FilterBuilder';
export { OutputFieldPicker } from './OutputFieldPicker';
export { ResultList } from './ResultList';
export { DetailPanel } from './DetailPanel';
export { ProjectionChart } from './ProjectionChart';
export { ScoreHistogram } from './ScoreHistogram';
export { StatusLine } from './StatusLine';
export { UndoToast } from './UndoToast';
