import { useKnowledgeChatContext } from './KnowledgeChatContext';
import type { KnowledgeChatTurn } from './types';

/** Token usage and latency of an answer (time to first chunk, total), shown discreetly once it ended. */
export function AnswerStats({ turn }: { turn: KnowledgeChatTurn }) {
  const { t, formatNumber } = useKnowledgeChatContext().ui;
  const parts: string[] = [];
  const usage = turn.usage;
  if (usage?.totalTokens !== undefined) {
    parts.push(t('usage', { total: formatNumber(usage.totalTokens) }));
    if (usage.promptTokens !== undefined && usage.completionTokens !== undefined)
      parts.push(
        t('usageDetail', {
          prompt: formatNumber(usage.promptTokens),
          completion: formatNumber(usage.completionTokens),
        }),
      );
  }
  if (turn.firstChunkMs !== undefined) parts.push(t('firstChunk', { ms: formatNumber(turn.firstChunkMs) }));
  if (turn.totalMs !== undefined) parts.push(t('totalTime', { ms: formatNumber(turn.totalMs) }));
  if (parts.length === 0) return null;
  return (
    <p className="vdb-chat-stats" aria-label={t('stats')}>
      {parts.join(' · ')}
    </p>
  );
}
