import { SearchExplorer, type ExplorerMode, type ExplorerQuery } from 'vikingdb-kit/components/search-explorer';
import { useState } from 'react';
import { usePlaygroundText } from '../i18n/playgroundText';
import { SchemaTable } from '../schema/SchemaTable';
import { useIndexSchema } from '../schema/useIndexSchema';
import { useLocale } from '../settings/useSetting';
import { setUrlParams, useUrlState } from '../url/useUrlState';
import { KNOWN_INDEXES } from './knownIndexes';

/** The collection's schema, as a `return_schema` search reports it, as a table. */
function SchemaDetails({ collection, index }: { collection: string; index: string }) {
  const { schema } = useIndexSchema(collection, index);
  const { t } = usePlaygroundText();
  if (!schema) return null;
  return (
    <details className="schema">
      <summary>{t('schemaOf', { collection })}</summary>
      <SchemaTable
        schema={schema}
        caption={t('schemaCaption', { collection, index, distance: schema.distance ?? '', dim: schema.dim ?? '?' })}
      />
    </details>
  );
}

const DEFAULT_TARGET = `${KNOWN_INDEXES[0]!.collection}/${KNOWN_INDEXES[0]!.index}`;

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
  const [target] = useUrlState('index', DEFAULT_TARGET);
  const [collection = '', index = ''] = target.split('/');
  const [mode] = useUrlState('mode', '');
  const [q] = useUrlState('q', '');
  const [order] = useUrlState('order', '');
  const [locale] = useLocale();
  const { t } = usePlaygroundText();
  // The explorer starts from the URL's query once per index (a reload, a shared link, back/forward to another index);
  // later URL writes come from the explorer itself.
  const fromUrl = () => ({ target, initial: queryFromParams(mode, q, order), searchNow: Boolean(q) });
  const [start, setStart] = useState(fromUrl);
  if (start.target !== target) setStart(fromUrl());
  const initial = start.target === target ? start.initial : undefined;
  // Another index starts a fresh explorer, so the URL drops the old query with it (view and URL stay the same).
  const chooseTarget = (next: string) =>
    setUrlParams(
      { index: next === DEFAULT_TARGET ? undefined : next, mode: undefined, q: undefined, order: undefined },
      true,
    );
  return (
    <section aria-labelledby="explorer-title">
      <h1 id="explorer-title">{t('explorer')}</h1>
      <div className="pickers">
        <label>
          {t('collectionIndex')}{' '}
          <select value={target} onChange={(e) => chooseTarget(e.target.value)}>
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
        locale={locale}
        collection={collection}
        index={index}
        {...(initial ? { initialQuery: initial, searchOnMount: initial.mode === 'random' || start.searchNow } : {})}
        onSearch={(query) => setUrlParams(queryToParams(query))}
      />
    </section>
  );
}
