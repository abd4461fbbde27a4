export { SearchExplorer, type SearchExplorerProps } from './SearchExplorer';
export {
  useSearchExplorer,
  toPrimaryKey,
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
