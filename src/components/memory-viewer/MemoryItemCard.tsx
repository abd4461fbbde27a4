import type { ReactNode } from 'react';
import type { MemoryItem } from '../../client/memory/types';
import { cx } from '../primitives/cx';
import { LIST_ITEM_ATTRIBUTE } from '../primitives/moveFocusInList';
import { ScoreBar } from '../primitives/ScoreBar';
import { infoToText } from './memoryInfoCodec';
import { useViewerUi } from './viewerUi';

/** Props of {@link MemoryItemCard}. */
export interface MemoryItemCardProps {
  item: MemoryItem;
  /** 1-based rank, shown for search results. Default: none. */
  rank?: number | undefined;
  /** Shows the score bar (search results). Default: false. */
  showScore?: boolean | undefined;
  /** Edit/delete buttons or the inline editor. Default: none. */
  children?: ReactNode;
  className?: string | undefined;
}

/** One memory: type, memory_info, owner, time, and optionally rank and score. */
export function MemoryItemCard({ item, rank, showScore = false, children, className }: MemoryItemCardProps) {
  const { t, classNames, formatTime } = useViewerUi();
  const owner = [
    item.userId ? `${t('user')} ${item.userId}` : undefined,
    item.assistantId ? `${t('assistant')} ${item.assistantId}` : undefined,
    item.groupId ? `${t('group')} ${item.groupId}` : undefined,
  ].filter(Boolean);
  return (
    <article
      className={cx('vdb-memory-item', classNames.item, className)}
      aria-label={item.id}
      tabIndex={-1}
      {...{ [LIST_ITEM_ATTRIBUTE]: '' }}
    >
      <div className="vdb-memory-item__head">
        {rank === undefined ? null : (
          <span className="vdb-memory-item__rank" aria-label={t('searchRank', { rank })}>
            {rank}
          </span>
        )}
        <span className="vdb-memory-item__type">{item.memoryType ?? t('noValue')}</span>
        {showScore && item.score !== undefined ? (
          <ScoreBar score={item.score} className="vdb-memory-item__score" />
        ) : null}
        {item.time === undefined ? null : (
          <time className="vdb-memory-item__time" dateTime={new Date(item.time).toISOString()}>
            {formatTime(item.time)}
          </time>
        )}
      </div>
      <p className="vdb-memory-item__text">{infoToText(item.memoryInfo)}</p>
      <p className="vdb-memory-item__meta">
        <code className="vdb-memory-item__id">{item.id}</code>
        {owner.length > 0 ? <span> · {owner.join(' · ')}</span> : null}
      </p>
      {children}
    </article>
  );
}
