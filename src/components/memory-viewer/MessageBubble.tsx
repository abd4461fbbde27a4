import type { MemoryMessage } from '../../client/memory/types';
import { cx } from '../primitives/cx';
import { useViewerUi } from './viewerUi';

const ROLE_KEY = { user: 'roleUser', assistant: 'roleAssistant', system: 'roleSystem' } as const;

/** Props of {@link MessageBubble}. */
export interface MessageBubbleProps {
  message: MemoryMessage;
  /** Epoch ms shown under the bubble (the message's own `time`, else the session's). Default: none. */
  time?: number | undefined;
  /** Display name of the speaker instead of the role. Default: the role. */
  name?: string | undefined;
}

/** One message, styled by role (user right, assistant left, system centred). */
export function MessageBubble({ message, time, name }: MessageBubbleProps) {
  const { t, classNames, formatTime } = useViewerUi();
  const role = t(ROLE_KEY[message.role] ?? 'roleSystem');
  return (
    <div className={cx('vdb-memory-bubble', `vdb-memory-bubble--${message.role}`, classNames.bubble)}>
      <span className="vdb-memory-bubble__who">{name ?? role}</span>
      <p className="vdb-memory-bubble__text">{message.content}</p>
      {time === undefined ? null : (
        <time className="vdb-memory-bubble__time" dateTime={new Date(time).toISOString()}>
          {formatTime(time)}
        </time>
      )}
    </div>
  );
}
