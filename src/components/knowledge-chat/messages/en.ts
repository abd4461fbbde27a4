import { primitivesEn, type PrimitiveMessageKey } from '../../primitives/messages/en';

/** The KnowledgeChat's own strings (the primitives' are added below). */
const chatEn = {
  title: 'Knowledge chat',
  transcript: 'Conversation',
  emptyTitle: 'Ask your knowledge base',
  emptyBody: 'Answers quote the documents they come from; click a number to see the passage.',
  suggestions: 'Suggested questions',
  you: 'You',
  assistant: 'Assistant',
  composerLabel: 'Your question',
  composerPlaceholder: 'Ask a question… (Enter sends, Shift+Enter adds a line)',
  composerEditing: 'Editing your last question',
  send: 'Send',
  resend: 'Resend',
  cancelEdit: 'Cancel',
  stop: 'Stop',
  regenerate: 'Regenerate',
  edit: 'Edit question',
  copy: 'Copy answer',
  clear: 'Clear conversation',
  jumpToLatest: 'Jump to latest',
  thinking: 'Searching the knowledge base…',
  reasoning: 'Reasoning',
  reasoningStreaming: 'Reasoning…',
  stopped: 'Stopped. The answer so far is kept.',
  answerDone: 'Answer complete.',
  sources: '{count, plural, one {# source} other {# sources}}',
  sourcesLabel: 'Sources of answer {turn}',
  citation: 'Source {number}: {name}',
  citationDetails: 'Source {number}',
  cited: 'cited',
  score: 'score {score}',
  tags: 'Tags',
  openDocument: 'Open in knowledge base',
  untitledDocument: 'Untitled document',
  errorTitle: 'The answer failed',
  usage: '{total} tokens',
  usageDetail: '{prompt} in · {completion} out',
  firstChunk: 'first chunk {ms} ms',
  totalTime: 'total {ms} ms',
  stats: 'Answer statistics',
  needsTarget: 'KnowledgeChat needs a `service`, or a `collection` and a `model`.',
} as const;

/** A key of the KnowledgeChat's strings: its own and the primitives'. */
export type KnowledgeChatMessageKey = keyof typeof chatEn | PrimitiveMessageKey;

/** Every string the KnowledgeChat shows, by key. */
export type KnowledgeChatMessages = { readonly [K in KnowledgeChatMessageKey]: string };

/**
 * English strings of the KnowledgeChat, the primitives' included. `{name}` marks a value filled in at run time;
 * `{count, plural, one {…} other {…}}` picks a form by number. `<KnowledgeChat messages={…}>` replaces any of them.
 */
export const knowledgeChatEn: KnowledgeChatMessages = { ...primitivesEn, ...chatEn };
