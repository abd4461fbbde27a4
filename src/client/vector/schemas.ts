import * as z from 'zod/mini';
import {
  bool,
  finite,
  jsonObject,
  lazy,
  matching,
  media,
  nonEmpty,
  listOf,
  numbers,
  oneOf,
  partition,
  primaryKey,
  primaryKeys,
  sparse,
  str,
  strings,
  text,
  unless,
  wholeAtLeast,
} from '../shared/schemaParts';
import { isFiniteNumber } from '../shared/read';

/*
 * Request checks for the vector API, on the camelCase parameters the caller passed (so an issue names the
 * caller's own path). Filters and rows are checked by hand (filterIssues, rowIssues): their shapes are open.
 * Each schema is built on first use, so a bundle holds only the ones its app calls.
 */

/*
 * `advance` (denseWeight, idsIn, idsNotIn, postProcessOps, …) is checked as an object only: its members are typed at
 * compile time and the service names a bad one in its 400 (`advance.dense_weight: …`). Checking each member here
 * would add 0.2 kB gzip to every app that searches, and the one-search budget is 16 kB.
 */
const advance = () => z.optional(jsonObject());

const tensorRerank = () =>
  z.optional(
    z.object({
      // Names the bad vector (`tensor[1]`), not the element within it.
      tensor: listOf<number[]>(
        (row) => Array.isArray(row) && row.every(isFiniteNumber),
        'expected an array of vectors',
        'expected an array of finite numbers',
      ),
      inputLimit: z.optional(wholeAtLeast(1)),
      maxSimilarityAlgo: z.optional(str()),
    }),
  );

const commonShape = () => ({
  partition: z.optional(partition()),
  outputFields: z.optional(strings()),
  limit: z.optional(wholeAtLeast(1)),
  offset: z.optional(wholeAtLeast(0)),
  advance: advance(),
  returnSchema: z.optional(bool()),
  returnDownloadUrl: z.optional(bool()),
  returnAnalyzedResult: z.optional(bool()),
  returnDetailInfo: z.optional(bool()),
});

const nonEmptyVector = () => numbers().check(nonEmpty('expected a non-empty vector'));
const nonEmptyIds = () => primaryKeys().check(nonEmpty('expected at least one id'));

export const searchCommonSchema = /* @__PURE__ */ lazy(() => z.object(commonShape()));

export const vectorSearchSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ...commonShape(),
    denseVector: nonEmptyVector(),
    sparseVector: z.optional(sparse()),
    tensorRerank: tensorRerank(),
  }),
);

export const multiModalSearchSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      ...commonShape(),
      text: z.optional(str()),
      image: z.optional(media()),
      video: z.optional(media()),
      needInstruction: z.optional(bool()),
      instruction: z.optional(z.object({ autoFill: z.optional(bool()) })),
      rerank: z.optional(jsonObject()),
      tensorRerank: tensorRerank(),
    })
    .check(
      unless(
        (p) => p.text !== undefined || p.image !== undefined || p.video !== undefined,
        'give text, image or video to search with',
      ),
    ),
);

export const idSearchSchema = /* @__PURE__ */ lazy(() => z.object({ ...commonShape(), id: primaryKey() }));

export const scalarSearchSchema = /* @__PURE__ */ lazy(() =>
  z.object({ ...commonShape(), field: text(), order: z.optional(oneOf(['asc', 'desc'] as const)) }),
);

export const keywordsSearchSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      ...commonShape(),
      keywords: z.optional(strings()),
      query: z.optional(str()),
      caseSensitive: z.optional(bool()),
      fields: z.optional(strings()),
      bm25K1: z.optional(finite()),
      bm25B: z.optional(finite()),
      mode: z.optional(str()),
    })
    .check(unless((p) => (p.keywords?.length ?? 0) > 0 || (p.query ?? '') !== '', 'give keywords or a query')),
);

// `op` and `cond` are the service's to check: today only `count` and `gt`/`gte`, tomorrow maybe more.
export const aggregateSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    op: z.optional(text()),
    field: z.optional(text()),
    cond: z.optional(jsonObject()),
    order: z.optional(oneOf(['asc', 'desc'] as const)),
    partition: z.optional(partition()),
  }),
);

export const sortSchema = /* @__PURE__ */ lazy(() => z.object({ ids: nonEmptyIds(), queryVector: nonEmptyVector() }));

export const idsSchema = /* @__PURE__ */ lazy(nonEmptyIds);

export const writeOptionsSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    ttl: z.optional(wholeAtLeast(0)),
    ignoreUnknownFields: z.optional(bool()),
    async: z.optional(bool()),
  }),
);

const modalInputShape = () => ({
  text: z.optional(str()),
  image: z.optional(media()),
  video: z.optional(media()),
});
const model = () =>
  z.optional(
    z.object({
      name: text(),
      version: z.optional(str()),
      dim: z.optional(wholeAtLeast(1)),
      ndim: z.optional(wholeAtLeast(1)),
      shape: z.optional(
        listOf<number>(
          (n) => Number.isInteger(n) && (n as number) >= 1,
          'expected an array of sizes',
          'expected a whole number ≥ 1',
        ),
      ),
      instruction: z.optional(z.object({ content: str() })),
    }),
  );

export const embeddingSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      data: z
        .array(z.object({ ...modalInputShape(), fullModalSeq: z.optional(z.array(z.object(modalInputShape()))) }))
        .check(nonEmpty('expected at least one input')),
      denseModel: model(),
      sparseModel: model(),
      tensorModel: model(),
      projectName: z.optional(str()),
      maxRetryTime: z.optional(wholeAtLeast(0)),
    })
    .check(
      unless(
        (p) => p.denseModel !== undefined || p.sparseModel !== undefined || p.tensorModel !== undefined,
        'choose at least one of denseModel, sparseModel, tensorModel',
      ),
    ),
);

export const rerankSchema = /* @__PURE__ */ lazy(() => {
  const candidate = matching<string | readonly object[]>(
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((part) => typeof part === 'object' && part !== null)),
    'expected a string or an array of { text?, image?, video? }',
  );
  return z.object({
    modelName: text(),
    modelVersion: z.optional(str()),
    query: candidate,
    data: z.array(candidate).check(nonEmpty('expected at least one candidate')),
    instruction: z.optional(str()),
    returnOriginData: z.optional(bool()),
    projectName: z.optional(str()),
    maxRetryTime: z.optional(wholeAtLeast(0)),
  });
});
