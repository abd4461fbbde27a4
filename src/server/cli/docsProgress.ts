/**
 * Progress of `docs add` on stderr: on a terminal, one bar redrawn in place; otherwise one plain line per change (for
 * logs and CI).
 */
import type { CliIo } from './CliIo';

/** Where one document is. */
export type DocPhase = 'waiting' | 'sending' | 'processing' | 'done' | 'failed';

/** One document's progress. */
export interface DocProgress {
  label: string;
  phase: DocPhase;
  /** For `done`: e.g. `12 points`; for `failed`: the reason. */
  detail?: string | undefined;
}

const BAR_WIDTH = 24;

/** `[█████░░░░] 2/5 done · processing README.md` for a terminal line. */
export function progressBar(docs: readonly DocProgress[]): string {
  const finished = docs.filter((doc) => doc.phase === 'done' || doc.phase === 'failed').length;
  const filled = docs.length === 0 ? BAR_WIDTH : Math.round((finished / docs.length) * BAR_WIDTH);
  const current = docs.find((doc) => doc.phase === 'sending') ?? docs.find((doc) => doc.phase === 'processing');
  const failed = docs.filter((doc) => doc.phase === 'failed').length;
  return (
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${finished}/${docs.length} finished` +
    (failed > 0 ? ` (${failed} failed)` : '') +
    (current ? ` · ${current.phase} ${current.label}` : '')
  );
}

/** Reports changes of `docs` to `io.stderr`, as a bar on a terminal or as lines. */
export function createDocsProgress(io: CliIo, docs: readonly DocProgress[]) {
  let drawn = false;
  return {
    /** Call after changing a document's phase. */
    changed(doc: DocProgress): void {
      if (io.stderrIsTTY) {
        io.stderr(`\r\x1b[K${progressBar(docs)}`);
        drawn = true;
      } else {
        io.stderr(`${doc.phase} ${doc.label}${doc.detail ? `: ${doc.detail}` : ''}\n`);
      }
    },
    /** Ends the bar's line (terminal only). */
    finish(): void {
      if (drawn) io.stderr('\n');
      drawn = false;
    },
  };
}
