/**
 * What a knowledge collection stores: documents (with their import source and processing status) and points
 * (chunks with their embedding). Both are JSON records in storage spaces `knowledge/<project>/<name>/docs|points`.
 */

/**
 * `status.process_status` values. The SDK does not define the set (knowledge api doc §3.1, §7); this server uses
 * 0 = done (what the recording server sends for a finished doc), 1 = failed, 2 = processing.
 */
export const PROCESS_DONE = 0;
export const PROCESS_FAILED = 1;
export const PROCESS_RUNNING = 2;

/** A tag / meta item as sent (`field_type` and `field_value` kept as given). */
export interface MetaItem {
  field_name: string;
  field_type?: string | undefined;
  field_value?: unknown;
}

/** Where a document's content comes from. */
export type DocSource =
  | { kind: 'url'; url: string }
  | { kind: 'data'; url: string }
  | { kind: 'file'; path: string }
  | { kind: 'tos'; path: string }
  | { kind: 'lark'; url: string }
  | { kind: 'none' };

/** Processing status of a document. */
export interface DocStatus {
  process_status: number;
  failed_code?: number | undefined;
  failed_msg?: string | undefined;
}

/** One stored document. */
export interface DocRecord {
  doc_id: string;
  doc_name: string;
  /** `txt`, `markdown`, `html`, `pdf` … as given or detected. */
  doc_type: string;
  description?: string | undefined;
  /** `url`, `tos`, `lark_file`, `data`, `file` (v1's `add_type`, or derived from the v2 `uri`). */
  add_type: string;
  source: DocSource;
  tags: MetaItem[];
  create_time: number;
  update_time: number;
  task_id: number;
  status: DocStatus;
  /** Content hash (FNV-1a of the text) once parsed; used by `content_dedup`. */
  doc_hash?: string | undefined;
  doc_size?: number | undefined;
  total_tokens?: number | undefined;
  /** `content_dedup` / `auto_skip` asked at add time (checked once the content is known). */
  dedup?: { content_dedup?: boolean | undefined; auto_skip?: boolean | undefined } | undefined;
  /** Title found in the content (first heading). */
  title?: string | undefined;
}

/** One stored point (chunk). */
export interface PointRecord {
  point_id: string;
  doc_id: string;
  chunk_id: number;
  chunk_type: string;
  chunk_title: string;
  content: string;
  question?: string | undefined;
  fields?: unknown[] | undefined;
  process_time: number;
  update_time: number;
  /** Dense embedding of `chunk_title + content (+ question)`, dim of the collection. */
  vector: number[];
}
