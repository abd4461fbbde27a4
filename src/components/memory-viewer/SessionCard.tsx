import { useId } from 'react';
import type { MemoryLocator } from '../../client/memory/types';
import { cx } from '../primitives/cx';
import { MessageBubble } from './MessageBubble';
import { StaleBadge, StatusView } from './StatusView';
import { useSessionView } from './useSessionView';
import { useViewerUi } from './viewerUi';

/** Props of {@link SessionCard}. */
export interface SessionCardProps {
  collection: MemoryLocator;
  sessionId: string;
  onHide: () => void;
}

function messageTime(message: object): number | undefined {
  const time = (message as { time?: unknown }).time;
  return typeof time === 'number' ? time : undefined;
}

/** One session of the timeline: who, when, and its messages as bubbles. */
export function SessionCard({ collection, sessionId, onHide }: SessionCardProps) {
  const { t, classNames, formatTime, renderMessage } = useViewerUi();
  const { view, session, refetch } = useSessionView(collection, sessionId);
  const meta = session?.metadata;
  const headingId = useId();
  const user = meta?.defaultUserName ?? meta?.defaultUserId ?? t('noValue');
  const assistant = meta?.defaultAssistantName ?? meta?.defaultAssistantId ?? t('noValue');
  return (
    <li className={cx('vdb-memory-session', classNames.session)} aria-labelledby={headingId}>
      <header className="vdb-memory-session__header">
        <h4 id={headingId} className="vdb-memory-session__title">
          {t('sessionLabel', { id: sessionId })}
        </h4>
        {meta ? (
          <span className="vdb-memory-session__meta">
            {t('sessionMeta', { user, assistant })}
            {meta.groupId ? ` · ${t('group')} ${meta.groupId}` : ''}
            {' · '}
            {t('sessionMessageCount', { count: session?.messages.length ?? 0 })}
          </span>
        ) : null}
        {meta?.time === undefined ? null : (
          <time className="vdb-memory-session__time" dateTime={new Date(meta.time).toISOString()}>
            {formatTime(meta.time)}
          </time>
        )}
        <StaleBadge view={view} />
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-memory-session__hide"
          aria-label={t('sessionRemove', { id: sessionId })}
          onClick={onHide}
        >
          ×
        </button>
      </header>
      <StatusView view={view} reason={{ key: 'sessionEmpty' }} onRetry={refetch} rows={2} />
      {session && session.messages.length > 0 ? (
        <ol className="vdb-memory-session__messages" aria-label={t('sessionLabel', { id: sessionId })}>
          {session.messages.map((message, index) => {
            const name =
              message.role === 'user'
                ? meta?.defaultUserName
                : message.role === 'assistant'
                  ? meta?.defaultAssistantName
                  : undefined;
            const bubble = <MessageBubble message={message} time={messageTime(message) ?? meta?.time} name={name} />;
            return (
              <li key={index} className={`vdb-memory-message vdb-memory-message--${message.role}`}>
                {renderMessage ? renderMessage(message, { session, index, defaultBubble: bubble }) : bubble}
              </li>
            );
          })}
        </ol>
      ) : null}
    </li>
  );
}
