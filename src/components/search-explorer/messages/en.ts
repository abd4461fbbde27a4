import { primitivesEn, type PrimitiveMessageKey } from '../../primitives/messages/en';

/** The SearchExplorer's own strings (the primitives' are added below). */
const explorerEn = {
  // explorer: modes and query
  'explorer.label': 'Search explorer',
  'mode.label': 'Search mode',
  'mode.vector': 'Vector',
  'mode.text': 'Text',
  'mode.id': 'By id',
  'mode.keywords': 'Keywords',
  'mode.scalar': 'Sort by field',
  'mode.random': 'Random',
  'query.vector': 'Query vector',
  'query.vectorPlaceholder': 'Paste numbers, e.g. [0.12, -0.4, 0.33] — or use a row’s vector',
  'query.vectorInvalid': 'Not a vector: give numbers separated by commas or spaces.',
  'query.vectorDims': '{dim} dimensions',
  'query.text': 'Text query',
  'query.textPlaceholder': 'Describe what you are looking for',
  'query.id': 'Primary key',
  'query.idPlaceholder': 'e.g. 42',
  'query.idNotInteger': '“{id}” is not an integer: the primary key {field} is an int64.',
  'query.keywords': 'Keywords',
  'query.keywordsPlaceholder': 'Words to rank by (BM25)',
  'query.field': 'Field',
  'query.order': 'Order',
  'query.asc': 'Ascending',
  'query.desc': 'Descending',
  'query.randomHint': 'Samples rows at random (with the filter, if any).',
  'query.limit': 'Limit',
  'query.submit': 'Search',
  'query.chooseField': 'Choose a field',

  // filter
  'filter.toggle': 'Filter',
  'filter.activeCount': '{count} active',
  'filter.builder': 'Builder',
  'filter.json': 'JSON',
  'filter.rawLabel': 'Filter DSL as JSON',
  'filter.rawInvalid': 'Invalid filter: {message}',
  'filter.notRepresentable': 'This filter cannot be shown in the builder; edit it as JSON.',
  'filter.match': 'Match',
  'filter.all': 'all (and)',
  'filter.any': 'any (or)',
  'filter.addCondition': 'Add condition',
  'filter.addGroup': 'Add group',
  'filter.remove': 'Remove',
  'filter.removeGroup': 'Remove group',
  'filter.clear': 'Clear filter',
  'filter.field': 'Field',
  'filter.operator': 'Operator',
  'filter.op.must': 'is one of',
  'filter.op.must_not': 'is none of',
  'filter.op.range': 'in range',
  'filter.op.range_out': 'outside range',
  'filter.op.geo': 'within circle',
  'filter.values': 'Values',
  'filter.valuesPlaceholder': 'comma-separated',
  'filter.lower': 'Lower bound',
  'filter.upper': 'Upper bound',
  'filter.gt': '>',
  'filter.gte': '≥',
  'filter.lt': '<',
  'filter.lte': '≤',
  'filter.lowerOp': 'Lower bound operator',
  'filter.upperOp': 'Upper bound operator',
  'filter.xField': 'X field',
  'filter.yField': 'Y field',
  'filter.centerX': 'Center x',
  'filter.centerY': 'Center y',
  'filter.radius': 'Radius',
  'filter.group': 'Group',
  'filter.empty': 'No conditions: every row matches.',

  // output fields
  'output.toggle': 'Fields',
  'output.label': 'Fields to return',
  'output.all': 'All fields',
  'output.countOf': '{count} of {total}',

  // results
  'results.label': 'Results',
  'results.count': '{count, plural, one {# result} other {# results}}',
  'results.latency': '{ms} ms',
  'results.requestId': 'Request id {id}',
  'results.refreshing': 'Updating…',
  'results.loadMore': 'Load more',
  'results.loadingMore': 'Loading more…',
  'results.rank': 'Rank {rank}',
  'results.sortValue': '{field} {value}',
  'results.findSimilar': 'Find similar',
  'results.useVector': 'Use vector',
  'results.delete': 'Delete',
  'results.open': 'Open details of {id}',
  'results.actions': 'Actions for {id}',
  'results.keyboardHelp': 'Use the arrow keys to move, Enter to open, Escape to close.',

  // states
  'state.idleTitle': 'Nothing searched yet',
  'state.idleBody': 'Pick a mode, type a query and press Search (or Enter).',
  'state.emptyTitle': 'No results',
  'state.emptyFiltered': 'No row matches the filter. Loosen or clear it.',
  'state.emptyId': 'There is no row with id {id}.',
  'state.emptyPartition': 'The index has no rows here.',
  'state.emptyGeneric': 'The index returned no rows for this search.',

  // detail
  'detail.label': 'Row {id}',
  'detail.close': 'Close details',
  'detail.table': 'Table',
  'detail.json': 'JSON',
  'detail.field': 'Field',
  'detail.value': 'Value',
  'detail.edit': 'Edit {field}',
  'detail.save': 'Save',
  'detail.cancel': 'Cancel',
  'detail.editInvalid': 'Expected {type}.',
  'detail.score': 'Score',
  'detail.saving': 'Saving…',
  'detail.saveFailed': 'Save failed: {message}',

  // delete + undo
  'undo.deleted': 'Deleted row {id}.',
  'undo.action': 'Undo',
  'undo.dismiss': 'Dismiss: keep row {id} deleted',
  'undo.restored': 'Row {id} restored.',
  'undo.failed': 'Could not delete row {id}: {message}',

  // insights
  'insights.toggle': 'Insights',
  'insights.projection': 'Vector projection (PCA)',
  'insights.projectionSummary':
    '{count, plural, one {# vector} other {# vectors}} projected on their first two principal components.',
  'insights.projectionNeedsTwo': 'At least two rows with vectors are needed for a projection.',
  'insights.projectionLoading': 'Fetching vectors…',
  'insights.histogram': 'Score distribution',
  'insights.histogramSummary': 'Scores from {min} to {max} across {count, plural, one {# result} other {# results}}.',
  'insights.bin': '{from}–{to}: {count}',
  'insights.point': 'Row {id}, score {score}',
} as const;

/** A key of the SearchExplorer's strings: its own and the primitives'. */
export type SearchExplorerMessageKey = keyof typeof explorerEn | PrimitiveMessageKey;

/** Every string the SearchExplorer shows, by key. */
export type SearchExplorerMessages = { readonly [K in SearchExplorerMessageKey]: string };

/**
 * English strings of the SearchExplorer, the primitives' included. `{name}` marks a value filled in at run time;
 * `<SearchExplorer messages={…}>` replaces any of them by key.
 */
export const searchExplorerEn: SearchExplorerMessages = { ...primitivesEn, ...explorerEn };
