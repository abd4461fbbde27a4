import type { DocInfo } from '../../client/knowledge/types';
import { isDocProcessing } from '../../hooks/index';

/** Where a document is as the manager shows it; `stalled` = still processing after the stall timeout. */
export type DocState = 'processing' | 'done' | 'failed' | 'stalled';

/** Every {@link DocState}, in the order the status filter lists them. */
export const DOC_STATES: readonly DocState[] = ['processing', 'stalled', 'failed', 'done'];

/** Default of `stalledAfterMs`: a document processing for 5 minutes shows as stalled. */
export const DEFAULT_STALLED_AFTER_MS = 5 * 60_000;

/** The epoch ms a document last changed (its update time, else its creation time). */
export function docTimeOf(doc: DocInfo): number | undefined {
  return doc.updateTime ?? doc.createTime;
}

/**
 * The {@link DocState} of `doc` at `now`: failed (`process_status` 1 or a `failed_code`), processing (see
 * `isDocProcessing`) or stalled when it has been processing longer than `stalledAfterMs`, else done.
 */
export function docStateOf(doc: DocInfo, now: number, stalledAfterMs: number): DocState {
  if (doc.status?.processStatus === 1 || doc.status?.failedCode) return 'failed';
  if (!isDocProcessing(doc)) return 'done';
  const since = docTimeOf(doc);
  return since !== undefined && now - since > stalledAfterMs ? 'stalled' : 'processing';
}
