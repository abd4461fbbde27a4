import type { MemoryLocator } from '../../client/memory/types';
import type { MessageValues } from '../i18n/types';
import type { MemoryViewerMessageKey } from './messages/en';

/** The viewer's tabs, in order. */
export const MEMORY_VIEWER_TABS = ['sessions', 'search', 'events', 'profiles'] as const;
/** One of {@link MEMORY_VIEWER_TABS}. */
export type MemoryViewerTab = (typeof MEMORY_VIEWER_TABS)[number];

/** Which memories a list holds. */
export type MemoryKind = 'events' | 'profiles';

/** A string of the viewer by key, with its placeholder values: headless state names text this way. */
export interface MessageRef {
  key: MemoryViewerMessageKey;
  values?: MessageValues;
}

/** A short announcement after an action (shown in a live region). */
export interface Notice extends MessageRef {
  /** Increases with each notice, so a repeated text is announced again. */
  id: number;
  tone: 'info' | 'error';
}

/** Options of `useMemoryViewer`. */
export interface UseMemoryViewerOptions {
  /** The memory collection: a name (project `default`), `{ collection_name, project_name }` or `{ resource_id }`. */
  collection: MemoryLocator;
  /** Shows only this user's events and profiles and pre-fills the filters and composer. Default: every user. */
  userId?: string | undefined;
  /** Shows only this assistant's events and profiles and pre-fills the filters and composer. Default: every assistant. */
  assistantId?: string | undefined;
  /**
   * Sessions to show in the timeline (the API cannot list sessions), in the order given. Sessions added in the
   * viewer and those memory results point to (`raw.session_id`) are added. Default: none.
   */
  sessionIds?: readonly string[] | undefined;
  /** Event types offered in filters, besides those seen in results. Default: none. */
  eventTypes?: readonly string[] | undefined;
  /** Profile types offered in filters, besides those seen in results. Default: none. */
  profileTypes?: readonly string[] | undefined;
  /** The tab shown first. Default `'sessions'`. */
  initialTab?: MemoryViewerTab | undefined;
  /** How many events / profiles the tabs load. Default 100. */
  listLimit?: number | undefined;
  /** How many results a memory search returns. Default 20. */
  searchLimit?: number | undefined;
  /** How long a delete can be undone, in ms. Default 5000. */
  undoMs?: number | undefined;
  /** Wait after typing before searching, in ms. Default 300. */
  debounceMs?: number | undefined;
}
