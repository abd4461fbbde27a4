/**
 * `vikingdb-kit docs add <files|urls…> --collection NAME`: adds documents to a knowledge collection through
 * `POST /api/knowledge/doc/v2/add` — files as `data:` URLs, URLs as they are — then polls `doc/info` until each is
 * processed (`status.process_status` 0) or failed (1, with `failed_code`/`failed_msg`), and prints one result line per
 * document. It talks to a running server when there is one (`--url`, or the default local server), otherwise to the
 * data directory directly (see `knowledgeTarget.ts`).
 */
import { DEFAULT_DATA_DIR } from '../local/createLocalServer';
import { UsageError, type CliIo } from './CliIo';
import { readDocumentSources, type DocumentSource } from './documentSources';
import { createDocsProgress, type DocProgress } from './docsProgress';
import { openKnowledgeTarget, type KnowledgeTarget } from './knowledgeTarget';
import { intFlag } from './parseNumbers';
import { DEFAULT_CONFIG_FILE } from './resolveConfigOption';
import { parseCommandArgs, TARGET_OPTIONS } from './parseCommandArgs';
import { KNOWLEDGE_ADD_DOC_V2, KNOWLEDGE_DOC_INFO } from '../../client/endpoints';

/** Milliseconds between two `doc/info` polls: 500. */
export const DEFAULT_POLL_INTERVAL_MS = 500;
/** Seconds to wait for processing before giving up: 600. */
export const DEFAULT_WAIT_SECONDS = 600;

/**
 * `status.process_status` values of the knowledge service: 0 processed, 1 failed; the others (2 queued, 3 updating,
 * 5 deleting, 6 processing) mean "not yet". A non-zero `status.failed_code` also means failed.
 */
export const PROCESS_STATUS = { done: 0, failed: 1 } as const;

/** `vikingdb-kit docs --help`. */
export const DOCS_HELP = `Usage: vikingdb-kit docs add <file|url>... --collection NAME [options]

Adds documents to a knowledge collection and waits until each is processed. Files (.md, .markdown,
.txt, .html, .htm, .pdf) are sent as data: URLs; http(s):// URLs are fetched by the server.
Progress goes to stderr, one result line per document to stdout; exit status 1 if any failed.

It uses a running server: --url, else the local server at http://127.0.0.1:$VIKINGDB_PORT
(default 8329) when it answers; otherwise it opens the data directory itself (refused while
another process uses it).

Options:
  --collection NAME      knowledge collection (required), e.g. demo_kb
  --project NAME         project of the collection (default: the server's, "default")
  --tag KEY=VALUE        document tag, repeatable; KEY:int64=5, KEY:float32=0.5 and
                         KEY:bool=true give typed tags (default type: string)
  --url URL              server to use, e.g. http://127.0.0.1:8329; credentials from
                         VIKINGDB_API_KEY, or VIKINGDB_AK + VIKINGDB_SK (V4 signing), else none
  --region REGION        region for V4 signing with --url (default: cn-beijing)
  --data DIR             use this data directory directly (default: ${DEFAULT_DATA_DIR}, when no server answers)
  --config FILE          config for --data (default: ./${DEFAULT_CONFIG_FILE} if present, else built-in)
  --wait-seconds N       how long to wait for processing (default: ${DEFAULT_WAIT_SECONDS})
  --poll-ms N            milliseconds between status checks (default: ${DEFAULT_POLL_INTERVAL_MS})
  -h, --help             show this help
`;

const TAG_TYPES = ['string', 'int64', 'float32', 'bool'] as const;

/** `--tag` values → the service's `tag_list` items. @throws UsageError naming the bad tag. */
export function parseTags(
  tags: readonly string[],
): Array<{ field_name: string; field_type: string; field_value: unknown }> {
  return tags.map((tag) => {
    const match = /^([^=:]+)(?::([a-z0-9]+))?=(.*)$/s.exec(tag);
    if (!match) throw new UsageError(`--tag "${tag}" must be KEY=VALUE or KEY:TYPE=VALUE`);
    const [, name, type = 'string', raw = ''] = match;
    if (!(TAG_TYPES as readonly string[]).includes(type))
      throw new UsageError(`--tag "${tag}": type must be one of ${TAG_TYPES.join(', ')}`);
    let value: unknown = raw;
    if (type === 'int64') {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
        throw new UsageError(`--tag "${tag}": ${raw} is not a whole number`);
      value = Number(raw);
    } else if (type === 'float32') {
      if (raw.trim() === '' || !Number.isFinite(Number(raw)))
        throw new UsageError(`--tag "${tag}": ${raw} is not a number`);
      value = Number(raw);
    } else if (type === 'bool') {
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`--tag "${tag}": a bool is true or false`);
      value = raw === 'true';
    }
    return { field_name: name!, field_type: type, field_value: value };
  });
}

/** An error's message on one line (client errors add a hint on a second line). */
function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' — ');
}

interface Tracked extends DocProgress {
  source: DocumentSource;
  docId: string;
}

/** Runs `docs`; resolves with the exit status. */
export async function docsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    io,
    args,
    DOCS_HELP,
    {
      collection: { type: 'string' },
      ...TARGET_OPTIONS,
      project: { type: 'string' },
      tag: { type: 'string', multiple: true },
      'wait-seconds': { type: 'string' },
      'poll-ms': { type: 'string' },
    },
    { allowPositionals: true },
  );
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const [action, ...inputs] = positionals;
  if (action !== 'add')
    throw new UsageError(action === undefined ? 'docs needs an action: add' : `unknown action "${action}"; use add`);
  if (inputs.length === 0) throw new UsageError('docs add needs at least one file or URL');
  const collection = values.collection;
  if (!collection) throw new UsageError('--collection NAME is required');
  if (values.url !== undefined && values.data !== undefined) throw new UsageError('use either --data or --url');
  const tagList = parseTags(values.tag ?? []);
  const waitMs = (intFlag('wait-seconds', values['wait-seconds'], 1, 86_400) ?? DEFAULT_WAIT_SECONDS) * 1000;
  const pollMs = intFlag('poll-ms', values['poll-ms'], 10, 60_000) ?? DEFAULT_POLL_INTERVAL_MS;
  const sources = await readDocumentSources(inputs);
  const locator = { collection_name: collection, ...(values.project !== undefined && { project: values.project }) };

  const target: KnowledgeTarget = await openKnowledgeTarget({
    url: values.url,
    dataDir: values.data,
    config: values.config,
    region: values.region,
    env: io.env,
  });
  const docs: Tracked[] = sources.map((source) => ({
    source,
    label: source.label,
    docId: source.docId,
    phase: 'waiting',
  }));
  const progress = createDocsProgress(io, docs);
  const set = (doc: Tracked, phase: DocProgress['phase'], detail?: string) => {
    doc.phase = phase;
    doc.detail = detail;
    progress.changed(doc);
  };
  try {
    io.stderr(`adding ${docs.length} document(s) to ${collection} via ${target.description}\n`);
    for (const doc of docs) {
      set(doc, 'sending');
      const { source } = doc;
      try {
        const data = await target.call(KNOWLEDGE_ADD_DOC_V2, {
          ...locator,
          doc_id: source.docId,
          doc_name: source.docName,
          ...(source.docType !== undefined && { doc_type: source.docType }),
          ...(tagList.length > 0 && { tag_list: tagList }),
          uri: source.uri,
        });
        if (typeof data['doc_id'] === 'string' && data['doc_id'] !== '') doc.docId = data['doc_id'];
        const dedup = data['dedup_info'] as { skip?: unknown; same_doc_ids?: unknown } | undefined;
        if (dedup?.skip === true) {
          const same = Array.isArray(dedup.same_doc_ids) ? dedup.same_doc_ids.join(', ') : '';
          set(doc, 'done', `skipped: already in the collection${same ? ` as ${same}` : ''}`);
        } else set(doc, 'processing', `doc_id ${doc.docId}`);
      } catch (error) {
        set(doc, 'failed', message(error));
      }
    }

    const deadline = Date.now() + waitMs;
    for (;;) {
      const pending = docs.filter((doc) => doc.phase === 'processing');
      if (pending.length === 0) break;
      if (Date.now() >= deadline) {
        for (const doc of pending) set(doc, 'failed', `still processing after ${waitMs / 1000} s`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      for (const doc of pending) {
        try {
          const info = await target.call(KNOWLEDGE_DOC_INFO, { ...locator, doc_id: doc.docId });
          const status = (info['status'] ?? {}) as {
            process_status?: unknown;
            failed_code?: unknown;
            failed_msg?: unknown;
          };
          if (status.process_status === PROCESS_STATUS.done) {
            const points = typeof info['point_num'] === 'number' ? info['point_num'] : undefined;
            set(doc, 'done', points === undefined ? undefined : `${points} point${points === 1 ? '' : 's'}`);
          } else if (
            status.process_status === PROCESS_STATUS.failed ||
            (typeof status.failed_code === 'number' && status.failed_code !== 0)
          ) {
            const code =
              status.failed_code !== undefined && status.failed_code !== 0 ? `${String(status.failed_code)} ` : '';
            set(
              doc,
              'failed',
              `${code}${typeof status.failed_msg === 'string' ? status.failed_msg : 'processing failed'}`,
            );
          }
        } catch (error) {
          set(doc, 'failed', `doc/info: ${message(error)}`);
        }
      }
    }
  } finally {
    progress.finish();
    await target.close();
  }
  for (const doc of docs) io.stdout(`${doc.phase}\t${doc.docId}\t${doc.label}${doc.detail ? `\t${doc.detail}` : ''}\n`);
  const failed = docs.filter((doc) => doc.phase === 'failed').length;
  io.stderr(
    `${docs.length - failed} of ${docs.length} document(s) added to ${collection}${failed ? `, ${failed} failed` : ''}\n`,
  );
  return failed > 0 ? 1 : 0;
}
