import { describe, expectTypeOf, it } from 'vitest';
import type {
  FetchedRow,
  FetchResult,
  PrimaryKey,
  SearchResult,
  SortResult,
  VikingClient,
} from '../../src/client/index';
import {
  indexRef,
  sortOptions,
  useFetchIndexRows,
  useFetchMany,
  useInfiniteScan,
  useSort,
  useMemorySearch,
  useDelete,
  useUpsert,
  useVectorSearch,
  vectorSearchOptions,
} from '../../src/hooks/index';

interface Doc {
  id: number;
  title: string;
  year: number;
  embedding: number[];
}

declare const client: VikingClient;
const docs = indexRef<Doc>('docs', 'docs_index');

describe('hook typing', () => {
  it('infers the row type from an indexRef and narrows output fields', () => {
    const query = useVectorSearch({ ...docs, mode: 'vector', denseVector: [1], outputFields: ['title'] });
    expectTypeOf(query.data).toEqualTypeOf<SearchResult<Doc, 'title'> | undefined>();
    const all = useVectorSearch({ ...docs, mode: 'random' });
    expectTypeOf(all.data!.items[0]!.fields).toEqualTypeOf<Pick<Doc, keyof Doc & string>>();
    const scan = useInfiniteScan({ ...docs, outputFields: ['year'] });
    expectTypeOf(scan.data!.pages[0]!.items[0]!.fields).toEqualTypeOf<Pick<Doc, 'year'>>();
    const rows = useFetchIndexRows({ ...docs, ids: [1], outputFields: ['title', 'year'] });
    expectTypeOf(rows.data!.items[0]!.fields).toEqualTypeOf<Pick<Doc, 'title' | 'year'>>();
    expectTypeOf(rows.data!.items[0]!.id).toEqualTypeOf<PrimaryKey>();
  });

  it('checks mode parameters and field names', () => {
    // @ts-expect-error multiModal has no denseVector
    useVectorSearch({ ...docs, mode: 'multiModal', denseVector: [1] });
    // @ts-expect-error vector mode needs denseVector
    useVectorSearch({ ...docs, mode: 'vector' });
    // @ts-expect-error "pages" is not a field of Doc
    useVectorSearch({ ...docs, mode: 'scalar', field: 'pages' });
    // @ts-expect-error "pages" is not a field of Doc
    useVectorSearch({ ...docs, mode: 'random', outputFields: ['pages'] });
    // @ts-expect-error rows must match Doc
    useUpsert<Doc>({ collection: 'docs' }).mutate({ params: [{ id: 1, title: 2 }] });
    // @ts-expect-error rows must match Doc in the earlier shape too
    useUpsert<Doc>({ collection: 'docs' }).mutate({ rows: [{ id: 1, title: 2 }] });
    // @ts-expect-error a delete's params is the delete target
    useDelete({ collection: 'docs' }).mutate({ params: [1, 2] });
  });

  it('accepts plain collection/index strings with any field', () => {
    const loose = useVectorSearch({
      collection: 'docs',
      index: 'docs_index',
      mode: 'random',
      outputFields: ['anything'],
    });
    expectTypeOf(loose.data!.items[0]!.fields).toHaveProperty('anything');
  });

  it('options factories carry the data type for prefetching', () => {
    const options = vectorSearchOptions(client, { ...docs, mode: 'random', outputFields: ['year'] });
    expectTypeOf(options.queryFn).returns.resolves.toEqualTypeOf<SearchResult<Doc, 'year'>>();
  });

  it('types memory results', () => {
    const found = useMemorySearch({ collection: 'sdk_test', query: 'q' });
    expectTypeOf(found.data!.items[0]!.memoryType).toEqualTypeOf<string | undefined>();
  });
});

describe('sort and fetchMany hooks typing', () => {
  it('type their data and check their input', () => {
    const sorted = useSort({ ...docs, ids: [1, 'b'], queryVector: [0.1] });
    expectTypeOf(sorted.data).toEqualTypeOf<SortResult | undefined>();
    const many = useFetchMany<Doc>({ collection: 'docs', ids: [1, 2], batchSize: 50 });
    expectTypeOf(many.data).toEqualTypeOf<FetchResult<FetchedRow<Doc>> | undefined>();
    expectTypeOf(sortOptions(client, { ...docs, ids: [1], queryVector: [1] }).queryKey[0]).toEqualTypeOf<'vikingdb'>();
    // @ts-expect-error sort needs a query vector
    useSort({ ...docs, ids: [1] });
    // @ts-expect-error batchSize is a number
    useFetchMany({ collection: 'docs', ids: [1], batchSize: '50' });
  });
});
