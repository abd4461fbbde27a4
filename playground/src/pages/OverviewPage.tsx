import { describeError } from 'vikingdb-kit/components';
import { useAggregate } from 'vikingdb-kit/hooks';
import { formatCount } from '../i18n/formatCount';
import { SchemaTable } from '../schema/SchemaTable';
import { useIndexSchema } from '../schema/useIndexSchema';
import { setUrlParams } from '../url/useUrlState';
import { KNOWN_INDEXES, KNOWN_MEMORY } from './knownIndexes';

/** One vector index: rows, dimension, distance, the fields as a table, and a way into the Explorer. */
function IndexCard({ collection, index, description }: (typeof KNOWN_INDEXES)[number]) {
  const { schema, error } = useIndexSchema(collection, index);
  const count = useAggregate({ collection, index, op: 'count' }, { staleTime: 10_000 });
  const rows = count.data ? Object.values(count.data.agg).reduce((sum, n) => sum + n, 0) : undefined;
  const titleId = `overview-${collection}-${index}`;
  return (
    <article className="panel overview-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {collection} / {index}
      </h3>
      {description && <p className="muted">{description}</p>}
      {error ? (
        <p role="alert" className="hint">
          {describeError(error).message} {describeError(error).hint}
        </p>
      ) : (
        <dl className="facts">
          <dt>Rows</dt>
          <dd data-testid={`rows-${collection}`}>{rows === undefined ? '…' : rows.toLocaleString('en')}</dd>
          <dt>Vector dimension</dt>
          <dd>{schema?.dim ?? '…'}</dd>
          <dt>Distance</dt>
          <dd>{schema?.distance ?? '…'}</dd>
        </dl>
      )}
      {schema && <SchemaTable schema={schema} caption={`Fields of ${collection}`} />}
      <button
        type="button"
        onClick={() => setUrlParams({ page: 'explorer', index: `${collection}/${index}` }, true)}
        aria-label={`Open ${collection} / ${index} in the Explorer`}
      >
        Open in Explorer
      </button>
    </article>
  );
}

/** Every collection and index the playground knows on this backend, and the memory collections with their types. */
export function OverviewPage() {
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <h2>Vector collections</h2>
      <div className="overview-grid">
        {KNOWN_INDEXES.map((entry) => (
          <IndexCard key={`${entry.collection}/${entry.index}`} {...entry} />
        ))}
      </div>
      <h2>Memory collections</h2>
      <table className="schema-table" aria-label="Memory collections">
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Event types</th>
            <th scope="col">Profile types</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {KNOWN_MEMORY.map((memory) => (
            <tr key={memory.name}>
              <th scope="row">
                {memory.name}
                {memory.description && <div className="muted">{memory.description}</div>}
              </th>
              <td>{memory.eventTypes.join(', ') || '—'}</td>
              <td>{memory.profileTypes.join(', ') || '—'}</td>
              <td>
                <button
                  type="button"
                  onClick={() => setUrlParams({ page: 'memory', memory: memory.name }, true)}
                  aria-label={`Open ${memory.name} in Memory`}
                >
                  Open in Memory
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {formatCount(KNOWN_INDEXES.length, 'index', 'indexes')} and{' '}
        {formatCount(KNOWN_MEMORY.length, 'memory collection', 'memory collections')} of the local server's default
        config.
      </p>
    </section>
  );
}
