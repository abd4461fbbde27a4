import { cx } from '../primitives/cx';
import { AnswerMessage } from './AnswerMessage';
import { EmptyChat } from './EmptyChat';
import { useKnowledgeChatContext } from './KnowledgeChatContext';
import { QuestionMessage } from './QuestionMessage';

/** The scrolling conversation, pinned to the newest text unless the user scrolled up. */
export function Transcript() {
  const { state, ui } = useKnowledgeChatContext();
  const { conversation, scroll } = state;
  const { turns } = conversation;
  return (
    <div className="vdb-chat-transcript-wrap">
      <div
        {...scroll.getScrollAreaProps()}
        className={cx('vdb-chat-transcript', ui.classNames.transcript)}
        role="log"
        aria-label={ui.t('transcript')}
        aria-live="off"
      >
        {turns.length === 0 ? (
          <EmptyChat />
        ) : (
          turns.map((turn, i) => (
            <div key={turn.id} className="vdb-chat-turn">
              <QuestionMessage turn={turn} />
              <AnswerMessage turn={turn} index={i} last={i === turns.length - 1} />
            </div>
          ))
        )}
      </div>
      {!scroll.pinned ? (
        <button type="button" className="vdb-button vdb-button--small vdb-chat-jump" onClick={scroll.scrollToBottom}>
          {ui.t('jumpToLatest')}
        </button>
      ) : null}
    </div>
  );
}
