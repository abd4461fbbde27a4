/**
 * The config a CLI command uses: `--config PATH` when given, else `./vikingdb.config.json` when it exists, else the
 * built-in default config.
 */
import { existsSync } from 'node:fs';
import { defaultConfig } from '../local/config/defaultConfig';
import type { LocalConfig } from '../local/config/schema';
import { loadConfigFile } from '../local/loadConfigFile';

/** The config file looked for in the working directory when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'vikingdb.config.json';

/** Loads the config for `--config` (see the file comment), returning it with a label for messages. */
export async function resolveConfigOption(path: string | undefined): Promise<{ config: LocalConfig; source: string }> {
  if (path !== undefined) return { config: await loadConfigFile(path), source: path };
  if (existsSync(DEFAULT_CONFIG_FILE))
    return { config: await loadConfigFile(DEFAULT_CONFIG_FILE), source: DEFAULT_CONFIG_FILE };
  return { config: defaultConfig, source: 'built-in default config' };
}
