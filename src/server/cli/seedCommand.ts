/**
 * `vikingdb-kit seed`: loads a dataset into a data directory through the engine (no server needed).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../local/createLocalServer';
import { createLocalEngine } from '../local/engine/createLocalEngine';
import { seedDemo } from '../local/seed/demoDataset';
import { createLmdbStorage } from '../local/storage/lmdbStorage';
import { UsageError, type CliIo } from './CliIo';
import { DEFAULT_CONFIG_FILE, resolveConfigOption } from './resolveConfigOption';

/** `vikingdb-kit seed --help`. */
export const SEED_HELP = `Usage: vikingdb-kit seed [--dataset demo] [--data DIR] [--config FILE]

Loads a dataset into the local data directory. Stop a server using the same directory first:
a running server does not see rows written by another process until it restarts.

Options:
  --dataset NAME   dataset to load; only "demo" (demo_docs + demo_memory) exists (default: demo)
  --data DIR       lmdb data directory (default: ${DEFAULT_DATA_DIR})
  --config FILE    config declaring the collections (default: ./${DEFAULT_CONFIG_FILE} if present, else built-in)
  -h, --help       show this help
`;

/** Runs `seed`; resolves with the exit status. */
export async function seedCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      dataset: { type: 'string', default: 'demo' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(SEED_HELP);
    return 0;
  }
  if (values.dataset !== 'demo') throw new UsageError(`unknown dataset "${values.dataset}"; available: demo`);
  const { config } = await resolveConfigOption(values.config);
  const storage = await createLmdbStorage(values.data);
  const engine = await createLocalEngine({ config, storage }).catch(async (error: unknown) => {
    await storage.close();
    throw error;
  });
  try {
    const { docs, sessions, knowledgeDocs } = await seedDemo(engine, { dataset: 'full' });
    io.stdout(
      `seeded ${docs} rows into demo_docs, ${sessions} sessions into demo_memory and ${knowledgeDocs} documents into demo_kb (${values.data})\n`,
    );
  } finally {
    await engine.close();
  }
  return 0;
}
