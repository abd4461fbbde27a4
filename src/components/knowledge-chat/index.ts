/**
 * `vikingdb-kit/components/knowledge-chat`: the KnowledgeChat (headless `useKnowledgeChat` and the styled
 * `<KnowledgeChat>`), its strings, its Markdown renderer and the public primitives. Styles:
 * `vikingdb-kit/components/knowledge-chat.css`.
 */
export { KnowledgeChat } from './KnowledgeChat';
export type { KnowledgeChatProps } from './KnowledgeChat';
export { useKnowledgeChat } from './useKnowledgeChat';
export type { KnowledgeChatState } from './useKnowledgeChat';
export type {
  KnowledgeChatCitation,
  KnowledgeChatTurn,
  KnowledgeChatTurnStatus,
  KnowledgeChatUsage,
  UseKnowledgeChatOptions,
} from './types';
export { DEFAULT_SYSTEM_PROMPT } from './useKnowledgeChatConversation';
export type { KnowledgeChatConversation } from './useKnowledgeChatConversation';
export type {
  CitationAnchorProps,
  CitationChipProps,
  CitationDetailsProps,
  CitationPlace,
  KnowledgeChatCitations,
  OpenCitation,
} from './useKnowledgeChatCitations';
export type { ComposerFormProps, ComposerInputProps, KnowledgeChatComposer } from './useKnowledgeChatComposer';
export type { KnowledgeChatScroll, ScrollAreaProps } from './useKnowledgeChatScroll';
export type { KnowledgeChatClassKey, KnowledgeChatSlots } from './KnowledgeChatContext';
export { knowledgeChatEn } from './messages/en';
export type { KnowledgeChatMessageKey, KnowledgeChatMessages } from './messages/en';
export { loadKnowledgeChatMessages } from './messages/catalog';
export type { KnowledgeChatTranslate } from './messages/catalog';
export { MarkdownView } from './markdown/MarkdownView';
export type { MarkdownViewProps, RenderCitation } from './markdown/MarkdownView';
export type { Locale, MessageValues, Translate } from '../i18n/types';
