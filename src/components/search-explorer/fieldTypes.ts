/** VikingDB scalar field types the explorer knows how to show, filter and edit. */
export type ExplorerFieldType =
  'string' | 'text' | 'int64' | 'float32' | 'bool' | 'list<string>' | 'list<int64>' | 'vector' | 'unknown';

/** A field of the index as the explorer sees it. */
export interface FieldSpec {
  name: string;
  type: ExplorerFieldType;
  /** Offered in the filter builder (and, when numeric, in scalar sort). Default: true for string, numeric, bool and list fields. */
  filterable?: boolean | undefined;
  /** Editable inline in the detail panel. Default: true except for the primary key, text and vectors. */
  editable?: boolean | undefined;
}

/** True for int64 and float32. */
export const isNumericType = (type: ExplorerFieldType): boolean => type === 'int64' || type === 'float32';

/** True for list<string> and list<int64>. */
export const isListType = (type: ExplorerFieldType): boolean => type === 'list<string>' || type === 'list<int64>';

/** Whether a field can appear in a filter (its explicit `filterable`, else by type). */
export function isFilterable(field: FieldSpec): boolean {
  return field.filterable ?? (field.type !== 'text' && field.type !== 'vector' && field.type !== 'unknown');
}

/** Whether a field can be sorted on in scalar search: a filterable int64 or float32 field (what the API sorts by). */
export function isSortable(field: FieldSpec): boolean {
  return isFilterable(field) && isNumericType(field.type);
}

/** True for the types `must` / `must_not` compare: string, int64, bool and lists (not float32 nor text). */
export const isMatchableType = (type: ExplorerFieldType): boolean =>
  type === 'string' || type === 'int64' || type === 'bool' || isListType(type);
