import { SearchExplorer, type ExplorerMode, type ExplorerQuery } from 'vikingdb-kit/components';
import { useState } from 'react';
import { useVectorSearch } from 'vikingdb-kit/hooks';
import { setUrlParams, useUrlState } from '../url/useUrlState';
import { KNOWN_INDEXES } from './knownIndexes';

/** The collection's schema, as a `return_schema` search reports it. */
function SchemaDetails({ collection, index }: { collection: string; index: string }) {
  const probe = useVectorSearch(
    { collection, index, mode: 'random', limit: 1, outputFields: [], returnSchema: true },
    { staleTime: 60_000 },
  );
  if (!probe.data?.schema) return null;
  return (
    <details className="schema">
      <summary>Schema of {collection}</summary>
      <pre>{JSON.stringify(probe.data.schema, null, 2)}</pre>
    </details>
  );
}

const MODES: readonly ExplorerMode[] = ['text', 'vector', 'id', 'keywords', 'scalar', 'random'];

/** The URL form of a query: mode and the value its mode reads. */
function queryToParams(query: ExplorerQuery): Record<string, string | undefined> {
  const value = {
    text: query.text,
    vector: query.vector,
    id: query.id,
    keywords: query.keywords,
    scalar: query.scalarField,
    random: '',
  }[query.mode];
  return { mode: query.mode, q: value, order: query.mode === 'scalar' ? query.scalarOrder : undefined };
}

/** The query a URL names, to start the explorer with. */
function queryFromParams(mode: string, q: string, order: string): Partial<ExplorerQuery> | undefined {
  const known = MODES.find((m) => m === mode);
  if (!known) return undefined;
  const field = {
    text: 'text',
    vector: 'vector',
    id: 'id',
    keywords: 'keywords',
    scalar: 'scalarField',
    random: undefined,
  }[known];
  return {
    mode: known,
    ...(field ? { [field]: q } : {}),
    ...(order === 'asc' || order === 'desc' ? { scalarOrder: order } : {}),
  };
}

/** The SearchExplorer over a chosen collection and index; the index, mode and query live in the URL. */
export default function ExplorerPage() {
  const [target, setTarget] = useUrlState('index', `${KNOWN_INDEXES[0].collection}/${KNOWN_INDEXES[0].index}`);
  const [collection = '', index = ''] = target.split('/');
  const [mode] = useUrlState('mode', '');
  const [q] = useUrlState('q', '');
  const [order] = useUrlState('order', '');
  // Read once per index: later URL writes come from the explorer itself.
  const [initial] = useState(() => queryFromParams(mode, q, order));
  return (
    <section aria-labelledby="explorer-title">
      <h1 id="explorer-title">Explorer</h1>
      <div className="pickers">
        <label>
          Collection / index{' '}
          <select value={target} onChange={(e) => setTarget(e.target.value, true)}>
            {KNOWN_INDEXES.map((i) => (
              <option key={`${i.collection}/${i.index}`} value={`${i.collection}/${i.index}`}>
                {i.collection} / {i.index}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SchemaDetails collection={collection} index={index} />
      <SearchExplorer
        key={target}
        collection={collection}
        index={index}
        {...(initial ? { initialQuery: initial, searchOnMount: initial.mode === 'random' || Boolean(q) } : {})}
        onSearch={(query) => setUrlParams(queryToParams(query))}
      />
    </section>
  );
}
