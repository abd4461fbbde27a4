import { useId } from 'react';
import { cx } from '../primitives/cx';
import { moveFocusInList } from '../primitives/moveFocusInList';
import { BatchDeleteDialog } from './BatchDeleteDialog';
import { MemoryInfoEditor } from './MemoryInfoEditor';
import { MemoryItemCard } from './MemoryItemCard';
import { StaleBadge, StatusView } from './StatusView';
import type { MemoryListState } from './useMemoryList';
import type { MemoryViewerState } from './useMemoryViewer';
import { useViewerUi } from './viewerUi';

/** Props of {@link MemoryListPanel}. */
export interface MemoryListPanelProps {
  viewer: MemoryViewerState;
  list: MemoryListState;
}

/** The events or profiles tab: memories grouped by type with inline edit, delete (undoable) and batch delete. */
export function MemoryListPanel({ viewer, list }: MemoryListPanelProps) {
  const { t, renderMemoryItem } = useViewerUi();
  const id = useId();
  const isEvents = list.kind === 'events';
  const types = isEvents ? viewer.memoryTypes.events : viewer.memoryTypes.profiles;
  const { editor } = list;
  return (
    <div className="vdb-memory-list">
      <div className="vdb-memory-toolbar">
        <h3 id={`${id}-title`} className="vdb-memory-heading">
          {isEvents ? t('eventsHeading') : t('profilesHeading')}
        </h3>
        <StaleBadge view={list.view} />
        <div className="vdb-memory-actions">
          {isEvents ? null : (
            <button
              type="button"
              className="vdb-button vdb-button--small"
              disabled={viewer.triggerProfileUpdate.isPending}
              onClick={() => void viewer.triggerProfileUpdate.run()}
            >
              {t('triggerUpdate')}
            </button>
          )}
          <button
            type="button"
            className="vdb-button vdb-button--small vdb-button--danger-quiet"
            onClick={list.batch.open}
          >
            {t('batchDelete')}
          </button>
        </div>
      </div>
      <StatusView
        view={list.view}
        reason={{ key: isEvents ? 'eventsEmpty' : 'profilesEmpty' }}
        onRetry={list.refetch}
      />
      {list.view.status === 'ready' ? (
        <div
          className={cx('vdb-memory-groups', list.view.isStale && 'vdb-memory-is-stale')}
          aria-busy={list.view.isStale}
          role="group"
          tabIndex={0}
          aria-label={t('listKeyboardLabel')}
          onKeyDown={moveFocusInList}
        >
          {list.groups.map((group) => {
            const groupId = `${id}-${group.type}`;
            return (
              <section key={group.type} className="vdb-memory-group" aria-labelledby={groupId}>
                <h4 id={groupId} className="vdb-memory-group__title">
                  {t('groupHeading', { type: group.type || t('noValue'), count: group.items.length })}
                </h4>
                <ul className="vdb-memory-group__items">
                  {group.items.map((item) => {
                    const editing = editor.editingId === item.id;
                    const card = (
                      <MemoryItemCard item={item}>
                        {editing ? (
                          <MemoryInfoEditor editor={editor} isSaving={list.isSaving} onSave={() => void list.save()} />
                        ) : (
                          <div className="vdb-memory-actions vdb-memory-item__actions">
                            <button
                              type="button"
                              className="vdb-button vdb-button--small"
                              aria-label={t('editLabel', { id: item.id })}
                              onClick={() => editor.start(item.id, item.memoryInfo)}
                            >
                              {t('edit')}
                            </button>
                            <button
                              type="button"
                              className="vdb-button vdb-button--small vdb-button--danger-quiet"
                              aria-label={t('deleteLabel', { id: item.id })}
                              onClick={() => void list.remove(item)}
                            >
                              {t('delete')}
                            </button>
                          </div>
                        )}
                      </MemoryItemCard>
                    );
                    return (
                      <li key={item.id}>
                        {renderMemoryItem
                          ? renderMemoryItem(item, { kind: list.kind, rank: undefined, defaultItem: card })
                          : card}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      ) : null}
      <BatchDeleteDialog kind={list.kind} batch={list.batch} types={types} />
    </div>
  );
}
