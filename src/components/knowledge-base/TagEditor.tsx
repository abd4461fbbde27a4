import { useId } from 'react';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';

/** The open document's tags: edit names and values, add, remove, save (`doc/update_meta`). */
export function TagEditor() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t } = ui;
  const { detail } = state;
  const id = useId();
  return (
    <section className="vdb-kb-tags" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="vdb-kb-subtitle">
        {t('tagsLabel')}
      </h4>
      {detail.tags.length === 0 ? <p className="vdb-kb-muted">{t('noTags')}</p> : null}
      <ul className="vdb-kb-tag-rows">
        {detail.tags.map((tag, index) => (
          <li key={index} className="vdb-kb-tag-row">
            <input
              className="vdb-input"
              aria-label={`${t('tagName')} ${index + 1}`}
              value={tag.fieldName}
              onChange={(event) => detail.setTag(index, { fieldName: event.target.value })}
            />
            <input
              className="vdb-input"
              aria-label={`${t('tagValue')} ${index + 1}`}
              value={tag.value}
              onChange={(event) => detail.setTag(index, { value: event.target.value })}
            />
            <button
              type="button"
              className="vdb-button vdb-button--small"
              aria-label={t('removeTag', { name: tag.fieldName || String(index + 1) })}
              onClick={() => detail.removeTag(index)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="vdb-kb-actions">
        <button type="button" className="vdb-button vdb-button--small" onClick={detail.addTag}>
          {t('addTag')}
        </button>
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-button--primary"
          disabled={!detail.tagsChanged || detail.isSavingTags}
          onClick={() => void detail.saveTags()}
        >
          {detail.isSavingTags ? t('saving') : t('saveTags')}
        </button>
      </div>
    </section>
  );
}
