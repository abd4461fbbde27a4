import { describe, expect, it } from 'vitest';
import {
  apiKey,
  createVikingClient,
  describeErrorCode,
  isVikingDBError,
  KnowledgeErrorCode,
  MemoryErrorCode,
  VectorErrorCode,
  ValidationError,
} from '../../../src/client/index.node';
import { answerOnce } from '../../support/recordCall';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('k'), retry: { maxRetries: 0 } });

/** The memory codes of the api doc's table (§2.2). */
const MEMORY_DOC_CODES = [
  1000001, 1000003, 1000004, 1000005, 1000007, 1000008, 1000011, 1000013, 1000014, 1000016, 1000017, 1000019, 1000021,
  1000022, 1000023, 1000025, 1000028, 1000029,
];
/** The knowledge codes of the knowledge api doc's table (§2.2). */
const KNOWLEDGE_DOC_CODES = [
  1000001, 1000002, 1000003, 1000004, 1000005, 1000006, 1000007, 1000008, 1000010, 1000011, 1000013, 1000014, 1000015,
  1000016, 1000017, 1000018, 1000019, 1000020, 1000021, 1000022, 1000023, 1000024, 1000025, 1000026, 1000028, 1000029,
  1000030, 1001001, 1001010, 1002001,
];
/** The vector codes the api doc names (§2.1) and the local server answers with. */
const VECTOR_DOC_CODES = [
  'MissingParameter',
  'InvalidParameter',
  'AccessDenied',
  'InternalError',
  'TooManyRequests',
  'NotFound.VikingdbCollection',
  'NotFound.VikingdbIndex',
  'NotFound.VikingdbData',
  'ServiceUnavailable',
];

async function failure(path: string, status: number, body: unknown): Promise<unknown> {
  answerOnce(server, path, body, status);
  const call = path.startsWith('/api/memory')
    ? client.memory.collection('c').search({ query: 'q' })
    : client.vector.index('docs', 'docs_index').search.random({});
  return call.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('error code catalog', () => {
  it('names every code of the api docs and gives each a hint', () => {
    for (const code of [...MEMORY_DOC_CODES, ...KNOWLEDGE_DOC_CODES, ...VECTOR_DOC_CODES]) {
      const info = describeErrorCode(code);
      expect(info, String(code)).toBeDefined();
      expect(info!.hint.length, String(code)).toBeGreaterThan(10);
    }
    expect(new Set(Object.values(KnowledgeErrorCode))).toEqual(new Set(KNOWLEDGE_DOC_CODES));
    expect(new Set(Object.values(VectorErrorCode))).toEqual(new Set([...VECTOR_DOC_CODES, 'Unauthorized']));
    for (const code of MEMORY_DOC_CODES) {
      const name = describeErrorCode(code)!.name as keyof typeof MemoryErrorCode;
      expect(MemoryErrorCode[name]).toBe(code);
    }
  });

  it('gives a condition the same name in every domain', () => {
    expect(describeErrorCode('NotFound.VikingdbCollection')!.name).toBe('CollectionNotExist');
    expect(describeErrorCode(MemoryErrorCode.CollectionNotExist)!.name).toBe('CollectionNotExist');
    expect(describeErrorCode(1000003)!.name).toBe('InvalidParameter');
    expect(describeErrorCode('InvalidParameter')!.name).toBe('InvalidParameter');
    expect(describeErrorCode(1000029)!.name).toBe('TooManyRequests');
    expect(describeErrorCode('1001001')).toEqual(describeErrorCode(KnowledgeErrorCode.DocNotExist));
    expect(describeErrorCode(42)).toBeUndefined();
    expect(describeErrorCode('Something.New')).toBeUndefined();
    expect(describeErrorCode(undefined)).toBeUndefined();
  });
});

describe('isVikingDBError by code', () => {
  it('matches a memory error by name or exact code, and not by another', async () => {
    const error = await failure('/api/memory/search', 400, { code: 1000003, message: 'bad limit', request_id: 'r' });
    expect(isVikingDBError(error)).toBe(true);
    expect(isVikingDBError(error, 'InvalidParameter')).toBe(true);
    expect(isVikingDBError(error, MemoryErrorCode.InvalidParameter)).toBe(true);
    expect(isVikingDBError(error, 'CollectionNotExist')).toBe(false);
    expect(isVikingDBError(error, VectorErrorCode.InvalidParameter)).toBe(true);

    const missing = await failure('/api/memory/search', 404, { code: 1000005, message: 'no collection' });
    expect((missing as { code: unknown }).code === MemoryErrorCode.CollectionNotExist).toBe(true);
    expect(isVikingDBError(missing, 'CollectionNotExist')).toBe(true);
  });

  it('matches a vector error by name or its string code', async () => {
    const error = await failure('/api/vikingdb/data/search/random', 404, {
      code: 'NotFound.VikingdbCollection',
      message: 'no such collection',
      request_id: 'r',
    });
    expect(isVikingDBError(error, 'CollectionNotExist')).toBe(true);
    expect(isVikingDBError(error, 'NotFound.VikingdbCollection')).toBe(true);
    expect(isVikingDBError(error, 'IndexNotExist')).toBe(false);
  });

  it('is false for what is not a kit error, and a client-side error matches no service code', () => {
    expect(isVikingDBError(new Error('x'), 'InvalidParameter')).toBe(false);
    expect(isVikingDBError({ code: 1000003 }, 'InvalidParameter')).toBe(false);
    const invalid = new ValidationError('vector.upsert', [{ path: 'data', message: 'x' }]);
    expect(isVikingDBError(invalid)).toBe(true);
    expect(isVikingDBError(invalid, 'InvalidParameter')).toBe(false);
  });
});
