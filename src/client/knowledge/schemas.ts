import * as z from 'zod/mini';
import { isRecord } from '../shared/read';
import { bool, jsonObject, lazy, listOf, matching, objects, str, strings, text } from '../shared/schemaParts';

/*
 * Request checks of the knowledge API, on the camelCase parameters the caller passed; each built on first use. They
 * refuse only what the service would refuse too (the fields the SDK's models require, wrong types); keys they do not
 * name are not checked and are sent.
 */

const int = () => matching<number>((v) => Number.isSafeInteger(v), 'expected a whole number');
const optional = <T extends z.core.SomeType>(schema: T) => z.optional(schema);
const metaItems = () =>
  listOf(
    (v) => isRecord(v) && typeof v['fieldName'] === 'string',
    'expected an array of { fieldName, fieldType, fieldValue }',
    'expected { fieldName: string, fieldType, fieldValue }',
  );
const messages = () =>
  listOf(
    (v) => isRecord(v) && typeof v['role'] === 'string',
    'expected an array of { role, content }',
    'expected { role: string, content }',
  );

/** `{ docId }` (with the optional `returnTokenUsage` flag of `doc/info`). */
export const docIdSchema = /* @__PURE__ */ lazy(() => z.object({ docId: text(), returnTokenUsage: optional(bool()) }));

/** `{ pointId }` (with the optional `getAttachmentLink` flag of `point/info`). */
export const pointIdSchema = /* @__PURE__ */ lazy(() =>
  z.object({ pointId: text(), getAttachmentLink: optional(bool()) }),
);

export const addDocV2Schema = /* @__PURE__ */ lazy(() =>
  z.object({
    docId: optional(str()),
    docName: optional(str()),
    docType: optional(str()),
    description: optional(str()),
    tagList: optional(metaItems()),
    uri: optional(str()),
    pathSegments: optional(strings()),
  }),
);

export const addDocSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    addType: text(),
    docId: optional(str()),
    docName: optional(str()),
    url: optional(str()),
    tosPath: optional(str()),
    meta: optional(metaItems()),
    dedup: optional(jsonObject()),
  }),
);

export const listSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    offset: optional(int()),
    limit: optional(int()),
    nextToken: optional(str()),
    docIds: optional(strings()),
    pointIds: optional(strings()),
    filter: optional(jsonObject()),
  }),
);

export const searchByFilterSchema = /* @__PURE__ */ lazy(() =>
  z.object({ filter: jsonObject(), limit: optional(int()) }),
);

export const updateDocSchema = /* @__PURE__ */ lazy(() => z.object({ docId: text(), docName: str() }));

export const updateMetaSchema = /* @__PURE__ */ lazy(() => z.object({ docId: text(), meta: metaItems() }));

export const addPointSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    docId: text(),
    chunkType: text(),
    chunkTitle: optional(str()),
    content: optional(str()),
    question: optional(str()),
    fields: optional(objects()),
  }),
);

export const updatePointSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    pointId: text(),
    chunkTitle: optional(str()),
    content: optional(str()),
    question: optional(str()),
    fields: optional(objects()),
  }),
);

export const searchSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    query: str(),
    limit: optional(int()),
    queryParam: optional(jsonObject()),
    preProcessing: optional(jsonObject()),
    postProcessing: optional(jsonObject()),
  }),
);

/** The service refuses more than 50 items (the SDK checks it before sending). */
export const MAX_RERANK_ITEMS = 50;

export const rerankSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    datas: listOf(
      (v) => isRecord(v) && v['query'] !== undefined,
      'expected an array of { query, content?, title?, image? }',
      'expected { query, content?, title?, image? }',
    ).check((payload) => {
      if (payload.value.length > MAX_RERANK_ITEMS) {
        payload.issues.push({
          code: 'custom',
          message: `expected at most ${MAX_RERANK_ITEMS} items, got ${payload.value.length}`,
          input: payload.value,
        });
      }
    }),
    rerankModel: optional(str()),
  }),
);

export const chatSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    model: text(),
    messages: messages(),
    maxTokens: optional(int()),
    stream: optional(bool()),
  }),
);

export const serviceChatSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    serviceResourceId: text(),
    messages: messages(),
    queryParam: optional(jsonObject()),
    stream: optional(bool()),
  }),
);
