import { useState } from 'react';
import type { KnowledgeChatTranslate } from './messages/catalog';
import type { KnowledgeChatTurn } from './types';

/** The end of the last complete sentence or paragraph in `text` after `from` (`from` when none is complete yet). */
export function lastSentenceEnd(text: string, from = 0): number {
  let end = from;
  const boundary = /[.!?。！？](?=\s|$)|\n\n/g;
  boundary.lastIndex = from;
  for (const match of text.matchAll(boundary)) {
    // A sentence at the very end of the text may still grow (`3.` of `3.14`): wait for what follows it.
    const after = match.index + match[0].length;
    if (after < text.length || match[0] === '\n\n') end = after;
  }
  return end;
}

/** Markdown reduced to what a screen reader should say: no markup, no citation markers, one line. */
function speakable(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/\[(\d{1,3})\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Spoken {
  turnId: string | undefined;
  status: KnowledgeChatTurn['status'] | undefined;
  upTo: number;
  text: string;
}

/**
 * What the polite live region says about the last answer: each newly completed sentence or paragraph while it streams
 * (never each token), the rest when it ends followed by "Answer complete.", or that it was stopped.
 */
export function useKnowledgeChatAnnouncer(turn: KnowledgeChatTurn | undefined, t: KnowledgeChatTranslate): string {
  const [spoken, setSpoken] = useState<Spoken>({ turnId: undefined, status: undefined, upTo: 0, text: '' });
  if (!turn) {
    if (spoken.turnId !== undefined) setSpoken({ turnId: undefined, status: undefined, upTo: 0, text: '' });
    return spoken.text;
  }
  const sameTurn = turn.id === spoken.turnId && turn.answer.length >= spoken.upTo;
  const from = sameTurn ? spoken.upTo : 0;
  const statusChanged = !sameTurn || turn.status !== spoken.status;
  if (turn.status === 'streaming' || turn.status === 'retrieving') {
    const end = lastSentenceEnd(turn.answer, from);
    if (end > from || statusChanged) {
      // A new answer (or a regenerated one) starts silent; then each completed sentence replaces the last.
      const text = end > from ? speakable(turn.answer.slice(from, end)) : sameTurn ? spoken.text : '';
      setSpoken({ turnId: turn.id, status: turn.status, upTo: Math.max(end, from), text });
    }
  } else if (statusChanged) {
    const rest = speakable(turn.answer.slice(from));
    const text =
      turn.status === 'done'
        ? `${rest} ${t('answerDone')}`.trim()
        : turn.status === 'stopped'
          ? t('stopped')
          : t('errorTitle');
    setSpoken({ turnId: turn.id, status: turn.status, upTo: turn.answer.length, text });
  }
  return spoken.text;
}
