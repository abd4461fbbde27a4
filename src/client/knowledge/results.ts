import {
  asArray,
  asNumber,
  asRecord,
  asRecordOrUndefined,
  asString,
  isRecord,
  readKeys,
  type JsonRecord,
} from '../shared/read';
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

/** Reads `strings`, `ints` and `numbers` (space-separated snake_case keys) of `source` in camelCase; keeps `raw`. */
function read(source: unknown, strings: string, ints = '', numbers = ''): JsonRecord {
  const raw = asRecord(source);
  const out: JsonRecord = { raw };
  readKeys(out, raw, strings, asString);
  if (ints) readKeys(out, raw, ints, asInt);
  if (numbers) readKeys(out, raw, numbers, asNumber);
  return out;
}

function toDocStatus(value: unknown): DocStatus | undefined {
  return isRecord(value)
    ? (read(value, 'failed_msg', 'process_status failed_code') as unknown as DocStatus)
    : undefined;
}

/** A DocInfo in camelCase. */
export function toDocInfo(value: unknown): DocInfo {
  const doc = read(
    value,
    'collection_name doc_id doc_name doc_type doc_hash add_type description added_by url tos_path title source ' +
      'doc_summary brief_summary project resource_id',
    'create_time update_time point_num doc_size doc_summary_tokens',
  );
  const raw = doc['raw'] as JsonRecord;
  return {
    ...doc,
    status: toDocStatus(raw['status']),
    totalTokens: raw['total_tokens'],
    meta: metaItemsOf(raw['meta']),
    metaText: asString(raw['meta']),
    labels: asRecordOrUndefined(raw['labels']) as Record<string, string> | undefined,
  } as DocInfo;
}

function toPointDocInfo(value: unknown): PointDocInfo | undefined {
  if (!isRecord(value)) return undefined;
  const doc = read(value, 'doc_id doc_name doc_type title source', 'create_time');
  return {
    ...doc,
    docMeta: metaItemsOf(value['doc_meta']),
    docMetaText: asString(value['doc_meta']),
    status: toDocStatus(value['status']),
  } as PointDocInfo;
}

/** A PointInfo (a chunk, or a search hit) in camelCase. */
export function toPointInfo(value: unknown): PointInfo {
  const point = read(
    value,
    'collection_name point_id chunk_title chunk_type content md_content html_content origin_text original_question ' +
      'chunk_source chunk_status description project resource_id',
    'chunk_id process_time update_time',
    'score rerank_score',
  );
  const raw = point['raw'] as JsonRecord;
  return {
    ...point,
    docInfo: toPointDocInfo(raw['doc_info']),
    chunkAttachment: asArray(raw['chunk_attachment']).map(
      (a) => read(a, 'uuid caption type link info_link column_name') as unknown as ChunkAttachment,
    ),
    tableChunkFields: asArray(raw['table_chunk_fields']).map((field) => {
      const f = asRecord(field);
      return { fieldName: asString(f['field_name']), fieldValue: f['field_value'] };
    }),
  } as PointInfo;
}

/** A service-chat reference (`result_list` item): a PointInfo plus its positions. */
export function toReference(value: unknown): ServiceChatReference {
  const item = asRecord(value);
  return {
    ...toPointInfo(item),
    ...read(item, 'id', 'recall_position rerank_position'),
    originalCoordinate: asRecordOrUndefined(item['original_coordinate']),
    raw: item,
  } as ServiceChatReference;
}

/** Chat `usage`: parsed from its JSON string (or taken as is when it is already an object). */
export function usageOf(value: unknown): Record<string, unknown> | undefined {
  return asRecordOrUndefined(parseJsonString(value));
}

/** Request id and latency, plus the `data` of the answer. */
export function withData(response: ApiResponse<unknown>): Meta & { data: Record<string, unknown> } {
  return { ...metaOf(response), data: dataOf(response) };
}
