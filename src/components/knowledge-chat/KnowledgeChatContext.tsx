import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '../i18n/types';
import type { KnowledgeChatTranslate } from './messages/catalog';
import type { KnowledgeChatCitation, UseKnowledgeChatOptions } from './types';
import type { KnowledgeChatState } from './useKnowledgeChat';
import type { KnowledgeChatCitations } from './useKnowledgeChatCitations';

/** Parts of the styled chat that take an extra class name. */
export type KnowledgeChatClassKey =
  'root' | 'header' | 'transcript' | 'question' | 'answer' | 'citation' | 'sources' | 'composer';

/** Render slots of the styled chat. */
export interface KnowledgeChatSlots {
  /** Replaces the empty state (shown before the first question). Default: title, hint and suggested questions. */
  renderEmpty?:
    ((context: { ask: (question: string) => void; suggestedQuestions: readonly string[] }) => ReactNode) | undefined;
  /** Replaces the details of a citation (inline chip and source list). Default: text, tags and "open" action. */
  renderCitation?:
    | ((
        citation: KnowledgeChatCitation,
        context: { turnId: string; question: string; defaultDetails: ReactNode },
      ) => ReactNode)
    | undefined;
}

/** What the styled parts share besides the state. */
export interface KnowledgeChatUi extends KnowledgeChatSlots {
  t: KnowledgeChatTranslate;
  locale: Locale;
  classNames: Partial<Record<KnowledgeChatClassKey, string>>;
  /** Formats a number for the locale. */
  formatNumber: (value: number, digits?: number) => string;
}

/** The one context the parts read: the headless state plus the UI. */
export interface KnowledgeChatContextValue {
  state: KnowledgeChatState;
  ui: KnowledgeChatUi;
}

const KnowledgeChatReactContext = createContext<KnowledgeChatContextValue | undefined>(undefined);

/** Provides the chat's state and UI to its parts. */
export const KnowledgeChatProvider = KnowledgeChatReactContext.Provider;

/**
 * What citation chips read: only what changes when a citation opens or closes (never while an answer streams), so
 * the chips of a growing answer are not rendered again on every chunk.
 */
export interface KnowledgeChatCitationContextValue {
  citations: KnowledgeChatCitations;
  ui: KnowledgeChatUi;
  onOpenDocument: UseKnowledgeChatOptions['onOpenDocument'];
}

const CitationReactContext = createContext<KnowledgeChatCitationContextValue | undefined>(undefined);

/** Provides {@link KnowledgeChatCitationContextValue} to the citation parts. */
export const KnowledgeChatCitationProvider = CitationReactContext.Provider;

/** The nearest KnowledgeChat's citations and UI. @throws Error outside a `KnowledgeChat`. */
export function useKnowledgeChatCitationContext(): KnowledgeChatCitationContextValue {
  const value = useContext(CitationReactContext);
  if (!value) throw new Error('KnowledgeChat parts must be rendered inside <KnowledgeChat>');
  return value;
}

/** The nearest KnowledgeChat's state and UI. @throws Error outside a `KnowledgeChat`. */
export function useKnowledgeChatContext(): KnowledgeChatContextValue {
  const value = useContext(KnowledgeChatReactContext);
  if (!value) throw new Error('KnowledgeChat parts must be rendered inside <KnowledgeChat>');
  return value;
}
