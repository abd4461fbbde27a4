import { useMemo, useState, type DragEvent } from 'react';
import { useBulkUpsert, useVikingClient } from 'vikingdb-kit/hooks';
import { downloadText } from '../data/downloadText';
import { defaultMapping, mapRows, type ColumnMapping } from '../data/mapRows';
import { parseRowsFile, type ParsedRows } from '../data/parseRows';
import { usePlaygroundText } from '../i18n/playgroundText';
import { useIndexSchema } from '../schema/useIndexSchema';
import { KNOWN_INDEXES } from './knownIndexes';

type Row = Record<string, unknown>;

/** Rows of the file shown in the preview. */
const PREVIEW_ROWS = 5;

/** The index of a collection in the default config (its schema is read through it). */
const indexOf = (collection: string) => KNOWN_INDEXES.find((i) => i.collection === collection)?.index ?? '';

/** Problems with their file lines: every one, up to a few dozen, then how many more. */
function ProblemList({
  label,
  problems,
}: {
  label: string;
  problems: ReadonlyArray<{ line: number; message: string }>;
}) {
  const { t, count } = usePlaygroundText();
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 30);
  return (
    <div className="problems">
      <p>{t('problemsNotImported', { label, lines: count(problems.length, 'line') })}</p>
      <ul aria-label={label}>
        {shown.map((problem) => (
          <li key={problem.line}>{t('problemLine', { line: problem.line, message: problem.message })}</li>
        ))}
        {problems.length > shown.length && <li>{t('andMore', { n: problems.length - shown.length })}</li>}
      </ul>
    </div>
  );
}

function ImportPanel() {
  const { t, count, locale } = usePlaygroundText();
  const [collection, setCollection] = useState('demo_docs');
  const { schema } = useIndexSchema(collection, indexOf(collection));
  const fields = useMemo(() => schema?.fields ?? [], [schema]);
  const [file, setFile] = useState<{ name: string; parsed: ParsedRows } | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** Rows a failed or paused run left (with their lines); `undefined` before a run. */
  const [left, setLeft] = useState<{ rows: Row[]; lines: number[] } | undefined>();
  /** The lines of the rows of the last run, to name lines in batch errors. */
  const [sentLines, setSentLines] = useState<number[]>([]);
  const [dragging, setDragging] = useState(false);
  const bulk = useBulkUpsert<Row>({ collection, batchSize: 100, concurrency: 4 });

  const mapped = useMemo(
    () => (file ? mapRows(file.parsed.rows, file.parsed.lines, mapping, fields, locale) : undefined),
    [file, mapping, fields, locale],
  );
  const pending = left ?? { rows: mapped?.rows ?? [], lines: mapped?.lines ?? [] };

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    const parsed = parseRowsFile(chosen.name, await chosen.text());
    setFile({ name: chosen.name, parsed });
    setMapping(defaultMapping(parsed.columns));
    setLeft(undefined);
    bulk.reset();
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  async function send() {
    const { rows, lines } = pending;
    setSentLines(lines);
    const state = await bulk.start(rows);
    if (state.status === 'success') setLeft({ rows: [], lines: [] });
    else if (state.error) {
      const unsent = new Set([
        ...state.error.unsentRows,
        ...state.error.uncertainRows,
        ...state.error.failedBatches.flatMap((b) => b.rows),
      ]);
      const keep = rows.flatMap((_, i) => (unsent.has(i) ? [i] : []));
      setLeft({ rows: keep.map((i) => rows[i]!), lines: keep.map((i) => lines[i]!) });
    }
  }

  /** A batch error names file lines: "data[3]" (a row of the batch) is followed by that row's line. */
  const lineOf = (batchRows: readonly number[], message: string) =>
    message.replace(/data\[(\d+)\]/g, (whole, i: string) => {
      const line = sentLines[batchRows[Number(i)] ?? -1];
      return line === undefined ? whole : t('lineRef', { ref: whole, line });
    });

  const progress = bulk.progress;
  const total = progress?.total ?? pending.rows.length;
  const skipped = (file?.parsed.problems.length ?? 0) + (mapped?.problems.length ?? 0);
  const preview = file?.parsed.rows.slice(0, PREVIEW_ROWS) ?? [];
  const columns = file?.parsed.columns ?? [];
  const typeOf = (name: string) => fields.find((f) => f.name === name)?.type;
  const started = bulk.status !== 'idle' || progress !== undefined;
  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">{t('importTitle')}</h2>
      <label>
        {t('collection')}{' '}
        <input
          list="collections"
          value={collection}
          onChange={(e) => setCollection(e.target.value)}
          disabled={bulk.status === 'running'}
        />
      </label>
      <datalist id="collections">
        {[...new Set(KNOWN_INDEXES.map((i) => i.collection))].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{t('dropFile')}</span>{' '}
        <label>
          <span className="visually-hidden">{t('file')}</span>
          <input
            type="file"
            aria-label={t('file')}
            accept=".jsonl,.ndjson,.json,.csv"
            onChange={(e) => {
              const input = e.currentTarget;
              void choose(input.files?.[0]).then(() => {
                // The same file can be chosen again after fixing it.
                input.value = '';
              });
            }}
            disabled={bulk.status === 'running'}
          />
        </label>
      </div>
      {file && (
        <p data-testid="file-summary">
          {t('fileSummary', { file: file.name, rows: count(file.parsed.rows.length, 'row') })}
          {skipped > 0 && t('fileSkipped', { lines: count(skipped, 'line') })}
        </p>
      )}
      {file && <ProblemList label={t('unreadableLines')} problems={file.parsed.problems} />}
      {file && preview.length > 0 && (
        <div className="preview">
          <table aria-label={t('preview')}>
            <caption>{t('previewCaption', { rows: count(preview.length, 'row'), file: file.name })}</caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const target = mapping[column] ?? column;
                  const type = target ? typeOf(target) : undefined;
                  return (
                    <th key={column} scope="col">
                      <div>{column}</div>
                      <select
                        aria-label={t('fieldForColumn', { column })}
                        value={target}
                        onChange={(e) => setMapping({ ...mapping, [column]: e.target.value })}
                      >
                        <option value="">{t('leaveOutOption')}</option>
                        {!fields.some((f) => f.name === column) && <option value={column}>{column}</option>}
                        {fields.map((field) => (
                          <option key={field.name} value={field.name}>
                            {field.name}
                          </option>
                        ))}
                      </select>
                      <div className="muted">
                        {!target
                          ? t('leftOut')
                          : type
                            ? type
                            : fields.length > 0
                              ? t('notAFieldOf', { collection })
                              : ''}
                      </div>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.map((row, i) => (
                <tr key={i}>
                  {columns.map((column) => (
                    <td key={column}>{JSON.stringify(row[column]) ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mapped && <ProblemList label={t('valuesNotFitting')} problems={mapped.problems} />}
      <div className="actions">
        <button
          type="button"
          onClick={() => void send()}
          disabled={pending.rows.length === 0 || bulk.status === 'running'}
        >
          {bulk.status === 'error' || bulk.status === 'cancelled'
            ? t('resume', { rows: count(pending.rows.length, 'row') })
            : pending.rows.length > 0
              ? t('importRows', { rows: count(pending.rows.length, 'row') })
              : t('import')}
        </button>
        <button type="button" onClick={bulk.cancel} disabled={bulk.status !== 'running'}>
          {t('pause')}
        </button>
        <button
          type="button"
          onClick={() => {
            bulk.cancel();
            setLeft({ rows: [], lines: [] });
            bulk.reset();
          }}
          disabled={pending.rows.length === 0}
        >
          {t('cancel')}
        </button>
      </div>
      {started && (
        <div className="progress">
          <progress
            max={Math.max(total, 1)}
            value={progress?.written ?? (bulk.status === 'success' ? total : 0)}
            aria-label={t('importProgress')}
          />
          <p role="status" data-testid="import-status">
            {bulk.status === 'running' && t('writing', { written: progress?.written ?? 0, rows: count(total, 'row') })}
            {bulk.status === 'success' &&
              t('importDone', {
                rows: count(bulk.result?.written ?? 0, 'row'),
                batches: count(bulk.result?.batches ?? 0, 'batch'),
              })}
            {bulk.status === 'cancelled' &&
              t('importPaused', {
                rows: count(bulk.error?.writtenRows.length ?? 0, 'row'),
                left: pending.rows.length,
              })}
            {bulk.status === 'error' &&
              t('importStopped', {
                rows: count(bulk.error?.writtenRows.length ?? 0, 'row'),
                left: pending.rows.length,
              })}
          </p>
          {bulk.status === 'success' && (
            <p data-testid="import-summary">
              {t('importSummary', {
                file: file?.name ?? '',
                rows: count(bulk.result?.written ?? 0, 'row'),
                collection,
              })}
              {skipped > 0 ? t('importSummarySkipped', { lines: count(skipped, 'line') }) : t('sentenceEnd')}
            </p>
          )}
        </div>
      )}
      {bulk.error && bulk.error.failedBatches.length > 0 && (
        <ul className="batch-errors" aria-label={t('failedBatches')}>
          {bulk.error.failedBatches.map((batch) => (
            <li key={batch.rows[0]}>
              {t('batchLines', { from: sentLines[batch.rows[0]!] ?? '?', to: sentLines[batch.rows.at(-1)!] ?? '?' })}{' '}
              {lineOf(batch.rows, batch.error.serviceMessage)}
              {batch.error.requestId && <code> ({batch.error.requestId})</code>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExportPanel() {
  const { t, count } = usePlaygroundText();
  const client = useVikingClient();
  const [target, setTarget] = useState(`${KNOWN_INDEXES[0]!.collection}/${KNOWN_INDEXES[0]!.index}`);
  const [collection, index] = target.split('/') as [string, string];
  const { schema } = useIndexSchema(collection, index);
  // A complete scan pages in a stable order: by a sortable (int64/float32) scalar field, the primary key best.
  const sortable = (schema?.fields ?? []).filter((f) => f.scalar && (f.type === 'int64' || f.type === 'float32'));
  const [orderByChoice, setOrderBy] = useState<string | undefined>(undefined);
  const orderBy = orderByChoice ?? sortable[0]?.name ?? '';
  const [what, setWhat] = useState<'index' | 'search'>('index');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(100);
  const [status, setStatus] = useState('');
  async function run() {
    setStatus(t('exporting'));
    try {
      const lines: string[] = [];
      if (what === 'search') {
        // A search result: the hits of a text search, best first, with their scores.
        const result = await client.vector.index(collection, index).search.multiModal({ text, limit });
        for (const hit of result.items) lines.push(JSON.stringify({ id: hit.id, score: hit.score, ...hit.fields }));
      } else {
        if (!orderBy) {
          setStatus(t('exportNeedsOrder'));
          return;
        }
        const counted = await client.vector.index(collection, index).aggregate({ op: 'count' });
        const expected = Object.values(counted.agg).reduce((sum, n) => sum + n, 0);
        const seen = new Set<string>();
        const scan = client.vector
          .index(collection, index)
          .scan({ pageSize: 500, orderBy: { field: orderBy, order: 'asc' as const } });
        for await (const row of scan) {
          if (seen.has(String(row.id))) continue;
          seen.add(String(row.id));
          lines.push(JSON.stringify({ id: row.id, ...row.fields }));
        }
        if (lines.length !== expected) {
          setStatus(
            t('exportIncomplete', {
              found: lines.length,
              expected,
              collection,
              key: schema?.primaryKey || t('thePrimaryKey'),
            }),
          );
          return;
        }
      }
      downloadText(`${collection}${what === 'search' ? '-search' : ''}.jsonl`, lines.join('\n') + '\n');
      setStatus(t('exported', { rows: count(lines.length, 'row') }));
    } catch (error) {
      setStatus(t('exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }
  return (
    <section aria-labelledby="export-title" className="panel">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <label>
        {t('index')}{' '}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {KNOWN_INDEXES.map((i) => (
            <option key={`${i.collection}/${i.index}`} value={`${i.collection}/${i.index}`}>
              {i.collection} / {i.index}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="export-what">
        <legend>{t('exportWhat')}</legend>
        <label>
          <input type="radio" name="export-what" checked={what === 'index'} onChange={() => setWhat('index')} />{' '}
          {t('everyRow')}
        </label>
        <label>
          <input type="radio" name="export-what" checked={what === 'search'} onChange={() => setWhat('search')} />{' '}
          {t('searchResult')}
        </label>
      </fieldset>
      {what === 'index' ? (
        <label>
          {t('pageInOrderOf')}{' '}
          <select value={orderBy} onChange={(e) => setOrderBy(e.target.value)}>
            <option value="">{t('chooseField')}</option>
            {sortable.map((field) => (
              <option key={field.name} value={field.name}>
                {field.name}
                {field.isPrimaryKey ? t('primaryKeySuffix') : ''}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t('textQuery')}{' '}
            <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('textQueryPlaceholder')} />
          </label>
          <label>
            {t('rows')}{' '}
            <input
              type="number"
              min={1}
              max={1000}
              value={limit}
              onChange={(e) => setLimit(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
        </>
      )}
      <button type="button" onClick={() => void run()} disabled={what === 'search' && !text.trim()}>
        {t('export')}
      </button>
      <p role="status" data-testid="export-status">
        {status}
      </p>
    </section>
  );
}

/** Bulk import with a preview, field mapping, progress, pause and resume; export to JSONL. */
export function DataPage() {
  const { t } = usePlaygroundText();
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">{t('data')}</h1>
      <ImportPanel />
      <ExportPanel />
    </section>
  );
}
