import { describe, expectTypeOf, it } from 'vitest';
import {
  apiKey,
  createVikingClient,
  createVikingCore,
  f,
  indexRef,
  isVikingDBError,
  MemoryErrorCode,
  searchByMultiModal,
  searchByVector,
  type AnyFields,
  type Filter,
  type PrimaryKey,
  type RequestOptions,
  type SearchItem,
  type SearchResult,
} from '../../src/client/index';

interface Doc {
  id: number;
  title: string;
  year: number;
  tags: string[];
  embedding: number[];
}

const client = createVikingClient({ auth: apiKey('k') });
const index = client.vector.index<Doc>('docs', 'docs_index');
const collection = client.vector.collection<Doc>('docs');

describe('vector typing', () => {
  it('narrows fields to outputFields', async () => {
    const result = await index.search.vector({ denseVector: [1, 2], outputFields: ['title', 'year'] });
    expectTypeOf(result).toEqualTypeOf<SearchResult<Doc, 'title' | 'year'>>();
    expectTypeOf(result.items[0]!.fields).toEqualTypeOf<Pick<Doc, 'title' | 'year'>>();
    // @ts-expect-error tags was not requested
    void result.items[0]!.fields.tags;
  });

  it('returns every field when outputFields is absent', async () => {
    const result = await index.search.random();
    expectTypeOf(result.items[0]!.fields).toEqualTypeOf<Pick<Doc, keyof Doc>>();
    expectTypeOf(result.items[0]!.id).toEqualTypeOf<PrimaryKey>();
    expectTypeOf(result.items[0]!.annScore).toEqualTypeOf<number | undefined>();
  });

  it('rejects unknown output fields and filter fields at compile time', () => {
    // @ts-expect-error "author" is not a field of Doc
    void index.search.vector({ denseVector: [1], outputFields: ['author'] });
    // @ts-expect-error "author" is not a field of Doc
    void index.search.random({ filter: f.must('author', ['x']) });
    // @ts-expect-error a raw node with an unknown field
    void index.search.random({ filter: { op: 'range', field: 'pages', gte: 1 } });
    // @ts-expect-error nested unknown field
    void index.search.random({ filter: f.and(f.must('title', ['a']), f.range('pages', { gt: 1 })) });
    // @ts-expect-error scalar search by an unknown field
    void index.search.scalar({ field: 'pages' });
  });

  it('accepts valid filters, raw and built', () => {
    const built = f.and(f.must('tags', ['ai']), f.or(f.range('year', { gte: 2020 }), f.mustNot('title', ['draft'])));
    expectTypeOf(built).toExtend<Filter<Doc>>();
    const raw: Filter<Doc> = { op: 'range', field: ['year', 'id'], center: [0, 0], radius: 5 };
    void index.search.random({ filter: raw });
  });

  it('types rows, fetch results and the scan iterator', async () => {
    void collection.upsert([{ id: 1, title: 'a' }]);
    // @ts-expect-error title must be a string
    void collection.upsert([{ id: 1, title: 5 }]);
    const fetched = await index.fetch([1], { outputFields: ['title'] });
    expectTypeOf(fetched.items[0]!.fields).toEqualTypeOf<Pick<Doc, 'title'>>();
    expectTypeOf(fetched.items[0]!.denseVector).toEqualTypeOf<number[] | undefined>();
    for await (const row of index.scan({ outputFields: ['year'] })) {
      expectTypeOf(row).toEqualTypeOf<SearchItem<Doc, 'year'>>();
    }
  });

  it('defaults to any field name without a row type', async () => {
    const loose = client.vector.index('docs', 'docs_index');
    const result = await loose.search.random({ filter: f.must('anything', [1]) });
    expectTypeOf(result.items[0]!.fields).toExtend<Record<string, unknown>>();
  });
});

describe('memory typing', () => {
  it('takes any role and multi-part content, checks known keys, and returns typed items', async () => {
    const memory = client.memory.collection('sdk_test');
    void memory.addSession({ messages: [{ role: 'bot', content: 'x', roleId: 'b1', roleName: 'Bot', time: 1 }] });
    void memory.addSession({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'https://x/cat.png' } },
          ],
        },
      ],
      extractMemoryType: ['event_v1'],
      ttlRelative: 3600,
    });
    // @ts-expect-error a misspelled message key
    void memory.addSession({ sessionId: 's', messages: [{ role: 'user', contnet: 'x' }] });
    // @ts-expect-error a misspelled parameter
    void memory.addSession({ sesionId: 's', messages: [{ role: 'user', content: 'x' }] });
    client.memory.collection({ collection_name: 'c', resource_id: 'r-1' });
    const found = await memory.search({ query: 'q', filter: { userId: 'u', memoryType: ['event_v1'] } });
    expectTypeOf(found.items[0]!.memoryInfo).toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf(found.items[0]!.time).toEqualTypeOf<number | undefined>();
  });
});

describe('standalone operations typing', () => {
  const core = createVikingCore({ auth: apiKey('k') });
  const docs = indexRef<Doc>('docs', 'docs_index');

  it('take the row type from an indexRef and narrow fields to outputFields', async () => {
    const result = await searchByVector(core, docs, { denseVector: [1], outputFields: ['title'] });
    expectTypeOf(result).toEqualTypeOf<SearchResult<Doc, 'title'>>();
    // @ts-expect-error year was not requested
    void result.items[0]!.fields.year;
    // @ts-expect-error "author" is not a field of Doc
    await searchByVector(core, docs, { denseVector: [1], outputFields: ['author'] });
    // @ts-expect-error "author" is not a field of Doc
    await searchByMultiModal(core, docs, { text: 'x', filter: f.must('author', ['a']) });
  });

  it('accept a client, and a plain { collection, index } with untyped rows', async () => {
    const result = await searchByMultiModal(client, { collection: 'docs', index: 'docs_index' }, { text: 'x' });
    expectTypeOf(result.items[0]!.fields).toEqualTypeOf<Pick<AnyFields, string>>();
  });
});

describe('forward compatibility typing', () => {
  it('extraBody takes any record of wire keys, on every call', async () => {
    expectTypeOf<{ a: 1; b: { c: [null] }; new_flag: boolean }>().toExtend<NonNullable<RequestOptions['extraBody']>>();
    const extraBody = { new_flag: true, nested: { any: ['thing', 1, null] } };
    await index.search.vector({ denseVector: [1] }, { extraBody });
    await collection.upsert([{ id: 1, title: 't' }], { ttl: 60, extraBody });
    await client.memory.collection('m').addSession({ messages: [{ role: 'user', content: 'x' }] }, { extraBody });
    // @ts-expect-error extraBody is a record, not a list
    await index.search.random({}, { extraBody: [1, 2] });
  });

  it('typed params still reject misspelled known keys', async () => {
    // @ts-expect-error outputField is a misspelling of outputFields
    await index.search.vector({ denseVector: [1], outputField: ['title'] });
    // @ts-expect-error denseVectr is a misspelling of denseVector
    await index.search.vector({ denseVectr: [1] });
    // @ts-expect-error ignoreUnknownField is a misspelling of ignoreUnknownFields
    await collection.upsert([{ id: 1 }], { ignoreUnknownField: true });
    // @ts-expect-error limt is a misspelling of limit
    await client.memory.collection('m').search({ limt: 3 });
  });

  it('loosened params: media objects, any aggregate op and cond, object field values, unknown filter ops', async () => {
    await index.search.multiModal({ image: { url: 'https://x/cat.png' }, video: { value: 'v.mp4', fps: 0.5 } });
    await index.search.multiModal({ image: 'data:image/png;base64,AAAA' });
    await index.aggregate({ op: 'sum', field: 'year', cond: { lt: 3 } });
    await client.vector.collection('media').upsert([{ id: 1, clip: { value: 'tos://b/k.mp4', fps: 1 } }]);
    await index.search.random({ filter: f.and(f.must('title', ['a']), f.raw({ op: 'prefix', field: 'title' })) });
  });

  it('results keep the raw payload and hits their wire object', async () => {
    const result = await index.search.random();
    expectTypeOf(result.raw).toEqualTypeOf<Readonly<Record<string, unknown>>>();
    expectTypeOf(result.items[0]!.raw).toEqualTypeOf<Readonly<Record<string, unknown>> | undefined>();
  });

  it('isVikingDBError takes a code name or a code, and refuses unknown names', () => {
    const error: unknown = new Error('x');
    if (isVikingDBError(error, 'CollectionNotExist')) expectTypeOf(error.code).toEqualTypeOf<string | number>();
    void isVikingDBError(error, MemoryErrorCode.InvalidParameter);
    void isVikingDBError(error, 'NotFound.VikingdbIndex');
    // @ts-expect-error no such code name
    void isVikingDBError(error, 'CollectionMissing');
    // @ts-expect-error PointNotExist is a knowledge code, not a memory one
    void MemoryErrorCode.PointNotExist;
  });
});
