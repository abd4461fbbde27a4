/**
 * `vikingdb-kit seed`: loads a dataset into a data directory through the engine (no server needed).
 */
import { DEFAULT_DATA_DIR } from '../local/createLocalServer';
import { seedDemo } from '../local/seed/demoDataset';
import { UsageError, type CliIo } from './CliIo';
import { openDataDirEngine } from './openDataDirEngine';
import { DEFAULT_CONFIG_FILE } from './resolveConfigOption';
import { parseCommandArgs } from './parseCommandArgs';

/** `vikingdb-kit seed --help`. */
export const SEED_HELP = `Usage: vikingdb-kit seed [--dataset demo] [--data DIR] [--config FILE]

Loads a dataset into the local data directory. A directory a running server uses is refused
(stop the server first): it would not see rows written by another process.

Options:
  --dataset NAME   dataset to load; only "demo" (demo_docs + demo_memory) exists (default: demo)
  --data DIR       lmdb data directory (default: ${DEFAULT_DATA_DIR})
  --config FILE    config declaring the collections (default: ./${DEFAULT_CONFIG_FILE} if present, else built-in)
  -h, --help       show this help
`;

/** Runs `seed`; resolves with the exit status. */
export async function seedCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, args, SEED_HELP, {
    dataset: { type: 'string', default: 'demo' },
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    config: { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  if (values.dataset !== 'demo') throw new UsageError(`unknown dataset "${values.dataset}"; available: demo`);
  const { engine, close } = await openDataDirEngine({
    dir: values.data,
    config: values.config,
    command: 'seed',
    env: io.env,
    advice: () => 'Stop it first.',
  });
  try {
    const { docs, sessions, knowledgeDocs } = await seedDemo(engine, { dataset: 'full' });
    io.stdout(
      `seeded ${docs} rows into demo_docs, ${sessions} sessions into demo_memory and ${knowledgeDocs} documents into demo_kb (${values.data})\n`,
    );
  } finally {
    await close();
  }
  return 0;
}
