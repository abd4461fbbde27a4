import { primitivesEn } from '../../primitives/messages/en';

/**
 * English strings of the KnowledgeBase manager. `{name}` marks a value filled in at run time; plurals use the ICU
 * subset (`{count, plural, one {…} other {…}}`). Every key has a zh-CN twin in `zh-CN.ts`; pass `messages` to
 * `<KnowledgeBase>` to override any of them.
 */
const managerEn = {
  title: 'Knowledge base',
  collectionLabel: 'Collection {name}',
  paneTabsLabel: 'Knowledge base views',
  tabDocument: 'Document',
  tabQuery: 'Try a query',

  // Adding documents
  addTitle: 'Add documents',
  dropZone: 'Drop files here or',
  pickFiles: 'choose files',
  fileInputLabel: 'Files to add',
  urlLabel: 'Document URL',
  urlPlaceholder: 'https://example.com/guide.md',
  addUrl: 'Add URL',
  urlInvalid: 'Enter an http(s) URL.',
  uploadsLabel: 'Uploads',
  phaseReading: 'Reading {percent}%',
  phaseUploading: 'Uploading…',
  phaseProcessing: 'Processing…',
  phaseDone: 'Processed: {count, plural, one {# chunk} other {# chunks}}',
  phaseFailed: 'Failed: {message}',
  phaseStalled: 'Stalled',
  dismiss: 'Dismiss',

  // Filters and list
  filtersLabel: 'Filter documents',
  searchLabel: 'Search by name',
  searchPlaceholder: 'Search documents…',
  statusFilterLabel: 'Status',
  tagFilterLabel: 'Tag',
  allStatuses: 'All statuses',
  allTags: 'All tags',
  listLabel: 'Documents',
  listCount: '{shown, plural, one {# document} other {# documents}} of {total}',
  listEmpty: 'No documents yet. Add a file or a URL to start.',
  listNoMatch: 'No document matches the filters.',
  loading: 'Loading…',
  statusProcessing: 'Processing',
  statusDone: 'Done',
  statusFailed: 'Failed',
  statusStalled: 'Stalled',
  pointCount: '{count, plural, one {# chunk} other {# chunks}}',
  updatedAt: 'Updated {time}',
  rerunFailed: 'Re-run failed ({count})',

  // Detail
  detailEmpty: 'Select a document to see its chunks and tags.',
  detailLabel: 'Document {name}',
  nameLabel: 'Name',
  rename: 'Rename',
  typeLabel: 'Type',
  idLabel: 'Id',
  sourceLabel: 'Source',
  createdLabel: 'Created',
  updatedLabel: 'Updated',
  sizeLabel: 'Size',
  statusLabel: 'Status',
  failedMessage: 'Failed with code {code}: {message}',
  stalledMessage: 'Still processing after {minutes} min. Re-run it if it does not finish.',
  rerun: 'Re-run',
  rerunUnavailable: 'The content of this document is not available here: add the file again.',
  deleteDoc: 'Delete document',
  tagsLabel: 'Tags',
  tagName: 'Tag name',
  tagValue: 'Tag value',
  removeTag: 'Remove tag {name}',
  addTag: 'Add tag',
  saveTags: 'Save tags',
  noTags: 'No tags.',
  saving: 'Saving…',

  // Points
  pointsLabel: 'Chunks',
  pointsEmpty: 'This document has no chunks yet.',
  pointTitle: 'Chunk {id}',
  editPoint: 'Edit chunk {id}',
  deletePoint: 'Delete chunk {id}',
  pointContent: 'Content of chunk {id}',
  newPointContent: 'New chunk content',
  newPointTitle: 'New chunk title',
  addPoint: 'Add chunk',
  save: 'Save',
  cancel: 'Cancel',

  // Query panel
  queryLabel: 'Query',
  queryPlaceholder: 'Ask what a user would ask…',
  queryRun: 'Search',
  queryLimit: 'Results',
  queryRerank: 'Rerank',
  queryIdle: 'Type a query to see which chunks the retrieval returns, ranked.',
  queryEmpty: 'No chunk matched.',
  queryResults: 'Ranked chunks',
  queryRank: '#{rank}',
  queryScore: 'Score {score}',
  queryRerankScore: 'Rerank {score}',
  queryOpenDoc: 'Open {name}',

  // Notices and undo
  noticeAdded: 'Added {name}; processing.',
  noticeRenamed: 'Renamed to {name}.',
  noticeTagsSaved: 'Tags saved.',
  noticePointSaved: 'Chunk saved.',
  noticePointAdded: 'Chunk added.',
  noticePointDeleted: 'Chunk deleted.',
  noticeRerun: 'Re-running {name}.',
  noticeFailed: 'Failed: {message}',
  deleted: 'Deleted {name}.',
  undo: 'Undo',
  restored: 'Restored {name}.',
} as const;

/** A KnowledgeBase string key: its own and the primitives' (error notice, confirm button). */
export type KnowledgeBaseMessageKey = keyof typeof managerEn | keyof typeof primitivesEn;

/** Every string of the KnowledgeBase, by key. */
export type KnowledgeBaseMessages = { readonly [K in KnowledgeBaseMessageKey]: string };

/** The KnowledgeBase's English strings, the primitives' included. */
export const knowledgeBaseEn: KnowledgeBaseMessages = { ...primitivesEn, ...managerEn };
