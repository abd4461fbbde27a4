/**
 * Point endpoints (knowledge api doc §3.2): `point/add` (to any existing doc, also a failed or processing one;
 * `chunk_id` = the doc's last + 1), `point/info`, `point/list` (offset/limit `-1` = all, `doc_ids`, `point_ids`),
 * `point/update` (re-embeds), `point/delete`. Unknown doc → 404 1001001; unknown point → 404 1002001.
 */
import { quote } from '../quote';
import type { BodyReader } from '../../BodyReader';
import { EngineError, invalid } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import { commitChanges } from '../../commitChanges';
import { pointText, type KnowledgeCollection } from '../KnowledgeCollection';
import type { PointRecord } from '../KnowledgeRecords';
import { resolveKnowledgeCollection } from '../resolveKnowledgeCollection';
import { pointInfo } from '../wireShapes';
import { readDocId, requireDoc } from './docs';

/** Longest chunk content accepted (characters). */
const MAX_CONTENT = 1_000_000;

function requirePoint(collection: KnowledgeCollection, pointId: string): PointRecord {
  const point = collection.points.get(pointId);
  if (!point)
    throw new EngineError(
      'pointNotFound',
      `point not exist: ${quote(pointId)} in collection '${collection.config.name}'`,
    );
  return point;
}

function readPointId(body: BodyReader): string {
  const id = body.string('point_id');
  if (id === '') throw invalid('point_id must not be empty');
  return id;
}

function readText(body: BodyReader, key: string): string | undefined {
  const value = body.optionalString(key);
  if (value !== undefined && value.length > MAX_CONTENT)
    throw invalid(`${body.at(key)} is longer than ${MAX_CONTENT} characters`);
  return value;
}

async function embed(context: EngineContext, collection: KnowledgeCollection, point: Omit<PointRecord, 'vector'>) {
  const { model, dim } = collection.config.embedding;
  const [vector] = await context.embedder.embedDense([pointText(point)], { model, dim });
  return { ...point, vector: Array.from(vector!) };
}

/** `POST /api/knowledge/point/add`. */
export const addPoint: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const docId = readDocId(body);
  const chunkType = body.string('chunk_type');
  const title = readText(body, 'chunk_title') ?? '';
  const content = readText(body, 'content') ?? '';
  const question = readText(body, 'question');
  const fields = body.optionalArray('fields');
  return context.writes.run(async () => {
    requireDoc(collection, docId);
    const existing = collection.pointsOf(docId);
    const chunkId = existing.length > 0 ? existing[existing.length - 1]!.chunk_id + 1 : 1;
    const now = context.now();
    const point = await embed(context, collection, {
      point_id: `${docId}-${chunkId}`,
      doc_id: docId,
      chunk_id: chunkId,
      chunk_type: chunkType,
      chunk_title: title,
      content,
      ...(question !== undefined && { question }),
      ...(fields !== undefined && { fields }),
      process_time: now,
      update_time: now,
    });
    await commitChanges(context, collection, [{ kind: 'points', key: point.point_id, value: point }]);
    return {
      collection_name: collection.config.name,
      project: collection.config.projectName,
      resource_id: collection.config.resourceId ?? '',
      doc_id: docId,
      chunk_id: chunkId,
      point_id: point.point_id,
    };
  });
};

/** `POST /api/knowledge/point/info`. */
export const pointInfoHandler: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  body.optionalBoolean('get_attachment_link');
  return pointInfo(collection, requirePoint(collection, readPointId(body)));
};

/** `POST /api/knowledge/point/list`. */
export const listPoints: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const offset = body.optionalInteger('offset', { min: 0 }) ?? 0;
  const limit = body.optionalInteger('limit', { min: -1 }) ?? -1;
  const docIds = body.optionalStringArray('doc_ids');
  const pointIds = body.optionalStringArray('point_ids');
  body.optionalBoolean('get_attachment_link');
  const docSet = docIds && docIds.length > 0 ? new Set(docIds) : undefined;
  const pointSet = pointIds && pointIds.length > 0 ? new Set(pointIds) : undefined;
  const matching = [...collection.points.values()]
    .filter((point) => (!docSet || docSet.has(point.doc_id)) && (!pointSet || pointSet.has(point.point_id)))
    .sort((a, b) => (a.doc_id !== b.doc_id ? (a.doc_id < b.doc_id ? -1 : 1) : a.chunk_id - b.chunk_id));
  const page = matching.slice(offset, limit === -1 ? undefined : offset + limit);
  return {
    collection_name: collection.config.name,
    point_list: page.map((point) => pointInfo(collection, point)),
    count: page.length,
    total_num: matching.length,
  };
};

/** `POST /api/knowledge/point/update`: changes the given keys and re-embeds. */
export const updatePoint: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const pointId = readPointId(body);
  const title = readText(body, 'chunk_title');
  const content = readText(body, 'content');
  const question = readText(body, 'question');
  const fields = body.optionalArray('fields');
  return context.writes.run(async () => {
    const point = requirePoint(collection, pointId);
    const { vector: _old, ...rest } = point;
    const updated = await embed(context, collection, {
      ...rest,
      ...(title !== undefined && { chunk_title: title }),
      ...(content !== undefined && { content }),
      ...(question !== undefined && { question }),
      ...(fields !== undefined && { fields }),
      update_time: context.now(),
    });
    await commitChanges(context, collection, [{ kind: 'points', key: pointId, value: updated }]);
    return {};
  });
};

/** `POST /api/knowledge/point/delete`. */
export const deletePoint: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const pointId = readPointId(body);
  return context.writes.run(async () => {
    requirePoint(collection, pointId);
    await commitChanges(context, collection, [{ kind: 'points', key: pointId, value: undefined }]);
    return {};
  });
};
