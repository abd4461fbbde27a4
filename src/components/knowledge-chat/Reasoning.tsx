import { useKnowledgeChatContext } from './KnowledgeChatContext';
import type { KnowledgeChatTurn } from './types';

/** The model's reasoning, collapsed under a summary (a native disclosure: keyboard and screen readers for free). */
export function Reasoning({ turn }: { turn: KnowledgeChatTurn }) {
  const { t } = useKnowledgeChatContext().ui;
  if (turn.reasoning === '') return null;
  const thinking = turn.status === 'streaming' && turn.answer === '';
  return (
    <details className="vdb-chat-reasoning">
      <summary>{thinking ? t('reasoningStreaming') : t('reasoning')}</summary>
      <p className="vdb-chat-reasoning__text">{turn.reasoning}</p>
    </details>
  );
}
