/**
 * `vikingdb-kit import FILE.jsonl|FILE.csv --collection NAME`: bulk upsert of JSON Lines (or CSV) rows, in batches, either straight
 * into a data directory through the engine (`--data`) or over HTTP to a running server or VikingDB itself (`--url`).
 */
import { createVikingClient } from '../../client/exports';
import { DEFAULT_DATA_DIR } from '../local/createLocalServer';
import { UsageError, type CliIo } from './CliIo';
import { intFlag } from './parseNumbers';
import { readCsvBatches } from './readCsv';
import { readJsonlBatches } from './readJsonl';
import { remoteAuth } from './remoteAuth';
import { throughServerAdvice } from './holdDataDir';
import { openDataDirEngine } from './openDataDirEngine';
import { DEFAULT_CONFIG_FILE } from './resolveConfigOption';
import { parseCommandArgs, TARGET_OPTIONS } from './parseCommandArgs';
import { VECTOR_UPSERT } from '../../client/endpoints';

/** Rows per upsert request: 100 (VikingDB's limit per upsert). */
export const DEFAULT_BATCH_SIZE = 100;

/** `vikingdb-kit import --help`. */
export const IMPORT_HELP = `Usage: vikingdb-kit import FILE --collection NAME [--data DIR | --url URL] [options]

Upserts every row of FILE into a collection, ${DEFAULT_BATCH_SIZE} rows per request. FILE is JSON Lines (one JSON
object per line), or CSV when its name ends in .csv (a header row names the fields; cells that look like JSON —
numbers, true/false, [lists] — are read as JSON; a CSV with a row that cannot be read exactly imports nothing).
Errors name the file line. Progress goes to stderr.

Options:
  --collection NAME   target collection (required)
  --data DIR          write into this lmdb data directory directly (default: ${DEFAULT_DATA_DIR});
                      refused while a server uses it (then pass its --url)
  --config FILE       config for --data (default: ./${DEFAULT_CONFIG_FILE} if present, else built-in)
  --url URL           send to a running server instead, e.g. http://127.0.0.1:8329; credentials from
                      VIKINGDB_API_KEY, or VIKINGDB_AK + VIKINGDB_SK (V4 signing), else none
  --region REGION     region for V4 signing with --url (default: cn-beijing)
  --batch-size N      rows per request (default: ${DEFAULT_BATCH_SIZE})
  -h, --help          show this help
`;

type Upsert = (body: { collection_name: string; data: unknown[] }, requestId: string) => Promise<void>;

/** Runs `import`; resolves with the exit status. */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    io,
    args,
    IMPORT_HELP,
    {
      collection: { type: 'string' },
      ...TARGET_OPTIONS,
      'batch-size': { type: 'string' },
    },
    { allowPositionals: true },
  );
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('import takes exactly one FILE (.jsonl or .csv)');
  const collection = values.collection;
  if (!collection) throw new UsageError('--collection NAME is required');
  if (values.url !== undefined && values.data !== undefined) throw new UsageError('use either --data or --url');
  const batchSize = intFlag('batch-size', values['batch-size'], 1, 100_000) ?? DEFAULT_BATCH_SIZE;

  let upsert: Upsert;
  let finish: () => Promise<void>;
  let target: string;
  if (values.url !== undefined) {
    const client = createVikingClient({
      baseUrl: values.url,
      region: values.region,
      auth: remoteAuth(io.env, values.region),
    });
    upsert = async (body, requestId) => {
      await client.transport.call(VECTOR_UPSERT, body, { requestId });
    };
    finish = async () => undefined;
    target = values.url;
  } else {
    const dir = values.data ?? DEFAULT_DATA_DIR;
    const opened = await openDataDirEngine({
      dir,
      config: values.config,
      command: 'import',
      env: io.env,
      advice: throughServerAdvice('Import'),
    });
    upsert = async (body, requestId) => {
      const answer = await opened.engine.handle({
        method: VECTOR_UPSERT.method,
        path: VECTOR_UPSERT.path,
        body: JSON.stringify(body),
        requestId,
      });
      if (answer.status !== 200) {
        throw new Error(`${String(answer.body['code'])}: ${String(answer.body['message'])}`);
      }
    };
    finish = opened.close;
    target = dir;
  }

  let imported = 0;
  let batches = 0;
  const progress = (final: boolean) => {
    const line = `imported ${imported} rows into ${collection} (${target})`;
    if (io.stderrIsTTY) io.stderr(`\r${line}${final ? '\n' : ''}`);
    else if (final || batches % 10 === 0) io.stderr(`${line}\n`);
  };
  try {
    const batchesOfFile = /\.csv$/i.test(file) ? readCsvBatches(file, batchSize) : readJsonlBatches(file, batchSize);
    for await (const { rows, firstLine, lines } of batchesOfFile) {
      try {
        await upsert({ collection_name: collection, data: rows }, `import-${Date.now()}-${batches}`);
      } catch (error) {
        if (io.stderrIsTTY) io.stderr('\n');
        // "data[50]" is the 51st row of the batch: name its line in the file too.
        const detail = (error instanceof Error ? error.message : String(error)).replace(
          /data\[(\d+)\]/g,
          (whole, i: string) => (lines[Number(i)] === undefined ? whole : `${whole} (${file}:${lines[Number(i)]})`),
        );
        io.stderr(
          `import failed at ${file} lines ${firstLine}+ (batch ${batches + 1}) after ${imported} rows: ${detail}\n`,
        );
        return 1;
      }
      imported += rows.length;
      batches++;
      progress(false);
    }
    progress(true);
    return 0;
  } finally {
    await finish();
  }
}
