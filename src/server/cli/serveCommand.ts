/**
 * `vikingdb-kit serve`: runs the local server until SIGINT/SIGTERM, then closes it gracefully (exit 0).
 */
import {
  createLocalServer,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type LocalServerOptions,
} from '../local/createLocalServer';
import { createHostCheck, type AllowedHostsOption } from '../shared/allowedHosts';
import { mergeModelSettings, modelSettingsFromEnv, parseEmbedderKind } from '../local/modelBackends';
import { DEFAULT_MAX_BODY_BYTES } from '../shared/readLimitedBody';
import { DEFAULT_CORS_ORIGINS } from '../local/http/corsOrigins';
import { UsageError, type CliIo } from './CliIo';
import { intFlag } from './parseNumbers';
import { DEFAULT_CONFIG_FILE, resolveConfigOption } from './resolveConfigOption';
import { parseCommandArgs } from './parseCommandArgs';

/** `vikingdb-kit serve --help`. */
export const SERVE_HELP = `Usage: vikingdb-kit serve [options]

Runs a VikingDB-compatible server (vector + memory APIs) on this machine.

Options:
  --config FILE          JSON config of collections (default: ./${DEFAULT_CONFIG_FILE} if present,
                         else the built-in collections text, vector, demo_docs, sdk_test, demo_memory)
  --data DIR             lmdb data directory (default: ${DEFAULT_DATA_DIR})
  --in-memory            keep data in memory only (nothing is written to disk)
  --host HOST            interface to listen on (default: ${DEFAULT_HOST})
  --port N               port, 0 for any free port (default: ${DEFAULT_PORT})
  --api-key KEY          require "Authorization: Bearer KEY"; the environment variable
                         VIKINGDB_API_KEY does the same and keeps the key out of process listings
  --verify-signature     require V4 (AK/SK) signatures; the accepted keys come from the
                         environment variables VIKINGDB_AK and VIKINGDB_SK
  --cors-origin ORIGIN   browser origin allowed to call the server, repeatable; * and http://host:*
                         patterns work; requests from any other origin get 403
                         (default: http://localhost:*, http://127.0.0.1:*, http://[::1]:*)
  --allowed-host NAME    Host name answered besides loopback, repeatable; .example.com allows a
                         domain and its subdomains; * answers any host (default: localhost,
                         127.0.0.1, [::1] only, which keeps DNS-rebinding pages out)
  --max-body-bytes N     largest request body (default: ${DEFAULT_MAX_BODY_BYTES})
  --index-delay-ms N     delay before writes are visible to searches (default: 0)
  --seed                 load the demo dataset (demo_docs, demo_memory) at start
  --quiet                no per-request log lines
  -h, --help             show this help

Model backends (optional; flags override the environment, which overrides the config's
"embedder" and "llm" keys):
  --embedder KIND             hashing (default: offline, deterministic, lexical) or
                              openai-compatible (a /v1/embeddings server); env VIKINGDB_EMBEDDER
  --embedding-url URL         e.g. http://127.0.0.1:11434/v1 (Ollama); env VIKINGDB_EMBEDDING_URL;
                              implies --embedder openai-compatible
  --embedding-model NAME      e.g. nomic-embed-text; env VIKINGDB_EMBEDDING_MODEL
  --embedding-api-key-env VAR read the embedding server's API key from the variable VAR
  --llm-url URL               OpenAI-compatible chat server for knowledge chat and query rewrite,
                              e.g. http://127.0.0.1:11434/v1; env VIKINGDB_LLM_URL
                              (default: the built-in extractive model)
  --llm-model NAME            e.g. qwen3:4b; env VIKINGDB_LLM_MODEL
  --llm-api-key-env VAR       read the chat server's API key from the variable VAR
`;

/** `--allowed-host` values as the `allowedHosts` option: `*` anywhere means every host. */
export function allowedHostsFlag(values: readonly string[] | undefined): AllowedHostsOption | undefined {
  if (values === undefined) return undefined;
  if (values.includes('*')) return true;
  try {
    createHostCheck(values);
  } catch (error) {
    throw new UsageError(`--allowed-host: ${(error as Error).message}`);
  }
  return values;
}

function embedderKindFlag(value: string) {
  try {
    return parseEmbedderKind(value, '--embedder');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `serve` with the arguments after the command name; resolves with the exit status. */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, args, SERVE_HELP, {
    config: { type: 'string' },
    data: { type: 'string' },
    'in-memory': { type: 'boolean' },
    host: { type: 'string' },
    port: { type: 'string' },
    'api-key': { type: 'string' },
    'verify-signature': { type: 'boolean' },
    'cors-origin': { type: 'string', multiple: true },
    'allowed-host': { type: 'string', multiple: true },
    'max-body-bytes': { type: 'string' },
    'index-delay-ms': { type: 'string' },
    seed: { type: 'boolean' },
    quiet: { type: 'boolean' },
    embedder: { type: 'string' },
    'embedding-url': { type: 'string' },
    'embedding-model': { type: 'string' },
    'embedding-api-key-env': { type: 'string' },
    'llm-url': { type: 'string' },
    'llm-model': { type: 'string' },
    'llm-api-key-env': { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const options: LocalServerOptions = {
    dataDir: values.data,
    inMemory: values['in-memory'],
    host: values.host,
    port: intFlag('port', values.port, 0, 65535),
    apiKey: values['api-key'] ?? (io.env['VIKINGDB_API_KEY'] || undefined),
    corsOrigins: values['cors-origin'],
    allowedHosts: allowedHostsFlag(values['allowed-host']),
    maxBodyBytes: intFlag('max-body-bytes', values['max-body-bytes'], 1, 2 ** 31),
    indexDelayMs: intFlag('index-delay-ms', values['index-delay-ms'], 0, 2 ** 31),
    seed: values.seed,
    log: values.quiet ? false : (line) => io.stdout(`${line}\n`),
    models: mergeModelSettings(modelSettingsFromEnv(io.env), {
      embedder: {
        kind: values.embedder === undefined ? undefined : embedderKindFlag(values.embedder),
        url: values['embedding-url'],
        model: values['embedding-model'],
        apiKeyEnv: values['embedding-api-key-env'],
      },
      llm: { url: values['llm-url'], model: values['llm-model'], apiKeyEnv: values['llm-api-key-env'] },
    }),
  };
  if (values['verify-signature']) {
    const accessKeyId = io.env['VIKINGDB_AK'];
    const secretAccessKey = io.env['VIKINGDB_SK'];
    if (!accessKeyId || !secretAccessKey) {
      throw new UsageError('--verify-signature needs the environment variables VIKINGDB_AK and VIKINGDB_SK');
    }
    options.verifySignature = { accessKeyId, secretAccessKey };
  }
  const { config, source } = await resolveConfigOption(values.config);
  options.config = config;

  const server = await createLocalServer(options).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException | undefined)?.code !== 'EADDRINUSE') throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}: the port is taken (another server?); pass --port N (0 = any free port)`, {
      cause: error,
    });
  });
  const auth = [
    options.apiKey && `API key${values['api-key'] ? '' : ' (VIKINGDB_API_KEY)'}`,
    options.verifySignature && 'V4 signature',
  ]
    .filter(Boolean)
    .join(' or ');
  io.stderr(
    `vikingdb-kit local server listening on ${server.url}\n` +
      `  config: ${source}\n` +
      `  data:   ${options.inMemory ? 'in memory' : (options.dataDir ?? DEFAULT_DATA_DIR)}\n` +
      `  auth:   ${auth || 'open (no credentials required)'}\n` +
      `  hosts:  loopback${options.allowedHosts === true ? ', any host' : (options.allowedHosts ?? []).map((h) => `, ${h}`).join('')}\n` +
      `  origins: ${(options.corsOrigins ?? DEFAULT_CORS_ORIGINS).join(', ')}\n` +
      `  embed:  ${server.models.embedder}\n` +
      `  chat:   ${server.models.chat}\n`,
  );
  const signal = await io.waitForStop();
  io.stderr(`${signal}: finishing requests in flight and closing…\n`);
  await server.close();
  io.stderr('closed\n');
  return 0;
}
