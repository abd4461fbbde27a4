import { createContext, useContext } from 'react';
import type { MemoryItem, MemoryMessage, SessionInfo } from '../../client/memory/types';
import type { ReactNode } from 'react';
import { createLocaleTranslator } from '../i18n/formatMessage';
import type { Translate } from '../i18n/types';
import { memoryViewerEn, type MemoryViewerMessageKey } from './messages/en';
import type { MemoryKind } from './types';

/** Parts of the styled viewer that take an extra class name. */
export type MemoryViewerClassKey =
  | 'root'
  | 'header'
  | 'tabList'
  | 'tab'
  | 'panel'
  | 'session'
  | 'bubble'
  | 'composer'
  | 'searchForm'
  | 'result'
  | 'item'
  | 'dialog'
  | 'toast';

/** Extra class names by part. */
export type MemoryViewerClassNames = Partial<Record<MemoryViewerClassKey, string>>;

/** What the message slot gets besides the message. */
export interface MessageSlotContext {
  session: SessionInfo;
  index: number;
  /** The bubble the viewer would render. */
  defaultBubble: ReactNode;
}

/** What the memory item slot gets besides the memory. */
export interface MemoryItemSlotContext {
  /** Where the memory is shown: search results or a tab. */
  kind: MemoryKind | 'search';
  /** 1-based rank in search results. */
  rank: number | undefined;
  /** The card the viewer would render (with its edit/delete actions). */
  defaultItem: ReactNode;
}

/** Render slots of the styled viewer. */
export interface MemoryViewerSlots {
  /** Replaces a message bubble. */
  renderMessage?: ((message: MemoryMessage, context: MessageSlotContext) => ReactNode) | undefined;
  /** Replaces a memory card (search results, events, profiles). */
  renderMemoryItem?: ((item: MemoryItem, context: MemoryItemSlotContext) => ReactNode) | undefined;
}

/** What the styled parts share. */
export interface ViewerUi extends MemoryViewerSlots {
  t: Translate<MemoryViewerMessageKey>;
  classNames: MemoryViewerClassNames;
  /** Formats epoch ms for display. */
  formatTime: (ms: number) => string;
}

const english = createLocaleTranslator('en', memoryViewerEn);
const ViewerUiContext = createContext<ViewerUi>({
  t: english,
  classNames: {},
  formatTime: (ms) => new Date(ms).toISOString(),
});

/** Provides {@link ViewerUi} to the styled parts. */
export const ViewerUiProvider = ViewerUiContext.Provider;

/** The nearest {@link ViewerUi}. */
export function useViewerUi(): ViewerUi {
  return useContext(ViewerUiContext);
}
