import type { KnowledgeChatTranslate } from './messages/catalog';
import type { UseKnowledgeChatOptions } from './types';
import { useKnowledgeChatAnnouncer } from './useKnowledgeChatAnnouncer';
import { useKnowledgeChatCitations, type KnowledgeChatCitations } from './useKnowledgeChatCitations';
import { useKnowledgeChatComposer, type KnowledgeChatComposer } from './useKnowledgeChatComposer';
import { useKnowledgeChatConversation, type KnowledgeChatConversation } from './useKnowledgeChatConversation';
import { useKnowledgeChatScroll, type KnowledgeChatScroll } from './useKnowledgeChatScroll';
import { knowledgeChatEn } from './messages/en';
import { createLocaleTranslator } from '../i18n/formatMessage';

/** Everything {@link useKnowledgeChat} returns, by concern. */
export interface KnowledgeChatState {
  /** The turns, the answer streaming, and `send` / `stop` / `regenerate` / `editLast` / `clear`. */
  conversation: KnowledgeChatConversation;
  /** Which citation's details are open; chip and details prop getters. */
  citations: KnowledgeChatCitations;
  /** The draft, Enter-to-send, edit-and-resend; form and text area prop getters. */
  composer: KnowledgeChatComposer;
  /** Pinned-to-bottom scrolling of the transcript. */
  scroll: KnowledgeChatScroll;
  /** What the polite live region says (per sentence, not per token). */
  announcement: string;
  /** The questions offered while the conversation is empty. */
  suggestedQuestions: readonly string[];
  /** The "open in knowledge base" action of citations, when the app gave one. */
  onOpenDocument: UseKnowledgeChatOptions['onOpenDocument'];
}

const NONE: readonly string[] = [];
const english: KnowledgeChatTranslate = createLocaleTranslator('en', knowledgeChatEn);

/**
 * The headless KnowledgeChat: a conversation with a knowledge service (`service`) or with a knowledge base and a
 * chat model (`collection` + `model`), streamed, with numbered citations, a composer and pinned scrolling. Needs
 * `VikingProvider` above it. `t` (default English) words the live announcements.
 *
 * @example
 * const chat = useKnowledgeChat({ service: 'kb-service-123' });
 * chat.conversation.send('Who designed the Fresnel lens?');
 */
export function useKnowledgeChat(
  options: UseKnowledgeChatOptions,
  t: KnowledgeChatTranslate = english,
): KnowledgeChatState {
  const conversation = useKnowledgeChatConversation(options);
  const citations = useKnowledgeChatCitations();
  const composer = useKnowledgeChatComposer(conversation);
  const last = conversation.lastTurn;
  const scroll = useKnowledgeChatScroll(
    `${conversation.turns.length}:${last?.answer.length}:${last?.reasoning.length}:${last?.status}:${last?.citations.length}`,
  );
  const announcement = useKnowledgeChatAnnouncer(last, t);
  return {
    conversation,
    citations,
    composer,
    scroll,
    announcement,
    suggestedQuestions: options.suggestedQuestions ?? NONE,
    onOpenDocument: options.onOpenDocument,
  };
}
