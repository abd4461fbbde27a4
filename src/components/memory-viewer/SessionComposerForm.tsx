import { useId } from 'react';
import type { MessageRole } from '../../client/memory/types';
import { cx } from '../primitives/cx';
import type { ComposerFields } from './useSessionComposer';
import type { MemoryViewerState } from './useMemoryViewer';
import { useViewerUi } from './viewerUi';

const ROLES: readonly MessageRole[] = ['user', 'assistant', 'system'];
const ROLE_KEY = { user: 'roleUser', assistant: 'roleAssistant', system: 'roleSystem' } as const;

const FIELDS = [
  ['userId', 'composerUserId'],
  ['userName', 'composerUserName'],
  ['assistantId', 'composerAssistantId'],
  ['assistantName', 'composerAssistantName'],
  ['groupId', 'composerGroupId'],
] as const satisfies ReadonlyArray<readonly [keyof ComposerFields, string]>;

/** The add-session form: session id, metadata, time and messages with roles. */
export function SessionComposerForm({ viewer }: { viewer: MemoryViewerState }) {
  const { t, classNames } = useViewerUi();
  const { composer } = viewer;
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <form
      {...viewer.getComposerFormProps()}
      className={cx('vdb-memory-composer', classNames.composer)}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="vdb-memory-heading">
        {t('composerHeading')}
      </h3>
      <div className="vdb-memory-fields">
        <label className="vdb-memory-field">
          <span>{t('composerSessionId')}</span>
          <input
            className="vdb-input"
            value={composer.fields.sessionId}
            placeholder={t('composerSessionIdHint')}
            onChange={(event) => composer.setField('sessionId', event.target.value)}
          />
        </label>
        {FIELDS.map(([name, label]) => (
          <label key={name} className="vdb-memory-field">
            <span>{t(label)}</span>
            <input
              className="vdb-input"
              value={composer.fields[name]}
              onChange={(event) => composer.setField(name, event.target.value)}
            />
          </label>
        ))}
        <label className="vdb-memory-field vdb-memory-field--wide">
          <span>{t('composerTime')}</span>
          <input
            className="vdb-input"
            type="datetime-local"
            value={composer.fields.time}
            aria-describedby={`${id}-time-hint`}
            onChange={(event) => composer.setField('time', event.target.value)}
          />
          <small id={`${id}-time-hint`} className="vdb-memory-hint">
            {t('composerTimeHint')}
          </small>
        </label>
      </div>
      <fieldset className="vdb-memory-composer__messages">
        <legend>{t('composerMessages')}</legend>
        <ol className="vdb-memory-composer__list">
          {composer.messages.map((message, index) => {
            const n = index + 1;
            return (
              <li key={message.id} className={`vdb-memory-composer__message vdb-memory-message--${message.role}`}>
                <select
                  className="vdb-input vdb-memory-composer__role"
                  aria-label={t('composerMessageRole', { n })}
                  value={message.role}
                  onChange={(event) => composer.setMessage(message.id, { role: event.target.value as MessageRole })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(ROLE_KEY[role])}
                    </option>
                  ))}
                </select>
                <textarea
                  className="vdb-input vdb-memory-composer__content"
                  aria-label={t('composerMessageContent', { n })}
                  aria-describedby={composer.problem ? problemId : undefined}
                  aria-invalid={composer.problem ? true : undefined}
                  rows={2}
                  value={message.content}
                  onChange={(event) => composer.setMessage(message.id, { content: event.target.value })}
                />
                <button
                  type="button"
                  className="vdb-button vdb-button--small"
                  aria-label={t('composerRemoveMessage', { n })}
                  disabled={composer.messages.length <= 1}
                  onClick={() => composer.removeMessage(message.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        <button type="button" className="vdb-button vdb-button--small" onClick={composer.addMessage}>
          {t('composerAddMessage')}
        </button>
      </fieldset>
      {composer.problem ? (
        <p id={problemId} className="vdb-memory-problem" role="alert">
          {t(composer.problem.key, composer.problem.values)}
        </p>
      ) : null}
      <div className="vdb-memory-actions">
        <button type="submit" className="vdb-button vdb-button--primary" disabled={composer.isPending}>
          {composer.isPending ? t('composerSubmitting') : t('composerSubmit')}
        </button>
      </div>
    </form>
  );
}
