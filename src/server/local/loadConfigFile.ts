/**
 * Reads a local server config (JSON) from disk and validates it with `parseLocalConfig`.
 */
import { readFile } from 'node:fs/promises';
import { parseLocalConfig, type LocalConfig } from './config/schema';

/**
 * Loads and validates `path`.
 * @throws Error naming the file when it cannot be read, is not JSON, or fails validation (bad paths listed).
 */
export async function loadConfigFile(path: string): Promise<LocalConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read config ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`config ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  try {
    return parseLocalConfig(json);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
