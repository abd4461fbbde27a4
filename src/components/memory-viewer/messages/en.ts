import { primitivesEn, type PrimitiveMessageKey } from '../../primitives/messages/en';

/** The MemoryViewer's own strings (the primitives' are added below). */
const viewerEn = {
  title: 'Memory',
  collectionLabel: 'Collection {name}',
  tabListLabel: 'Memory views',
  tabSessions: 'Sessions',
  tabSearch: 'Search',
  tabEvents: 'Events',
  tabProfiles: 'Profiles',
  tabCount: '{label} ({count})',

  // Shared states
  loading: 'Loading…',
  updating: 'Updating…',
  retry: 'Retry',
  errorTitle: 'The request failed',
  errorCode: 'Code',
  errorStatus: 'HTTP status',
  errorRequestId: 'Request id',
  errorHint: 'What to do',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  saving: 'Saving…',
  edit: 'Edit',
  delete: 'Delete',
  deleting: 'Deleting…',
  undo: 'Undo',
  dismiss: 'Dismiss',
  user: 'User',
  assistant: 'Assistant',
  group: 'Group',
  type: 'Type',
  time: 'Time',
  score: 'Score',
  anyType: 'All types',
  noValue: '—',

  // Roles
  roleUser: 'User',
  roleAssistant: 'Assistant',
  roleSystem: 'System',

  // Sessions
  sessionsHeading: 'Sessions',
  sessionsIdle: 'No sessions to show yet. Add one with the “Add a session” form, or open one by its id.',
  sessionsHowFound:
    'The API cannot list sessions: this timeline shows the sessions you add here, those given to the viewer and those that memory results point to.',
  sessionLabel: 'Session {id}',
  sessionMeta: '{user} with {assistant}',
  sessionMessageCount: '{count, plural, one {# message} other {# messages}}',
  sessionEmpty: 'This session has no messages.',
  sessionRemove: 'Hide session {id}',
  openSessionLabel: 'Session id to open',
  openSessionButton: 'Open session',
  messageAt: '{role} at {time}',

  // Composer
  composerHeading: 'Add a session',
  composerSessionId: 'Session id',
  composerSessionIdHint: 'Auto-generated',
  composerUserId: 'User id',
  composerUserName: 'User name',
  composerAssistantId: 'Assistant id',
  composerAssistantName: 'Assistant name',
  composerGroupId: 'Group id',
  composerTime: 'Time',
  composerTimeHint: 'Leave empty for now.',
  composerMessages: 'Messages',
  composerMessageRole: 'Role of message {n}',
  composerMessageContent: 'Content of message {n}',
  composerAddMessage: 'Add message',
  composerRemoveMessage: 'Remove message {n}',
  composerSubmit: 'Add session',
  composerSubmitting: 'Adding…',
  composerNeedMessage: 'Write at least one message.',
  composerAdded:
    'Session {id} added: {events, plural, one {# event} other {# events}} and {profiles, plural, one {# profile} other {# profiles}} derived.',

  // Search
  searchHeading: 'Search memories',
  searchQuery: 'Query',
  searchPlaceholder: 'What do you want to recall?',
  searchSubmit: 'Search',
  searchFilters: 'Filters',
  searchMemoryTypes: 'Memory types',
  searchFrom: 'From',
  searchTo: 'To',
  searchClear: 'Clear filters',
  searchIdle: 'Type a query or press Search to find events and profiles.',
  searchEmptyQuery: 'No memories match “{query}” with these filters.',
  searchEmptyFilters: 'No memories match these filters.',
  searchResults: '{count, plural, one {# result} other {# results}}',
  searchRank: 'Rank {rank}',

  // Events and profiles
  eventsHeading: 'Events',
  profilesHeading: 'Profiles',
  eventsEmpty: 'No events for this user and assistant yet. Events are derived when a session is added.',
  profilesEmpty:
    'No profiles for this user and assistant yet. Profiles are derived from what users say about themselves.',
  groupHeading: '{type} ({count})',
  listKeyboardLabel: 'Memories (arrow keys move between them)',
  editLabel: 'Edit memory {id}',
  deleteLabel: 'Delete memory {id}',
  editorJson: 'JSON',
  editorPairs: 'Fields',
  editorMode: 'Edit as',
  editorJsonLabel: 'memory_info as JSON',
  editorKey: 'Field name',
  editorValue: 'Value of {key}',
  editorAddField: 'Add field',
  editorNewKey: 'New field name',
  editorInvalidJson: 'Not valid JSON: {message}',
  editorNotObject: 'memory_info must be a JSON object.',
  editorDuplicateKey: 'Field “{key}” appears twice.',
  editorMergeNote: 'Fields are merged into the stored memory_info; removed fields are kept by the service.',
  deletedEvent: 'Deleted event {id}.',
  deletedProfile: 'Deleted profile {id}.',
  restoredEvent: 'Restored the event as {id}.',
  restoredProfile: 'Restored the profile as {id}.',
  batchDelete: 'Delete by filter…',
  batchTitleEvents: 'Delete events by filter',
  batchTitleProfiles: 'Delete profiles by filter',
  batchWarning: 'This deletes every matching memory on the service and cannot be undone.',
  batchNoFilterEvents: 'No filter is set: every event of the collection will be deleted.',
  batchNoFilterProfiles: 'No filter is set: every profile of the collection will be deleted.',
  batchConfirm: 'Delete matching',
  batchDone: 'Deleted {count, plural, one {# memory} other {# memories}}.',
  triggerUpdate: 'Update profiles from sessions',
  triggerDone: 'Profile update finished: {count, plural, one {# profile} other {# profiles}} rebuilt.',
  actionFailed: 'That did not work: {message}',
} as const;

/** A key of the MemoryViewer's strings: its own and the primitives'. */
export type MemoryViewerMessageKey = keyof typeof viewerEn | PrimitiveMessageKey;

/** Every string the MemoryViewer shows, by key. */
export type MemoryViewerMessages = { readonly [K in MemoryViewerMessageKey]: string };

/**
 * English strings of the MemoryViewer, the primitives' included. `{name}` marks a value filled in at run time;
 * `<MemoryViewer messages={…}>` replaces any of them by key.
 */
export const memoryViewerEn: MemoryViewerMessages = { ...primitivesEn, ...viewerEn };
