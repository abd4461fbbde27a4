import type { VikingCore } from '../createVikingCore';
import { asArray, asString } from '../shared/read';
import { metaOf, type Meta } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import { DEFAULT_SCAN_PAGE_SIZE, type KnowledgeScanOptions } from './docs';
import { ADD_POINT, DELETE_POINT, LIST_POINTS, POINT_INFO, UPDATE_POINT } from './endpoints';
import { asInt, countsOf, toPointInfo, withData } from './results';
import { addPointSchema, listSchema, pointIdSchema, updatePointSchema } from './schemas';
import { sendToKnowledge as send, writeToKnowledge as write } from './send';
import type {
  AddPointParams,
  AddPointResult,
  KnowledgeLocator,
  KnowledgeWriteResult,
  ListPointsParams,
  PointInfo,
  PointInfoParams,
  PointList,
  UpdatePointParams,
} from './types';

/*
 * The point (chunk) calls of a knowledge base (contract §3.2) as standalone functions `(core, collection, params,
 * options?)`; `client.knowledge.collection(…).points` calls these.
 */

/** `POST /api/knowledge/point/add`: adds a chunk to a document; answers its `pointId`. */
export async function addPoint(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: AddPointParams,
  options?: RequestOptions,
): Promise<AddPointResult> {
  const { data, ...meta } = withData(await send(core, collection, ADD_POINT, addPointSchema, params, params, options));
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
}

/** `POST /api/knowledge/point/info` (params default `{}`). */
export async function pointInfo(
  core: VikingCore,
  collection: KnowledgeLocator,
  pointId: string,
  params: PointInfoParams = {},
  options?: RequestOptions,
): Promise<PointInfo & Meta> {
  const checked = { pointId, ...params };
  const response = await send(core, collection, POINT_INFO, pointIdSchema, checked, checked, options);
  return { ...metaOf(response), ...toPointInfo(withData(response).data) };
}

/** `POST /api/knowledge/point/list`: offset pagination, optionally of some documents or points (params default `{}`). */
export async function listPoints(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: ListPointsParams = {},
  options?: RequestOptions,
): Promise<PointList> {
  const response = await send(core, collection, LIST_POINTS, listSchema, params, params, options);
  const { data, ...meta } = withData(response);
  return { ...meta, items: asArray(data['point_list']).map(toPointInfo), ...countsOf(response, data), raw: data };
}

/** `POST /api/knowledge/point/update`: changes a chunk's title, content, question or fields. */
export function updatePoint(
  core: VikingCore,
  collection: KnowledgeLocator,
  pointId: string,
  params: UpdatePointParams,
  options?: RequestOptions,
): Promise<KnowledgeWriteResult> {
  const checked = { pointId, ...params };
  return write(core, collection, UPDATE_POINT, updatePointSchema, checked, checked, options);
}

/** `POST /api/knowledge/point/delete`. */
export function deletePoint(
  core: VikingCore,
  collection: KnowledgeLocator,
  pointId: string,
  options?: RequestOptions,
): Promise<KnowledgeWriteResult> {
  return write(core, collection, DELETE_POINT, pointIdSchema, { pointId }, { pointId }, options);
}

/** Every point (of `docIds` when given), page by page over `point/list` (options default `{}`: pages of 100). */
export async function* scanPoints(
  core: VikingCore,
  collection: KnowledgeLocator,
  options: KnowledgeScanOptions & { docIds?: readonly string[] | undefined } = {},
): AsyncGenerator<PointInfo, void, undefined> {
  const limit = options.pageSize ?? DEFAULT_SCAN_PAGE_SIZE;
  for (let offset = 0; ; offset += limit) {
    const page = await listPoints(
      core,
      collection,
      { offset, limit, docIds: options.docIds },
      { signal: options.signal },
    );
    yield* page.items;
    const total = page.totalNum;
    if (page.items.length < limit || (total !== undefined && offset + page.items.length >= total)) return;
  }
}
