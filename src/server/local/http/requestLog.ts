/**
 * One log line per request: time, method, path (never the query), status, duration, request id and, for refused
 * requests, the reason. Bodies, headers and credentials are never logged. Every value a caller chose is escaped
 * (control characters as `\xNN`) and a long path shortened, so a request is always exactly one printable line.
 */
import { shorten } from '../engine/quote';
import { escapeLogText } from '../../shared/escapeLogText';

/** Receives each finished line (without a trailing newline). */
export type RequestLogger = (line: string) => void;

/** What one line reports. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
  /** e.g. `auth=signatureMismatch` or `body>4194304`. Default: none. */
  note?: string | undefined;
}

/** `2025-01-01T00:00:00.000Z POST /api/vikingdb/data/upsert 200 3.1ms 021… [note]`. */
export function formatRequestLine(entry: RequestLogEntry, at: Date = new Date()): string {
  const ms = entry.durationMs < 10 ? entry.durationMs.toFixed(1) : Math.round(entry.durationMs).toString();
  const method = escapeLogText(shorten(entry.method, 20));
  const path = escapeLogText(shorten(entry.path, 1000));
  const line = `${at.toISOString()} ${method} ${path} ${entry.status} ${ms}ms ${escapeLogText(entry.requestId)}`;
  return entry.note ? `${line} ${escapeLogText(entry.note)}` : line;
}

/** The default logger: one line to stdout. */
export const stdoutLogger: RequestLogger = (line) => {
  process.stdout.write(`${line}\n`);
};
