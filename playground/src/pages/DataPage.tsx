import { useState } from 'react';
import { useBulkUpsert, useVikingClient } from 'vikingdb-kit/hooks';
import { downloadText } from '../data/downloadText';
import { parseRowsFile, type ParsedRows } from '../data/parseRows';
import { KNOWN_INDEXES } from './knownIndexes';

type Row = Record<string, unknown>;

function ImportPanel() {
  const [collection, setCollection] = useState('demo_docs');
  const [file, setFile] = useState<{ name: string; parsed: ParsedRows } | undefined>();
  /** Rows still to send: all of them at first, then what a failed or paused run left. */
  const [pending, setPending] = useState<Row[]>([]);
  const bulk = useBulkUpsert<Row>({ collection, batchSize: 100, concurrency: 4 });

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const parsed = parseRowsFile(chosen.name, await chosen.text());
    setFile({ name: chosen.name, parsed });
    setPending(parsed.rows);
    bulk.reset();
  }

  async function send() {
    const rows = pending;
    const state = await bulk.start(rows);
    if (state.status === 'success') setPending([]);
    else if (state.error) {
      const left = new Set([
        ...state.error.unsentRows,
        ...state.error.uncertainRows,
        ...state.error.failedBatches.flatMap((b) => b.rows),
      ]);
      setPending(rows.filter((_, i) => left.has(i)));
    }
  }

  const progress = bulk.progress;
  const total = progress?.total ?? pending.length;
  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">Import JSONL or CSV</h2>
      <label>
        Collection{' '}
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
      <label>
        File{' '}
        <input
          type="file"
          accept=".jsonl,.ndjson,.json,.csv"
          onChange={(e) => void choose(e.currentTarget)}
          disabled={bulk.status === 'running'}
        />
      </label>
      {file && (
        <p>
          {file.name}: {file.parsed.rows.length} rows
          {file.parsed.problems.length > 0 &&
            `, ${file.parsed.problems.length} unreadable lines (first: line ${file.parsed.problems[0]!.line}: ${file.parsed.problems[0]!.message})`}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void send()} disabled={pending.length === 0 || bulk.status === 'running'}>
          {bulk.status === 'error' || bulk.status === 'cancelled'
            ? `Resume (${pending.length} rows left)`
            : pending.length > 0
              ? `Import ${pending.length} rows`
              : 'Import'}
        </button>
        <button type="button" onClick={bulk.cancel} disabled={bulk.status !== 'running'}>
          Pause
        </button>
        <button
          type="button"
          onClick={() => {
            bulk.cancel();
            setPending([]);
            bulk.reset();
          }}
          disabled={pending.length === 0}
        >
          Cancel
        </button>
      </div>
      {(bulk.status !== 'idle' || progress) && (
        <div className="progress">
          <progress
            max={Math.max(total, 1)}
            value={progress?.written ?? (bulk.status === 'success' ? total : 0)}
            aria-label="Import progress"
          />
          <p role="status" data-testid="import-status">
            {bulk.status === 'running' && `Writing… ${progress?.written ?? 0} of ${total} rows`}
            {bulk.status === 'success' &&
              `Done: ${bulk.result?.written ?? 0} rows written in ${bulk.result?.batches ?? 0} batches.`}
            {bulk.status === 'cancelled' &&
              `Paused: ${bulk.error?.writtenRows.length ?? 0} rows written, ${pending.length} left.`}
            {bulk.status === 'error' &&
              `Stopped: ${bulk.error?.writtenRows.length ?? 0} rows written, ${pending.length} left.`}
          </p>
        </div>
      )}
      {bulk.error && bulk.error.failedBatches.length > 0 && (
        <ul className="batch-errors" aria-label="Failed batches">
          {bulk.error.failedBatches.map((batch) => (
            <li key={batch.rows[0]}>
              rows {batch.rows[0]! + 1}–{batch.rows.at(-1)! + 1}: {batch.error.serviceMessage}
              {batch.error.requestId && <code> ({batch.error.requestId})</code>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExportPanel() {
  const client = useVikingClient();
  const [target, setTarget] = useState(`${KNOWN_INDEXES[0]!.collection}/${KNOWN_INDEXES[0]!.index}`);
  const [orderBy, setOrderBy] = useState('id');
  const [what, setWhat] = useState<'index' | 'search'>('index');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(100);
  const [status, setStatus] = useState('');
  async function run() {
    const [collection, index] = target.split('/') as [string, string];
    setStatus('Exporting…');
    try {
      const lines: string[] = [];
      if (what === 'search') {
        // A search result: the hits of a text search, best first, with their scores.
        const result = await client.vector.index(collection, index).search.multiModal({ text, limit });
        for (const hit of result.items) lines.push(JSON.stringify({ id: hit.id, score: hit.score, ...hit.fields }));
      } else {
        const scan = client.vector
          .index(collection, index)
          .scan({ pageSize: 500, ...(orderBy ? { orderBy: { field: orderBy, order: 'asc' as const } } : {}) });
        for await (const row of scan) lines.push(JSON.stringify({ id: row.id, ...row.fields }));
      }
      downloadText(`${collection}${what === 'search' ? '-search' : ''}.jsonl`, lines.join('\n') + '\n');
      setStatus(`Exported ${lines.length} rows.`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (
    <section aria-labelledby="export-title" className="panel">
      <h2 id="export-title">Export as JSONL</h2>
      <label>
        Index{' '}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {KNOWN_INDEXES.map((i) => (
            <option key={`${i.collection}/${i.index}`} value={`${i.collection}/${i.index}`}>
              {i.collection} / {i.index}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="export-what">
        <legend>Export</legend>
        <label>
          <input type="radio" name="export-what" checked={what === 'index'} onChange={() => setWhat('index')} /> every
          row
        </label>
        <label>
          <input type="radio" name="export-what" checked={what === 'search'} onChange={() => setWhat('search')} /> a
          search result
        </label>
      </fieldset>
      {what === 'index' ? (
        <label>
          Page in the order of{' '}
          <input value={orderBy} onChange={(e) => setOrderBy(e.target.value)} placeholder="a unique scalar field" />
        </label>
      ) : (
        <>
          <label>
            Text query <input value={text} onChange={(e) => setText(e.target.value)} placeholder="what to search for" />
          </label>
          <label>
            Rows{' '}
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
        Export
      </button>
      <p role="status">{status}</p>
    </section>
  );
}

/** Bulk import with progress, pause and resume; export to JSONL. */
export function DataPage() {
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">Data</h1>
      <ImportPanel />
      <ExportPanel />
    </section>
  );
}
