import { describeError } from 'vikingdb-kit/components';
import { useAggregate } from 'vikingdb-kit/hooks';
import { usePlaygroundText } from '../i18n/playgroundText';
import { SchemaTable } from '../schema/SchemaTable';
import { useIndexSchema } from '../schema/useIndexSchema';
import { setUrlParams } from '../url/useUrlState';
import { KNOWN_INDEXES, KNOWN_MEMORY } from './knownIndexes';

/** One vector index: rows, dimension, distance, the fields as a table, and a way into the Explorer. */
function IndexCard({ collection, index, description }: (typeof KNOWN_INDEXES)[number]) {
  const { t, locale } = usePlaygroundText();
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
          <dt>{t('rows')}</dt>
          <dd data-testid={`rows-${collection}`}>{rows === undefined ? '…' : rows.toLocaleString(locale)}</dd>
          <dt>{t('dimension')}</dt>
          <dd>{schema?.dim ?? '…'}</dd>
          <dt>{t('distance')}</dt>
          <dd>{schema?.distance ?? '…'}</dd>
        </dl>
      )}
      {schema && <SchemaTable schema={schema} caption={t('fieldsOf', { collection })} />}
      <button
        type="button"
        onClick={() => setUrlParams({ page: 'explorer', index: `${collection}/${index}` }, true)}
        aria-label={t('openIndexInExplorer', { collection, index })}
      >
        {t('openInExplorer')}
      </button>
    </article>
  );
}

/** Every collection and index the playground knows on this backend, and the memory collections with their types. */
export function OverviewPage() {
  const { t, count } = usePlaygroundText();
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview')}</h1>
      <h2>{t('vectorCollections')}</h2>
      <div className="overview-grid">
        {KNOWN_INDEXES.map((entry) => (
          <IndexCard key={`${entry.collection}/${entry.index}`} {...entry} />
        ))}
      </div>
      <h2>{t('memoryCollections')}</h2>
      <table className="schema-table" aria-label={t('memoryCollections')}>
        <thead>
          <tr>
            <th scope="col">{t('collection')}</th>
            <th scope="col">{t('eventTypes')}</th>
            <th scope="col">{t('profileTypes')}</th>
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
                  aria-label={t('openCollectionInMemory', { name: memory.name })}
                >
                  {t('openInMemory')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('overviewTotals', {
          indexes: count(KNOWN_INDEXES.length, 'index'),
          memoryCollections: count(KNOWN_MEMORY.length, 'memoryCollection'),
        })}
      </p>
    </section>
  );
}
