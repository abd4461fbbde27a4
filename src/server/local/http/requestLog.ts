/**
 * One log line per request: time, method, path (never the query), status, duration, request id and, for refused
 * requests, the reason. Bodies, headers and credentials are never logged.
 */

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
  const line = `${at.toISOString()} ${entry.method} ${entry.path} ${entry.status} ${ms}ms ${entry.requestId}`;
  return entry.note ? `${line} ${entry.note}` : line;
}

/** The default logger: one line to stdout. */
export const stdoutLogger: RequestLogger = (line) => {
  process.stdout.write(`${line}\n`);
};
