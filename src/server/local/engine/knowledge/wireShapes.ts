/**
 * Records → the wire shapes of knowledge api doc §3.1/§3.2: DocInfo (`meta` a JSON **string**, `labels` string →
 * string, times in epoch ms) and PointInfo (with `doc_info`). Keys the SDK types strictly are sent with the right
 * types (knowledge api doc §5).
 */
import type { KnowledgeCollection } from './KnowledgeCollection';
import type { DocRecord, PointRecord } from './KnowledgeRecords';

function sourceOf(doc: DocRecord): string {
  switch (doc.source.kind) {
    case 'url':
    case 'lark':
      return doc.source.url;
    case 'data':
      return 'data:';
    case 'file':
      return `file:${doc.source.path}`;
    case 'tos':
      return doc.source.path;
    case 'none':
      return '';
  }
}

function status(doc: DocRecord): Record<string, unknown> {
  const value: Record<string, unknown> = { process_status: doc.status.process_status };
  if (doc.status.failed_code !== undefined) value['failed_code'] = doc.status.failed_code;
  if (doc.status.failed_msg !== undefined) value['failed_msg'] = doc.status.failed_msg;
  return value;
}

function locator(collection: KnowledgeCollection): Record<string, unknown> {
  const value: Record<string, unknown> = {
    collection_name: collection.config.name,
    project: collection.config.projectName,
  };
  if (collection.config.resourceId !== undefined) value['resource_id'] = collection.config.resourceId;
  return value;
}

/** `labels`: tag name → value as a string. */
function labels(doc: DocRecord): Record<string, string> {
  const result: Record<string, string> = {};
  for (const tag of doc.tags)
    result[tag.field_name] = typeof tag.field_value === 'string' ? tag.field_value : JSON.stringify(tag.field_value);
  return result;
}

/** DocInfo of a document. */
export function docInfo(collection: KnowledgeCollection, doc: DocRecord, withTokens = false): Record<string, unknown> {
  const info: Record<string, unknown> = {
    ...locator(collection),
    doc_id: doc.doc_id,
    doc_name: doc.doc_name,
    doc_type: doc.doc_type,
    add_type: doc.add_type,
    description: doc.description ?? '',
    create_time: doc.create_time,
    update_time: doc.update_time,
    point_num: collection.pointsOf(doc.doc_id).length,
    status: status(doc),
    source: sourceOf(doc),
    title: doc.title ?? doc.doc_name,
    meta: JSON.stringify(doc.tags),
    labels: labels(doc),
  };
  if (doc.doc_hash !== undefined) info['doc_hash'] = doc.doc_hash;
  if (doc.doc_size !== undefined) info['doc_size'] = doc.doc_size;
  if (doc.source.kind === 'url') info['url'] = doc.source.url;
  if (doc.source.kind === 'tos') info['tos_path'] = doc.source.path;
  if (withTokens) info['total_tokens'] = doc.total_tokens ?? 0;
  return info;
}

/** The `doc_info` of a point. */
function pointDocInfo(doc: DocRecord | undefined, docId: string): Record<string, unknown> {
  if (!doc) return { doc_id: docId };
  return {
    doc_id: doc.doc_id,
    doc_name: doc.doc_name,
    create_time: doc.create_time,
    doc_type: doc.doc_type,
    doc_meta: JSON.stringify(doc.tags),
    source: sourceOf(doc),
    title: doc.title ?? doc.doc_name,
    status: status(doc),
  };
}

/** PointInfo of a point. */
export function pointInfo(collection: KnowledgeCollection, point: PointRecord): Record<string, unknown> {
  const info: Record<string, unknown> = {
    ...locator(collection),
    point_id: point.point_id,
    chunk_id: point.chunk_id,
    chunk_type: point.chunk_type,
    chunk_title: point.chunk_title,
    content: point.content,
    md_content: point.content,
    origin_text: point.content,
    process_time: point.process_time,
    update_time: point.update_time,
    chunk_source: 'document',
    doc_info: pointDocInfo(collection.docs.get(point.doc_id), point.doc_id),
  };
  if (point.question !== undefined) info['original_question'] = point.question;
  if (point.fields !== undefined) info['table_chunk_fields'] = point.fields;
  return info;
}

/** A search hit: PointInfo plus `score`, `rerank_score`, `recall_position`, `rerank_position` and `id` (= point id). */
export function retrievedInfo(
  collection: KnowledgeCollection,
  item: {
    point: PointRecord;
    score: number;
    rerankScore?: number | undefined;
    recallPosition: number;
    rerankPosition?: number | undefined;
  },
): Record<string, unknown> {
  const info = pointInfo(collection, item.point);
  info['id'] = item.point.point_id;
  info['score'] = item.score;
  info['recall_position'] = item.recallPosition;
  if (item.rerankScore !== undefined) info['rerank_score'] = item.rerankScore;
  if (item.rerankPosition !== undefined) info['rerank_position'] = item.rerankPosition;
  return info;
}
