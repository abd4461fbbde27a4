import type { VikingCore } from '../createVikingCore';
import { asArray, asRecord, asString } from '../shared/read';
import { snakeKeys } from '../shared/snakeKeys';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import type { ApiResponse } from '../transport/transport';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import {
  KNOWLEDGE_ADD_DOC,
  KNOWLEDGE_ADD_DOC_V2,
  KNOWLEDGE_ADD_POINT,
  KNOWLEDGE_DELETE_DOC,
  KNOWLEDGE_DELETE_POINT,
  KNOWLEDGE_DOC_INFO,
  KNOWLEDGE_LIST_DOCS,
  KNOWLEDGE_LIST_DOCS_V2,
  KNOWLEDGE_LIST_POINTS,
  KNOWLEDGE_POINT_INFO,
  KNOWLEDGE_SEARCH_DOCS_BY_FILTER,
  KNOWLEDGE_UPDATE_DOC,
  KNOWLEDGE_UPDATE_DOC_META,
  KNOWLEDGE_UPDATE_POINT,
} from '../endpoints';
import { knowledgeWhere, type KnowledgeWhere } from './locator';
import { asInt, countsOf, toDocInfo, toPointInfo, withData } from './results';
import {
  addDocSchema,
  addDocV2Schema,
  addPointSchema,
  docIdSchema,
  pointIdSchema,
  listSchema,
  searchByFilterSchema,
  updateDocSchema,
  updateMetaSchema,
  updatePointSchema,
} from './schemas';
import { searchKnowledge, searchKnowledgeCollection } from './search';
import type {
  AddDocParams,
  AddDocResult,
  AddDocV2Params,
  AddPointParams,
  AddPointResult,
  CollectionSearchParams,
  CollectionSearchResult,
  DocInfo,
  DocInfoParams,
  DocList,
  DocListV2,
  KnowledgeLocator,
  KnowledgeWriteResult,
  ListDocsParams,
  ListDocsV2Params,
  ListPointsParams,
  MetaItem,
  PointInfo,
  PointInfoParams,
  PointList,
  SearchDocsByFilterParams,
  SearchKnowledgeParams,
  SearchKnowledgeResult,
  UpdatePointParams,
} from './types';
import { toWire } from './wire';
import type { Meta } from '../shared/withMeta';

/** Options of the `scan` iterators. */
export interface KnowledgeScanOptions {
  /** Items per request. Default: 100. */
  pageSize?: number | undefined;
  /** Cancels the scan. Default: none. */
  signal?: AbortSignal | undefined;
}

/** Documents of a knowledge base (contract §3.1). */
export interface KnowledgeDocs {
  /** `doc/v2/add`: imports a document from `uri` (URL or TOS), with tags. Processing continues in the background. */
  addV2(params: AddDocV2Params, options?: RequestOptions): Promise<AddDocResult>;
  /** `doc/add` (v1, deprecated by the service: prefer `addV2`; warns once). */
  add(params: AddDocParams, options?: RequestOptions): Promise<AddDocResult>;
  /** `doc/info`: one document with its processing status. */
  info(docId: string, params?: DocInfoParams, options?: RequestOptions): Promise<DocInfo & Meta>;
  /** `doc/list`: offset pagination. */
  list(params?: ListDocsParams, options?: RequestOptions): Promise<DocList>;
  /** `doc/v2/list`: cursor pagination (`nextToken`). */
  listV2(params?: ListDocsV2Params, options?: RequestOptions): Promise<DocListV2>;
  /** `doc/v2/search_by_filter`: documents whose tags match a filter. */
  searchByFilter(params: SearchDocsByFilterParams, options?: RequestOptions): Promise<DocList>;
  /** `doc/update_meta`: replaces the document's tags (send every tag to keep). */
  updateMeta(docId: string, meta: readonly MetaItem[], options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `doc/update`: renames a document. */
  update(docId: string, params: { docName: string }, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `doc/delete`. */
  delete(docId: string, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** Every document, page by page over `doc/v2/list`'s cursor. */
  scan(options?: KnowledgeScanOptions): AsyncGenerator<DocInfo, void, undefined>;
}

/** Points (chunks) of a knowledge base (contract §3.2). */
export interface KnowledgePoints {
  /** `point/add`: adds a chunk to a document; answers its `pointId`. */
  add(params: AddPointParams, options?: RequestOptions): Promise<AddPointResult>;
  /** `point/info`. */
  info(pointId: string, params?: PointInfoParams, options?: RequestOptions): Promise<PointInfo & Meta>;
  /** `point/list`: offset pagination, optionally of some documents or points. */
  list(params?: ListPointsParams, options?: RequestOptions): Promise<PointList>;
  /** `point/update`: changes a chunk's title, content, question or fields. */
  update(pointId: string, params: UpdatePointParams, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** `point/delete`. */
  delete(pointId: string, options?: RequestOptions): Promise<KnowledgeWriteResult>;
  /** Every point (of `docIds` when given), page by page over `point/list`. */
  scan(
    options?: KnowledgeScanOptions & { docIds?: readonly string[] | undefined },
  ): AsyncGenerator<PointInfo, void, undefined>;
}

/** One knowledge base: documents, points and retrieval. */
export interface KnowledgeCollection {
  /** The wire keys that address it (`project` only when given). */
  readonly locator: Readonly<KnowledgeWhere>;
  readonly docs: KnowledgeDocs;
  readonly points: KnowledgePoints;
  /** `collection/search`. */
  search(params: CollectionSearchParams, options?: RequestOptions): Promise<CollectionSearchResult>;
  /** `collection/search_knowledge`. */
  searchKnowledge(params: SearchKnowledgeParams, options?: RequestOptions): Promise<SearchKnowledgeResult>;
}

const DEFAULT_PAGE_SIZE = 100;
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

export function createKnowledgeCollection(core: VikingCore, locator: KnowledgeLocator): KnowledgeCollection {
  const where = knowledgeWhere(locator);

  /** Checks `checked` against `schema`, then sends the locator followed by `params` (snake_case). */
  function send(
    endpoint: Endpoint,
    schema: SchemaSource,
    checked: unknown,
    params: object | undefined,
    options: RequestOptions | undefined,
  ) {
    assertValid(endpoint.name, schemaIssues(schema, checked));
    return core.transport.call(endpoint, toWire(where, params), options);
  }

  async function write(
    endpoint: Endpoint,
    schema: SchemaSource,
    checked: unknown,
    params: object,
    options: RequestOptions | undefined,
  ): Promise<KnowledgeWriteResult> {
    const response = await send(endpoint, schema, checked, params, options);
    const body = asRecord(response.body);
    return { ...metaOf(response), data: body['result'] ?? body['data'] };
  }

  const docs: KnowledgeDocs = {
    addV2: async (p, options) => addResult(await send(KNOWLEDGE_ADD_DOC_V2, addDocV2Schema, p, p, options)),
    async add(p, options) {
      if (!warnedAddV1) {
        warnedAddV1 = true;
        console.warn('[vikingdb-kit] knowledge docs.add (doc/add) is deprecated by the service: use docs.addV2.');
      }
      return addResult(await send(KNOWLEDGE_ADD_DOC, addDocSchema, p, p, options));
    },
    async info(docId, p = {}, options) {
      const response = await send(KNOWLEDGE_DOC_INFO, docIdSchema, { docId, ...p }, { docId, ...p }, options);
      return { ...metaOf(response), ...toDocInfo(withData(response).data) };
    },
    list: async (p = {}, options) =>
      docList(
        await send(
          KNOWLEDGE_LIST_DOCS,
          listSchema,
          p,
          p.filter === undefined ? p : { ...p, filter: snakeKeys(p.filter) },
          options,
        ),
      ),
    async listV2(p = {}, options) {
      const response = await send(KNOWLEDGE_LIST_DOCS_V2, listSchema, p, p, options);
      const list = docList(response);
      const nextToken = asString(list.raw['next_token']) || undefined;
      return { ...list, hasMore: list.raw['has_more'] === true, nextToken };
    },
    searchByFilter: async (p, options) =>
      docList(await send(KNOWLEDGE_SEARCH_DOCS_BY_FILTER, searchByFilterSchema, p, p, options)),
    updateMeta: (docId, meta, options) =>
      write(KNOWLEDGE_UPDATE_DOC_META, updateMetaSchema, { docId, meta }, { docId, meta }, options),
    update: (docId, p, options) =>
      write(KNOWLEDGE_UPDATE_DOC, updateDocSchema, { docId, ...p }, { docId, ...p }, options),
    delete: (docId, options) => write(KNOWLEDGE_DELETE_DOC, docIdSchema, { docId }, { docId }, options),
    async *scan(scan = {}) {
      let nextToken: string | undefined;
      do {
        const page = await docs.listV2(
          { limit: scan.pageSize ?? DEFAULT_PAGE_SIZE, nextToken },
          { signal: scan.signal },
        );
        yield* page.items;
        nextToken = page.hasMore ? page.nextToken : undefined;
      } while (nextToken !== undefined);
    },
  };

  const points: KnowledgePoints = {
    async add(p, options) {
      const { data, ...meta } = withData(await send(KNOWLEDGE_ADD_POINT, addPointSchema, p, p, options));
      return {
        ...meta,
        pointId: asString(data['point_id']),
        chunkId: asInt(data['chunk_id']),
        docId: asString(data['doc_id']),
        collectionName: asString(data['collection_name']),
        project: asString(data['project']),
        resourceId: asString(data['resource_id']),
        raw: data,
      };
    },
    async info(pointId, p = {}, options) {
      const response = await send(KNOWLEDGE_POINT_INFO, pointIdSchema, { pointId, ...p }, { pointId, ...p }, options);
      return { ...metaOf(response), ...toPointInfo(withData(response).data) };
    },
    async list(p = {}, options) {
      const response = await send(KNOWLEDGE_LIST_POINTS, listSchema, p, p, options);
      const { data, ...meta } = withData(response);
      return { ...meta, items: asArray(data['point_list']).map(toPointInfo), ...countsOf(response, data), raw: data };
    },
    update: (pointId, p, options) =>
      write(KNOWLEDGE_UPDATE_POINT, updatePointSchema, { pointId, ...p }, { pointId, ...p }, options),
    delete: (pointId, options) => write(KNOWLEDGE_DELETE_POINT, pointIdSchema, { pointId }, { pointId }, options),
    async *scan(scan = {}) {
      const limit = scan.pageSize ?? DEFAULT_PAGE_SIZE;
      for (let offset = 0; ; offset += limit) {
        const page = await points.list({ offset, limit, docIds: scan.docIds }, { signal: scan.signal });
        yield* page.items;
        const total = page.totalNum;
        if (page.items.length < limit || (total !== undefined && offset + page.items.length >= total)) return;
      }
    },
  };

  return {
    locator: where,
    docs,
    points,
    search: (p, options) => searchKnowledgeCollection(core, locator, p, options),
    searchKnowledge: (p, options) => searchKnowledge(core, locator, p, options),
  };
}
