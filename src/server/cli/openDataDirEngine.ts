/**
 * An engine over a data directory, for the CLI commands that write into one themselves (`seed`, `import --data`,
 * `docs add` without a server): takes the directory's lock (refusing one another process holds), uses the embedder
 * recorded for the directory unless the environment names one (`VIKINGDB_EMBEDDING_*`, `VIKINGDB_LLM_*`), and checks
 * it against the record, so rows are never embedded by another model than the directory's.
 */
import type { LocalEngine } from '../local/engine/protocol';
import { createLocalEngine } from '../local/engine/createLocalEngine';
import {
  mergeModelSettings,
  modelSettingsFromEnv,
  prepareModelBackends,
  settingsOfMarker,
} from '../local/modelBackends';
import type { DataDirHolder } from '../local/storage/dataDirLock';
import { claimEmbedding, readEmbeddingMarker } from '../local/storage/embeddingMarker';
import { createLmdbStorage } from '../local/storage/lmdbStorage';
import type { CliIo } from './CliIo';
import { holdDataDir } from './holdDataDir';
import { resolveConfigOption } from './resolveConfigOption';

/** An open engine; `close` closes it and releases the directory. */
export interface DataDirEngine {
  engine: LocalEngine;
  /** The embedder and chat model in use, in words. */
  models: { embedder: string; chat: string };
  close(): Promise<void>;
}

/** Opens `dir` for `command` (see the file comment); `advice` completes the refusal message. */
export async function openDataDirEngine(options: {
  dir: string;
  config: string | undefined;
  command: string;
  env: CliIo['env'];
  advice: (holder: DataDirHolder) => string;
}): Promise<DataDirEngine> {
  const { dir, env } = options;
  const lock = await holdDataDir(dir, options.command, options.advice);
  try {
    const { config } = await resolveConfigOption(options.config);
    const settings = mergeModelSettings(settingsOfMarker(await readEmbeddingMarker(dir)), modelSettingsFromEnv(env));
    const prepared = await prepareModelBackends(config, { models: settings }, env);
    if (prepared.embedding) await claimEmbedding(dir, prepared.embedding);
    const storage = await createLmdbStorage(dir);
    const engine = await createLocalEngine({
      config: prepared.config,
      storage,
      ...(prepared.embedder && { embedder: prepared.embedder }),
      ...(prepared.chatModel && { chatModel: prepared.chatModel }),
    }).catch(async (error: unknown) => {
      await storage.close();
      throw error;
    });
    return {
      engine,
      models: prepared.labels,
      async close() {
        try {
          await engine.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
