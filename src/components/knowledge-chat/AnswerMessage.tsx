import { useCallback } from 'react';
import { CopyButton } from '../primitives/CopyButton';
import { cx } from '../primitives/cx';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { AnswerStats } from './AnswerStats';
import { CitationChip } from './CitationChip';
import { useKnowledgeChatContext } from './KnowledgeChatContext';
import { MarkdownView } from './markdown/MarkdownView';
import { Reasoning } from './Reasoning';
import { SourceList } from './SourceList';
import type { KnowledgeChatTurn } from './types';

/** One answer: reasoning, the streamed Markdown with citation chips, its state, actions, sources and statistics. */
export function AnswerMessage({ turn, index, last }: { turn: KnowledgeChatTurn; index: number; last: boolean }) {
  const { state, ui } = useKnowledgeChatContext();
  const { t } = ui;
  const { conversation, composer } = state;
  const streaming = turn.status === 'streaming' || turn.status === 'retrieving';
  const { citations } = turn;
  const renderCitation = useCallback(
    (number: number) => {
      const citation = citations[number - 1];
      return citation ? <CitationChip citation={citation} turnId={turn.id} question={turn.question} /> : undefined;
    },
    [citations, turn.id, turn.question],
  );
  return (
    <article
      className={cx('vdb-chat-answer', `vdb-chat-answer--${turn.status}`, ui.classNames.answer)}
      aria-label={t('assistant')}
      aria-busy={streaming}
    >
      <Reasoning turn={turn} />
      {turn.status === 'retrieving' ? (
        <p className="vdb-chat-answer__pending">
          <span className="vdb-chat-dots" aria-hidden="true" />
          {t('thinking')}
        </p>
      ) : null}
      {turn.answer !== '' ? (
        <MarkdownView
          className="vdb-chat-markdown"
          text={turn.answer}
          streaming={streaming}
          renderCitation={renderCitation}
        />
      ) : null}
      {turn.status === 'stopped' ? <p className="vdb-chat-answer__note">{t('stopped')}</p> : null}
      {turn.status === 'error' ? (
        <ErrorNotice error={turn.error} onRetry={last ? conversation.regenerate : undefined} />
      ) : null}
      {!streaming && (turn.answer !== '' || last) ? (
        <div className="vdb-chat-actions">
          {turn.answer !== '' ? <CopyButton text={turn.answer} label={t('copy')} /> : null}
          {last && turn.status !== 'error' ? (
            <button type="button" className="vdb-button vdb-button--small" onClick={conversation.regenerate}>
              {t('regenerate')}
            </button>
          ) : null}
          {last ? (
            <button type="button" className="vdb-button vdb-button--small" onClick={composer.startEdit}>
              {t('edit')}
            </button>
          ) : null}
        </div>
      ) : null}
      <SourceList turn={turn} index={index} />
      {!streaming ? <AnswerStats turn={turn} /> : null}
    </article>
  );
}
