import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../primitives/ErrorNotice';
import { cx } from '../primitives/cx';
import { docTimeOf } from './docState';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';
import { StatusBadge } from './StatusBadge';
import type { KnowledgeDoc } from './types';
import { tagLabel } from './useDocumentList';

/** Height of a row in px (the virtualizer measures real rows; this is its first guess). */
const ROW_HEIGHT = 64;

/** The content of one document row. */
function DocRow({ item }: { item: KnowledgeDoc }) {
  const { t, formatTime } = useKnowledgeBaseContext().ui;
  const { doc } = item;
  const time = docTimeOf(doc);
  return (
    <>
      <span className="vdb-kb-row__line">
        <span className="vdb-kb-row__name">{doc.docName ?? item.id}</span>
        {doc.docType ? <span className="vdb-kb-row__type">{doc.docType}</span> : null}
        <StatusBadge state={item.state} title={item.state === 'failed' ? doc.status?.failedMsg : undefined} />
      </span>
      <span className="vdb-kb-row__line vdb-kb-row__meta">
        {item.state === 'failed' && doc.status?.failedMsg ? (
          <span className="vdb-kb-row__failure">{doc.status.failedMsg}</span>
        ) : (
          <span>{t('pointCount', { count: doc.pointNum ?? 0 })}</span>
        )}
        {doc.meta.slice(0, 3).map((tag) => (
          <span key={tag.fieldName} className="vdb-kb-tag">
            {tagLabel(tag)}
          </span>
        ))}
        {time !== undefined ? (
          <span className="vdb-kb-row__time">{t('updatedAt', { time: formatTime(time) })}</span>
        ) : null}
      </span>
    </>
  );
}

/** The virtualized document list: a listbox (arrows, Home/End, PageUp/Down move; Enter opens). */
export function DocumentList() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames, renderDocRow } = ui;
  const { list, activeIndex } = state;
  const scroller = useRef<HTMLDivElement>(null);
  const items = list.items;
  // TanStack Virtual returns fresh functions each render, so the compiler leaves this component unmemoized (intended).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  if (list.status === 'loading') {
    return (
      <p className="vdb-kb-empty" role="status">
        {t('loading')}
      </p>
    );
  }
  if (list.status === 'error') return <ErrorNotice error={list.error} onRetry={list.refetch} />;
  if (list.status === 'empty') return <p className="vdb-kb-empty">{t('listEmpty')}</p>;
  const listProps = state.getListProps(t('listLabel'));
  return (
    <>
      <p className="vdb-kb-count" aria-live="polite">
        {t('listCount', { shown: items.length, total: list.all.length })}
      </p>
      {items.length === 0 ? (
        <p className="vdb-kb-empty">{t('listNoMatch')}</p>
      ) : (
        <div {...listProps} ref={scroller} className={cx('vdb-kb-list', classNames.list)}>
          <div role="presentation" className="vdb-kb-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index]!;
              const optionProps = state.getOptionProps(item, row.index);
              const defaultRow = <DocRow item={item} />;
              return (
                <div
                  key={row.key}
                  {...optionProps}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className={cx(
                    'vdb-kb-row',
                    optionProps['aria-selected'] && 'vdb-kb-row--selected',
                    optionProps['data-active'] && 'vdb-kb-row--active',
                    classNames.row,
                  )}
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {renderDocRow ? renderDocRow(item, { defaultRow }) : defaultRow}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
