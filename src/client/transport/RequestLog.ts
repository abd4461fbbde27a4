import type { VikingDBError } from '../errors/VikingDBError';

/** One finished call, reported to `onRequestEnd` (for activity logs and metrics). */
export interface RequestLog {
  /** Operation name, e.g. `vector.search.vector`. */
  operation: string;
  method: string;
  url: string;
  /** HTTP status of the last attempt; `undefined` when no response arrived. */
  status: number | undefined;
  requestId: string | undefined;
  /** Time from the first attempt to the end, retries and waits included. */
  latencyMs: number;
  attempts: number;
  /** The error the call failed with; `undefined` on success. A caller's abort is reported with no status. */
  error: VikingDBError | undefined;
  aborted: boolean;
}

/** A retry about to happen, reported to `onRetry`. */
export interface RetryNotice {
  operation: string;
  /** 1 for the first retry. */
  retry: number;
  /** The wait before it. */
  delayMs: number;
  /** Why the previous attempt failed. */
  error: VikingDBError;
}
