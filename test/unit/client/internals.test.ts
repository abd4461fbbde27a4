/** Small internals the endpoint tests reach only on rare paths: HTTP error codes, wire helpers. */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/client/errors/AuthError';
import { createHttpError, type FailedResponse } from '../../../src/client/errors/createHttpError';
import { HttpError } from '../../../src/client/errors/HttpError';
import { NotFoundError } from '../../../src/client/errors/NotFoundError';
import { RateLimitError } from '../../../src/client/errors/RateLimitError';
import { ServerError } from '../../../src/client/errors/ServerError';
import { schemaIssues } from '../../../src/client/transport/validate';
import { searchWire } from '../../../src/client/vector/wire';
import { requestBodyText } from '../../../src/client/transport/transport';

describe('createHttpError without a VikingDB error body', () => {
  const failed = (status: number, statusText = ''): FailedResponse => ({
    status,
    statusText,
    bodyText: '',
    headerRequestId: 'rid-header',
    retryAfterMs: status === 429 ? 1000 : undefined,
    method: 'POST',
    url: 'https://example.test/api/vikingdb/data/search/vector',
    domain: 'vector',
    attempts: 1,
  });

  it.each([
    [401, 'Unauthorized', AuthError],
    [403, 'AccessDenied', AuthError],
    [404, 'NotFound', NotFoundError],
    [429, 'TooManyRequests', RateLimitError],
    [502, 'InternalError', ServerError],
    [418, 'InvalidParameter', HttpError],
  ] as const)('%i: code %s, its error class and the header request id', (status, code, type) => {
    const error = createHttpError(failed(status));
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe('rid-header');
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('uses the status text as the message when there is one', () => {
    expect(createHttpError(failed(503, 'Service Unavailable')).message).toContain('Service Unavailable');
  });
});

describe('wire helpers', () => {
  it('schemaIssues names each issue by its path', () => {
    const schema = () => z.object({ limit: z.number() });
    expect(schemaIssues(schema, { limit: 5 })).toEqual([]);
    expect(schemaIssues(schema, { limit: 'five' }, ['params'])).toEqual([
      { path: 'params.limit', message: expect.any(String) },
    ]);
  });

  it('searchWire renames parameters and option objects to snake_case, and leaves filters, vectors and names as given', () => {
    const filter = { op: 'must', field: 'userId', conds: ['A'] };
    const wire = searchWire({
      filter,
      outputFields: ['userId'],
      sparseVector: { Apple: 0.5 },
      bm25K1: 1.2,
      advance: { denseWeight: 0.5, idsNotIn: [1] },
      tensorRerank: { tensor: [[1, 2]], inputLimit: 50, maxSimilarityAlgo: 'dot' },
      rerank: { modelName: 'm', timeoutMs: 100 },
      instruction: { autoFill: true },
      limit: undefined,
    });
    expect(wire).toEqual({
      output_fields: ['userId'],
      sparse_vector: { Apple: 0.5 },
      bm25_k1: 1.2,
      advance: { dense_weight: 0.5, ids_not_in: [1] },
      tensor_rerank: { tensor: [[1, 2]], input_limit: 50, max_similarity_algo: 'dot' },
      rerank: { model_name: 'm', timeout_ms: 100 },
      instruction: { auto_fill: true },
      filter,
    });
    expect(Object.keys(wire)).not.toContain('limit');
    expect(searchWire({})).toEqual({});
  });

  it('requestBodyText merges extraBody on top, verbatim, and sends nothing for a GET', () => {
    const body = { collection_name: 'a', limit: 1 };
    expect(requestBodyText('POST', body, { extraBody: { limit: 2, NewKey: [null] } })).toBe(
      '{"collection_name":"a","limit":2,"NewKey":[null]}',
    );
    expect(requestBodyText('POST', undefined, {})).toBe('{}');
    expect(requestBodyText('GET', body, { extraBody: { x: 1 } })).toBe('');
    expect(body).toEqual({ collection_name: 'a', limit: 1 });
  });
});
