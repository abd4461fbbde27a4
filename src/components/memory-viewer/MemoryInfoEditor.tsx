import { useId, type KeyboardEvent } from 'react';
import type { MemoryEditor } from './useMemoryEditor';
import { useViewerUi } from './viewerUi';

/** Props of {@link MemoryInfoEditor}. */
export interface MemoryInfoEditorProps {
  editor: MemoryEditor;
  onSave: () => void;
  isSaving: boolean;
}

/** Inline editor of memory_info as fields or JSON; Escape cancels, Ctrl/⌘+Enter saves. */
export function MemoryInfoEditor({ editor, onSave, isSaving }: MemoryInfoEditorProps) {
  const { t } = useViewerUi();
  const id = useId();
  const problem = editor.problem;
  const problemText = !problem
    ? undefined
    : problem.error === 'invalidJson'
      ? t('editorInvalidJson', { message: problem.detail })
      : problem.error === 'duplicateKey'
        ? t('editorDuplicateKey', { key: problem.detail })
        : t('editorNotObject');
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      editor.cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave();
    }
  };
  const describedBy = problemText ? `${id}-problem ${id}-note` : `${id}-note`;
  return (
    <form
      className="vdb-memory-editor"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <fieldset className="vdb-memory-editor__mode">
        <legend>{t('editorMode')}</legend>
        {(['pairs', 'json'] as const).map((mode) => (
          <label key={mode} className="vdb-memory-radio">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={editor.mode === mode}
              onChange={() => editor.setMode(mode)}
            />
            {mode === 'json' ? t('editorJson') : t('editorPairs')}
          </label>
        ))}
      </fieldset>
      {editor.mode === 'json' ? (
        <label className="vdb-memory-field">
          <span>{t('editorJsonLabel')}</span>
          <textarea
            className="vdb-input vdb-memory-editor__json"
            rows={Math.min(12, editor.jsonText.split('\n').length + 1)}
            value={editor.jsonText}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy}
            autoFocus
            onChange={(event) => editor.setJsonText(event.target.value)}
          />
        </label>
      ) : (
        <div className="vdb-memory-editor__pairs">
          {editor.pairs.map((pair, index) => (
            <div key={pair.id} className="vdb-memory-editor__pair">
              <input
                className="vdb-input vdb-memory-editor__key"
                aria-label={pair.key ? t('editorKey') + ` ${pair.key}` : t('editorNewKey')}
                value={pair.key}
                onChange={(event) => editor.setPair(pair.id, { key: event.target.value })}
              />
              <textarea
                className="vdb-input vdb-memory-editor__value"
                aria-label={t('editorValue', { key: pair.key || t('editorNewKey') })}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy}
                rows={Math.min(6, Math.ceil(pair.text.length / 60) + 1)}
                value={pair.text}
                autoFocus={index === 0}
                onChange={(event) => editor.setPair(pair.id, { text: event.target.value })}
              />
            </div>
          ))}
          <button type="button" className="vdb-button vdb-button--small" onClick={editor.addPair}>
            {t('editorAddField')}
          </button>
        </div>
      )}
      {problemText ? (
        <p id={`${id}-problem`} className="vdb-memory-problem" role="alert">
          {problemText}
        </p>
      ) : null}
      <p id={`${id}-note`} className="vdb-memory-hint">
        {t('editorMergeNote')}
      </p>
      <div className="vdb-memory-actions">
        <button type="submit" className="vdb-button vdb-button--primary vdb-button--small" disabled={isSaving}>
          {isSaving ? t('saving') : t('save')}
        </button>
        <button type="button" className="vdb-button vdb-button--small" onClick={editor.cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
