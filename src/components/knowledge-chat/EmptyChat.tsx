import { useKnowledgeChatContext } from './KnowledgeChatContext';

/** Before the first question: what the chat does, and the suggested questions as buttons that ask them. */
export function EmptyChat() {
  const { state, ui } = useKnowledgeChatContext();
  const { t } = ui;
  const { suggestedQuestions, composer, conversation } = state;
  if (ui.renderEmpty) return ui.renderEmpty({ ask: composer.ask, suggestedQuestions });
  return (
    <div className="vdb-chat-empty">
      <p className="vdb-chat-empty__title">{t('emptyTitle')}</p>
      <p className="vdb-chat-empty__body">{conversation.unconfigured ? t('needsTarget') : t('emptyBody')}</p>
      {suggestedQuestions.length > 0 && !conversation.unconfigured ? (
        <ul className="vdb-chat-suggestions" aria-label={t('suggestions')}>
          {suggestedQuestions.map((question) => (
            <li key={question}>
              <button type="button" className="vdb-chat-suggestion" onClick={() => composer.ask(question)}>
                {question}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
