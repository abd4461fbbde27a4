import * as z from 'zod/mini';
import {
  between,
  bool,
  finite,
  jsonObject,
  lazy,
  matching,
  media,
  nonEmpty,
  numbers,
  oneOf,
  partition,
  primaryKey,
  primaryKeys,
  sparse,
  str,
  text,
  wholeAtLeast,
} from '../shared/schemaParts';

/*
 * Request checks for the vector API, on the camelCase parameters the caller passed (so an issue names the
 * caller's own path). Filters and rows are checked by hand (filterIssues, rowIssues): their shapes are open.
 * Each schema is built on first use, so a bundle holds only the ones its app calls.
 */

const advance = () =>
  z.optional(
    z.object({
      denseWeight: z.optional(between(0, 1)),
      idsIn: z.optional(primaryKeys()),
      idsNotIn: z.optional(primaryKeys()),
      postProcessOps: z.optional(z.array(jsonObject())),
      postProcessInputLimit: z.optional(wholeAtLeast(1)),
      scaleK: z.optional(finite()),
      filterPreAnnLimit: z.optional(wholeAtLeast(1)),
      filterPreAnnRatio: z.optional(finite()),
    }),
  );

const tensorRerank = () =>
  z.optional(
    z.object({
      tensor: z.array(numbers()),
      inputLimit: z.optional(wholeAtLeast(1)),
      maxSimilarityAlgo: z.optional(str()),
    }),
  );

const commonShape = () => ({
  partition: z.optional(partition()),
  outputFields: z.optional(z.array(str())),
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
      image: z.optional(str()),
      video: z.optional(media()),
      needInstruction: z.optional(bool()),
      instruction: z.optional(z.object({ autoFill: z.optional(bool()) })),
      rerank: z.optional(jsonObject()),
      tensorRerank: tensorRerank(),
    })
    .check(
      z.refine((p) => p.text !== undefined || p.image !== undefined || p.video !== undefined, {
        message: 'give text, image or video to search with',
      }),
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
      keywords: z.optional(z.array(str())),
      query: z.optional(str()),
      caseSensitive: z.optional(bool()),
      fields: z.optional(z.array(str())),
      bm25K1: z.optional(finite()),
      bm25B: z.optional(finite()),
      mode: z.optional(str()),
    })
    .check(
      z.refine((p) => (p.keywords?.length ?? 0) > 0 || (p.query ?? '') !== '', {
        message: 'give keywords or a query',
      }),
    ),
);

export const aggregateSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    op: z.optional(oneOf(['count'] as const)),
    field: z.optional(text()),
    cond: z.optional(z.object({ gt: z.optional(finite()), gte: z.optional(finite()) })),
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
  image: z.optional(str()),
  video: z.optional(media()),
});
const model = () =>
  z.optional(
    z.object({
      name: text(),
      version: z.optional(str()),
      dim: z.optional(wholeAtLeast(1)),
      ndim: z.optional(wholeAtLeast(1)),
      shape: z.optional(z.array(wholeAtLeast(1))),
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
      z.refine((p) => p.denseModel !== undefined || p.sparseModel !== undefined || p.tensorModel !== undefined, {
        message: 'choose at least one of denseModel, sparseModel, tensorModel',
      }),
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
