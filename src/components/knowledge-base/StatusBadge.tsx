import { cx } from '../primitives/cx';
import type { DocState } from './docState';
import { useKnowledgeBaseContext } from './KnowledgeBaseContext';
import type { KnowledgeBaseMessageKey } from './messages/en';

const LABEL = {
  processing: 'statusProcessing',
  done: 'statusDone',
  failed: 'statusFailed',
  stalled: 'statusStalled',
} as const satisfies Record<DocState, KnowledgeBaseMessageKey>;

/** The status badge of a document: processing / done / failed / stalled. */
export function StatusBadge({ state, title }: { state: DocState; title?: string | undefined }) {
  const { t } = useKnowledgeBaseContext().ui;
  return (
    <span className={cx('vdb-kb-badge', `vdb-kb-badge--${state}`)} title={title}>
      {state === 'processing' ? <span className="vdb-kb-spinner" aria-hidden="true" /> : null}
      {t(LABEL[state])}
    </span>
  );
}

/** The label of a state (for filters). */
export const STATE_LABEL = LABEL;
