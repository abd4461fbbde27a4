import type { VikingCore } from '../createVikingCore';
import { asArray, asRecord, asString } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import { metaOf, type Meta } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ApiResponse } from '../transport/transport';
import {
  ADD_DOC,
  ADD_DOC_V2,
  DELETE_DOC,
  DOC_INFO,
  LIST_DOCS,
  LIST_DOCS_V2,
  SEARCH_DOCS_BY_FILTER,
  UPDATE_DOC,
  UPDATE_DOC_META,
} from './endpoints';
import { asInt, countsOf, toDocInfo, withData } from './results';
import {
  addDocSchema,
  addDocV2Schema,
  docIdSchema,
  listSchema,
  searchByFilterSchema,
  updateDocSchema,
  updateMetaSchema,
} from './schemas';
import { sendToKnowledge as send, writeToKnowledge as write } from './send';
import type {
  AddDocParams,
  AddDocResult,
  AddDocV2Params,
  DocInfo,
  DocInfoParams,
  DocList,
  DocListV2,
  KnowledgeLocator,
  KnowledgeWriteResult,
  ListDocsParams,
  ListDocsV2Params,
  MetaItem,
  SearchDocsByFilterParams,
} from './types';

/*
 * The document calls of a knowledge base (contract §3.1) as standalone functions `(core, collection, params,
 * options?)`; `client.knowledge.collection(…).docs` calls these.
 */

/** Options of the `scan` iterators. */
export interface KnowledgeScanOptions {
  /** Items per request. Default: 100. */
  pageSize?: number | undefined;
  /** Cancels the scan. Default: none. */
  signal?: AbortSignal | undefined;
}

/** Items per page of a scan when `pageSize` is not given. */
export const DEFAULT_SCAN_PAGE_SIZE = 100;
let warnedAddV1 = false;

function addResult(response: ApiResponse<unknown>): AddDocResult {
  const { data, ...meta } = withData(response);
  const dedup = data['dedup_info'];
  const dedupInfo = asRecord(dedup);
  return {
    ...meta,
    docId: asString(data['doc_id']),
    taskId: asInt(data['task_id']) ?? asString(data['task_id']),
    dedupInfo:
      dedup === undefined
        ? undefined
        : {
            skip: typeof dedupInfo['skip'] === 'boolean' ? dedupInfo['skip'] : undefined,
            sameDocIds: asArray(dedupInfo['same_doc_ids']).map(String),
          },
    moreInfo: asString(data['more_info']),
    collectionName: asString(data['collection_name']),
    project: asString(data['project']),
    resourceId: asString(data['resource_id']),
    raw: data,
  };
}

function docList(response: ApiResponse<unknown>): DocList {
  const { data, ...meta } = withData(response);
  return { ...meta, items: asArray(data['doc_list']).map(toDocInfo), ...countsOf(response, data), raw: data };
}

/**
 * `POST /api/knowledge/doc/v2/add`: imports a document from `uri` (URL or TOS), with tags. Processing continues in
 * the background.
 */
export async function addDocV2(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: AddDocV2Params,
  options?: RequestOptions,
): Promise<AddDocResult> {
  return addResult(await send(core, collection, ADD_DOC_V2, addDocV2Schema, params, params, options));
}

/** `POST /api/knowledge/doc/add` (v1, deprecated by the service: prefer {@link addDocV2}; warns once). */
export async function addDoc(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: AddDocParams,
  options?: RequestOptions,
): Promise<AddDocResult> {
  if (!warnedAddV1) {
    warnedAddV1 = true;
    console.warn('[vikingdb-kit] knowledge docs.add (doc/add) is deprecated by the service: use docs.addV2.');
  }
  return addResult(await send(core, collection, ADD_DOC, addDocSchema, params, params, options));
}

/** `POST /api/knowledge/doc/info`: one document with its processing status (params default `{}`). */
export async function docInfo(
  core: VikingCore,
  collection: KnowledgeLocator,
  docId: string,
  params: DocInfoParams = {},
  options?: RequestOptions,
): Promise<DocInfo & Meta> {
  const checked = { docId, ...params };
  const response = await send(core, collection, DOC_INFO, docIdSchema, checked, checked, options);
  return { ...metaOf(response), ...toDocInfo(withData(response).data) };
}

/** `POST /api/knowledge/doc/list`: offset pagination (params default `{}`). */
export async function listDocs(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: ListDocsParams = {},
  options?: RequestOptions,
): Promise<DocList> {
  const wire = params.filter === undefined ? params : { ...params, filter: snakeKeys(params.filter) };
  return docList(await send(core, collection, LIST_DOCS, listSchema, params, wire, options));
}

/** `POST /api/knowledge/doc/v2/list`: cursor pagination, `nextToken` (params default `{}`). */
export async function listDocsV2(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: ListDocsV2Params = {},
  options?: RequestOptions,
): Promise<DocListV2> {
  const list = docList(await send(core, collection, LIST_DOCS_V2, listSchema, params, params, options));
  const nextToken = asString(list.raw['next_token']) || undefined;
  return { ...list, hasMore: list.raw['has_more'] === true, nextToken };
}

/** `POST /api/knowledge/doc/v2/search_by_filter`: documents whose tags match a filter. */
export async function searchDocsByFilter(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: SearchDocsByFilterParams,
  options?: RequestOptions,
): Promise<DocList> {
  return docList(await send(core, collection, SEARCH_DOCS_BY_FILTER, searchByFilterSchema, params, params, options));
}

/** `POST /api/knowledge/doc/update_meta`: replaces the document's tags (send every tag to keep). */
export function updateDocMeta(
  core: VikingCore,
  collection: KnowledgeLocator,
  docId: string,
  meta: readonly MetaItem[],
  options?: RequestOptions,
): Promise<KnowledgeWriteResult> {
  const params = { docId, meta };
  return write(core, collection, UPDATE_DOC_META, updateMetaSchema, params, params, options);
}

/** `POST /api/knowledge/doc/update`: renames a document. */
export function updateDoc(
  core: VikingCore,
  collection: KnowledgeLocator,
  docId: string,
  params: { docName: string },
  options?: RequestOptions,
): Promise<KnowledgeWriteResult> {
  const checked = { docId, ...params };
  return write(core, collection, UPDATE_DOC, updateDocSchema, checked, checked, options);
}

/** `POST /api/knowledge/doc/delete`. */
export function deleteDoc(
  core: VikingCore,
  collection: KnowledgeLocator,
  docId: string,
  options?: RequestOptions,
): Promise<KnowledgeWriteResult> {
  return write(core, collection, DELETE_DOC, docIdSchema, { docId }, { docId }, options);
}

/** Every document, page by page over `doc/v2/list`'s cursor (options default `{}`: pages of 100). */
export async function* scanDocs(
  core: VikingCore,
  collection: KnowledgeLocator,
  options: KnowledgeScanOptions = {},
): AsyncGenerator<DocInfo, void, undefined> {
  let nextToken: string | undefined;
  do {
    const params = { limit: options.pageSize ?? DEFAULT_SCAN_PAGE_SIZE, nextToken };
    const page = await listDocsV2(core, collection, params, { signal: options.signal });
    yield* page.items;
    nextToken = page.hasMore ? page.nextToken : undefined;
  } while (nextToken !== undefined);
}
