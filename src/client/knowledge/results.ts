import { asArray, asNumber, asRecord, asRecordOrUndefined, asString, isRecord } from '../shared/read';
import { metaOf, type Meta } from '../shared/withMeta';
import { parseJsonText } from '../transport/envelope';
import type { ApiResponse } from '../transport/transport';
import type {
  ChunkAttachment,
  DocInfo,
  DocStatus,
  MetaItem,
  PointDocInfo,
  PointInfo,
  ServiceChatReference,
} from './types';

/*
 * Lenient readers for knowledge answers (contract §2.1, §5): nothing is required, unknown keys stay in `raw`, and the
 * parse traps are handled — `meta`/`doc_meta` and chat `usage` arrive as JSON strings (exposed parsed, the text
 * kept), int fields may be numeric strings, `count`/`total_num` may sit in `data` or on the envelope.
 */

/** The envelope's `result` when present (it wins, as in the SDK's models), else its `data`. */
export function dataOf(response: ApiResponse<unknown>): Record<string, unknown> {
  const body = asRecord(response.body);
  return asRecord(body['result'] ?? body['data']);
}

/** An int field: a number, or a numeric string read as a number (as the SDK's models coerce them). */
export function asInt(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/** A value the service may send as JSON text: parsed when it is a string of JSON, kept when already parsed. */
export function parseJsonString(value: unknown): unknown {
  return typeof value === 'string' ? parseJsonText(value) : value;
}

/** `count` / `total_num` of a list: from `data`, else from the envelope. */
export function countsOf(response: ApiResponse<unknown>, data: Record<string, unknown>) {
  const body = asRecord(response.body);
  return {
    count: asInt(data['count'] ?? body['count']),
    totalNum: asInt(data['total_num'] ?? body['total_num']),
  };
}

const toMetaItem = (raw: unknown): MetaItem => {
  const item = asRecord(raw);
  return {
    fieldName: asString(item['field_name']) ?? '',
    fieldType: asString(item['field_type']),
    fieldValue: item['field_value'],
  };
};

/** Tags from a `meta` JSON string (or an already parsed list). */
export function metaItemsOf(value: unknown): MetaItem[] {
  return asArray(parseJsonString(value)).filter(isRecord).map(toMetaItem);
}

function toDocStatus(value: unknown): DocStatus | undefined {
  const status = asRecordOrUndefined(value);
  if (!status) return undefined;
  return {
    processStatus: asInt(status['process_status']),
    failedCode: asInt(status['failed_code']),
    failedMsg: asString(status['failed_msg']),
    raw: status,
  };
}

/** A DocInfo in camelCase. */
export function toDocInfo(value: unknown): DocInfo {
  const doc = asRecord(value);
  const str = (key: string) => asString(doc[key]);
  const int = (key: string) => asInt(doc[key]);
  const labels = asRecordOrUndefined(doc['labels']);
  return {
    collectionName: str('collection_name'),
    docId: str('doc_id'),
    docName: str('doc_name'),
    docType: str('doc_type'),
    docHash: str('doc_hash'),
    addType: str('add_type'),
    description: str('description'),
    addedBy: str('added_by'),
    createTime: int('create_time'),
    updateTime: int('update_time'),
    url: str('url'),
    tosPath: str('tos_path'),
    pointNum: int('point_num'),
    docSize: int('doc_size'),
    status: toDocStatus(doc['status']),
    title: str('title'),
    source: str('source'),
    docSummary: str('doc_summary'),
    briefSummary: str('brief_summary'),
    totalTokens: doc['total_tokens'],
    docSummaryTokens: int('doc_summary_tokens'),
    meta: metaItemsOf(doc['meta']),
    metaText: str('meta'),
    labels: labels as Record<string, string> | undefined,
    project: str('project'),
    resourceId: str('resource_id'),
    raw: doc,
  };
}

function toPointDocInfo(value: unknown): PointDocInfo | undefined {
  const doc = asRecordOrUndefined(value);
  if (!doc) return undefined;
  return {
    docId: asString(doc['doc_id']),
    docName: asString(doc['doc_name']),
    docType: asString(doc['doc_type']),
    createTime: asInt(doc['create_time']),
    title: asString(doc['title']),
    source: asString(doc['source']),
    docMeta: metaItemsOf(doc['doc_meta']),
    docMetaText: asString(doc['doc_meta']),
    status: toDocStatus(doc['status']),
    raw: doc,
  };
}

const toAttachment = (value: unknown): ChunkAttachment => {
  const a = asRecord(value);
  return {
    uuid: asString(a['uuid']),
    caption: asString(a['caption']),
    type: asString(a['type']),
    link: asString(a['link']),
    infoLink: asString(a['info_link']),
    columnName: asString(a['column_name']),
  };
};

/** A PointInfo (a chunk, or a search hit) in camelCase. */
export function toPointInfo(value: unknown): PointInfo {
  const point = asRecord(value);
  const str = (key: string) => asString(point[key]);
  const int = (key: string) => asInt(point[key]);
  return {
    collectionName: str('collection_name'),
    pointId: str('point_id'),
    chunkId: int('chunk_id'),
    chunkTitle: str('chunk_title'),
    chunkType: str('chunk_type'),
    content: str('content'),
    mdContent: str('md_content'),
    htmlContent: str('html_content'),
    originText: str('origin_text'),
    originalQuestion: str('original_question'),
    chunkSource: str('chunk_source'),
    chunkStatus: str('chunk_status'),
    description: str('description'),
    score: asNumber(point['score']),
    rerankScore: asNumber(point['rerank_score']),
    processTime: int('process_time'),
    updateTime: int('update_time'),
    docInfo: toPointDocInfo(point['doc_info']),
    chunkAttachment: asArray(point['chunk_attachment']).map(toAttachment),
    tableChunkFields: asArray(point['table_chunk_fields']).map((field) => {
      const f = asRecord(field);
      return { fieldName: asString(f['field_name']), fieldValue: f['field_value'] };
    }),
    project: str('project'),
    resourceId: str('resource_id'),
    raw: point,
  };
}

/** A service-chat reference (`result_list` item): a PointInfo plus its positions. */
export function toReference(value: unknown): ServiceChatReference {
  const item = asRecord(value);
  return {
    ...toPointInfo(item),
    id: asString(item['id']),
    recallPosition: asInt(item['recall_position']),
    rerankPosition: asInt(item['rerank_position']),
    originalCoordinate: asRecordOrUndefined(item['original_coordinate']),
  };
}

/** Chat `usage`: parsed from its JSON string (or taken as is when it is already an object). */
export function usageOf(value: unknown): Record<string, unknown> | undefined {
  return asRecordOrUndefined(parseJsonString(value));
}

/** Request id and latency, plus the `data` of the answer. */
export function withData(response: ApiResponse<unknown>): Meta & { data: Record<string, unknown> } {
  return { ...metaOf(response), data: dataOf(response) };
}
