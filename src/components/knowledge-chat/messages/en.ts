/**
 * English strings of the KnowledgeChat, the source of its message keys. `{name}` marks a value filled in at run time;
 * `{count, plural, one {…} other {…}}` picks a form by number. Every key can be replaced through the `messages` prop.
 */
export const knowledgeChatEn = {
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
  copied: 'Copied',
  copyFailed: 'Copy failed',
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
  errorCode: 'Code {code}',
  errorRequestId: 'Request id {id}',
  retry: 'Try again',
  usage: '{total} tokens',
  usageDetail: '{prompt} in · {completion} out',
  firstChunk: 'first chunk {ms} ms',
  totalTime: 'total {ms} ms',
  stats: 'Answer statistics',
  needsTarget: 'KnowledgeChat needs a `service`, or a `collection` and a `model`.',
};

/** The strings of the KnowledgeChat by key (see {@link knowledgeChatEn}). */
export type KnowledgeChatMessages = { [K in keyof typeof knowledgeChatEn]: string };

/** A key of the KnowledgeChat strings. */
export type KnowledgeChatMessageKey = keyof KnowledgeChatMessages;
