/** The parts of the SearchExplorer a `classNames` entry can style (added to the built-in `vdb-*` classes). */
export type SearchExplorerSlot =
  | 'root'
  | 'toolbar'
  | 'modes'
  | 'query'
  | 'filter'
  | 'output'
  | 'status'
  | 'results'
  | 'list'
  | 'row'
  | 'detail'
  | 'insights'
  | 'toast';

/** Extra class names by part. Default: none. */
export type SearchExplorerClassNames = Partial<Record<SearchExplorerSlot, string>>;
