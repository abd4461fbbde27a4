import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient, ValidationError, type FilterNode } from '../../../src/client/index.node';
import { expectInvalid as expectInvalidOn } from '../../support/expectInvalid';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('k') });
const collection = client.vector.collection('demo');
const index = client.vector.index('demo', 'demo_idx');
const memory = client.memory.collection('sdk_test');

const expectInvalid = (run: () => Promise<unknown>, path: string, message: RegExp) =>
  expectInvalidOn(server, run, path, message);

const asAny = <T = never>(value: unknown) => value as T;

describe('requests are checked before sending', () => {
  it('names a non-finite vector element by its path', async () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4, vector: [0, 1, 2, 3, 4, 5, 6, Number.NaN] }];
    await expectInvalid(() => collection.upsert(rows), 'data[3].vector[7]', /finite number/);
  });

  it('refuses more than 100 rows per upsert and update, pointing at upsertAll', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => ({ id: i + 1 }));
    await expectInvalid(() => collection.upsert(rows), 'data', /at most 100 rows.*upsertAll/);
    await expectInvalid(() => collection.update(rows), 'data', /at most 100 rows/);
  });

  it('refuses empty upserts, non-object rows and bad list items', async () => {
    await expectInvalid(() => collection.upsert([]), 'data', /at least one row/);
    await expectInvalid(() => collection.upsert(asAny([5])), 'data[0]', /row object/);
    await expectInvalid(() => collection.upsert([{ id: 1, tags: asAny(['a', {}]) }]), 'data[0].tags[1]', /string/);
    await expectInvalid(
      () => collection.upsert([{ id: 1, sparse: { a: Number.NaN } }]),
      'data[0].sparse.a',
      /finite number/,
    );
    await expectInvalid(() => collection.upsert([{ id: 1 }], { ttl: -1 }), 'ttl', /≥ 0/);
  });

  it('checks limit, offset, dense vectors and output fields on searches', async () => {
    await expectInvalid(() => index.search.random({ limit: 0 }), 'limit', /≥ 1/);
    await expectInvalid(() => index.search.random({ limit: 2.5 }), 'limit', /whole number/);
    await expectInvalid(() => index.search.random({ offset: -1 }), 'offset', /≥ 0/);
    await expectInvalid(() => index.search.vector({ denseVector: [] }), 'denseVector', /non-empty/);
    await expectInvalid(() => index.search.vector({ denseVector: [1, Infinity] }), 'denseVector[1]', /finite/);
    await expectInvalid(() => index.search.vector({ denseVector: asAny(undefined) }), 'denseVector', /array/);
    await expectInvalid(() => index.search.random({ outputFields: asAny('title') }), 'outputFields', /./);
    await expectInvalid(() => index.search.random({ advance: asAny([1]) }), 'advance', /object/);
  });

  it('requires what each search mode needs', async () => {
    await expectInvalid(() => index.search.multiModal({}), '', /text, image or video/);
    await expectInvalid(() => index.search.keywords({ keywords: [] }), '', /keywords or a query/);
    await expectInvalid(() => index.search.scalar({ field: '' }), 'field', /non-empty/);
    await expectInvalid(() => index.search.scalar({ field: 'score', order: asAny('up') }), 'order', /./);
    await expectInvalid(() => index.search.id(asAny({})), 'id', /id/);
    await expectInvalid(() => index.sort({ ids: [], queryVector: [1] }), 'ids', /at least one id/);
    await expectInvalid(() => index.fetch([]), 'ids', /at least one id/);
    await expectInvalid(() => collection.fetch(asAny([1.5])), 'ids[0]', /id/);
    await expectInvalid(() => collection.delete({ ids: [] }), 'ids', /at least one id/);
    await expectInvalid(() => client.vector.embedding({ data: [{ text: 'x' }] }), '', /denseModel/);
    await expectInvalid(() => client.vector.rerank({ modelName: 'm', query: 'q', data: [] }), 'data', /at least one/);
  });

  it('names the bad node of a malformed raw filter', async () => {
    const bad = asAny<FilterNode>({
      op: 'and',
      conds: [
        { op: 'must', field: 'a', conds: ['x'] },
        { op: 'range', field: 'b' },
      ],
    });
    await expectInvalid(
      () => index.search.random({ filter: bad }),
      'filter.conds[1]',
      /at least one of gt, gte, lt, lte/,
    );
    await expectInvalid(() => index.search.random({ filter: asAny({ field: 'a' }) }), 'filter.op', /op name/);
    await expectInvalid(
      () => index.aggregate({ filter: asAny({ op: 'must', field: 'a', conds: [] }) }),
      'filter.conds',
      /non-empty/,
    );
    await expectInvalid(
      () => index.search.random({ filter: asAny({ op: 'range', field: ['x'], center: [0, 0], radius: 1 }) }),
      'filter.field',
      /two field names/,
    );
  });

  it('checks memory requests: messages, roles, ids, filters and limits', async () => {
    await expectInvalid(() => memory.addSession({ sessionId: 's', messages: [] }), 'messages', /at least one message/);
    await expectInvalid(
      () => memory.addSession({ sessionId: 's', messages: [{ role: '', content: 'hi' }] }),
      'messages[0].role',
      /role name such as user, assistant or system/,
    );
    await expectInvalid(
      () => memory.addSession({ sessionId: '', messages: [{ role: 'user', content: 'x' }] }),
      'sessionId',
      /non-empty/,
    );
    await expectInvalid(() => memory.search({ limit: 0 }), 'limit', /≥ 1/);
    await expectInvalid(() => memory.search({ filter: { startTime: -5 } }), 'filter.startTime', /≥ 0/);
    await expectInvalid(
      () => memory.addSession({ messages: [{ role: 'user', content: asAny([1]) }] }),
      'messages[0].content',
      /string, or an array of parts/,
    );
    await expectInvalid(() => memory.sessionInfo(''), '', /non-empty/);
    await expectInvalid(() => memory.events.add({ eventType: 'e', memoryInfo: asAny('x') }), 'memoryInfo', /./);
    await expectInvalid(() => memory.profiles.update({ profileId: '', memoryInfo: {} }), 'profileId', /non-empty/);
  });

  it('refuses a locator that names nothing', () => {
    expect(() => client.vector.collection('')).toThrow(ValidationError);
    expect(() => client.vector.index('demo', '')).toThrow(/index name/);
    expect(() => client.memory.collection(asAny({ project_name: 'p' }))).toThrow(ValidationError);
  });
});

describe('per-call options are checked too', () => {
  it('refuses a maxRetries or timeoutMs that is not a usable number, sending nothing', async () => {
    await expectInvalid(
      () => index.search.random({}, { maxRetries: Number.NaN }),
      'options.maxRetries',
      /whole number/,
    );
    await expectInvalid(() => index.search.random({}, { maxRetries: -1 }), 'options.maxRetries', /whole number/);
    await expectInvalid(() => index.search.random({}, { timeoutMs: 0 }), 'options.timeoutMs', /positive/);
    await expectInvalid(
      () => client.vector.ping({ timeoutMs: Number.POSITIVE_INFINITY }),
      'options.timeoutMs',
      /positive/,
    );
  });
});
