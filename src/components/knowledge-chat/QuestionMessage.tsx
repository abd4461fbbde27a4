import { cx } from '../primitives/cx';
import { useKnowledgeChatContext } from './KnowledgeChatContext';
import type { KnowledgeChatTurn } from './types';

/** A question of the user, as sent (plain text, lines kept). */
export function QuestionMessage({ turn }: { turn: KnowledgeChatTurn }) {
  const { ui } = useKnowledgeChatContext();
  return (
    <div className={cx('vdb-chat-question', ui.classNames.question)} aria-label={ui.t('you')} role="group">
      <p className="vdb-chat-question__text">{turn.question}</p>
    </div>
  );
}
