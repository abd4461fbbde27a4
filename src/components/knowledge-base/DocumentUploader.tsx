import { useId, useRef } from 'react';
import { cx } from '../primitives/cx';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';
import type { UploadEntry } from './useDocumentUpload';

function phaseText(entry: UploadEntry, t: ReturnType<typeof useKnowledgeBaseContext>['ui']['t']): string {
  switch (entry.phase) {
    case 'reading':
      return t('phaseReading', { percent: Math.round(entry.progress * 100) });
    case 'uploading':
      return t('phaseUploading');
    case 'processing':
      return t('phaseProcessing');
    case 'stalled':
      return t('phaseStalled');
    case 'done':
      return t('phaseDone', { count: entry.pointCount ?? 0 });
    case 'failed':
      return t('phaseFailed', { message: entry.message ?? '' });
  }
}

/** Adds documents: a drop zone with a file picker, an add-by-URL form and the progress of each added file. */
export function DocumentUploader() {
  const { state, ui } = useKnowledgeBaseContext();
  const { t, classNames } = ui;
  const { upload } = state;
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <section className={cx('vdb-kb-uploader', classNames.uploader)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="vdb-kb-section-title">
        {t('addTitle')}
      </h3>
      <div
        {...upload.getDropZoneProps()}
        className={cx('vdb-kb-dropzone', upload.isDragging && 'vdb-kb-dropzone--active')}
      >
        <span>{t('dropZone')} </span>
        <button type="button" className="vdb-button vdb-button--small" onClick={() => input.current?.click()}>
          {t('pickFiles')}
        </button>
        <input
          {...upload.getFileInputProps()}
          ref={input}
          className="vdb-kb-visually-hidden"
          aria-label={t('fileInputLabel')}
          tabIndex={-1}
        />
      </div>
      <form {...upload.getUrlFormProps()} className="vdb-kb-url-form" noValidate>
        <label className="vdb-kb-visually-hidden" htmlFor={`${id}-url`}>
          {t('urlLabel')}
        </label>
        <input
          id={`${id}-url`}
          type="url"
          className="vdb-input"
          value={upload.url}
          placeholder={t('urlPlaceholder')}
          aria-invalid={upload.urlError || undefined}
          aria-describedby={upload.urlError ? `${id}-url-error` : undefined}
          onChange={(event) => upload.setUrl(event.target.value)}
        />
        <button type="submit" className="vdb-button vdb-button--small">
          {t('addUrl')}
        </button>
        {upload.urlError ? (
          <p id={`${id}-url-error`} className="vdb-kb-field-error" role="alert">
            {t('urlInvalid')}
          </p>
        ) : null}
      </form>
      {upload.entries.length > 0 ? (
        <ul className="vdb-kb-uploads" aria-label={t('uploadsLabel')}>
          {upload.entries.map((entry) => {
            const finished = entry.phase === 'done' || entry.phase === 'failed';
            return (
              <li key={entry.id} className={cx('vdb-kb-upload', `vdb-kb-upload--${entry.phase}`)}>
                <span className="vdb-kb-upload__name">{entry.name}</span>
                <progress
                  className="vdb-kb-upload__bar"
                  aria-label={entry.name}
                  max={1}
                  {...(entry.phase === 'processing' || entry.phase === 'uploading'
                    ? {}
                    : { value: entry.phase === 'reading' ? entry.progress : 1 })}
                />
                <span className="vdb-kb-upload__phase" role="status">
                  {phaseText(entry, t)}
                </span>
                {finished ? (
                  <button
                    type="button"
                    className="vdb-button vdb-button--small"
                    aria-label={`${t('dismiss')} ${entry.name}`}
                    onClick={() => upload.dismiss(entry.id)}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
