/**
 * Where `docs add` sends its knowledge calls: a running server over HTTP (`--url`, or the default local server when it
 * answers its ping), else the data directory directly, through an engine in this process — refused when another
 * process holds the directory (the message names it and its URL, and says to use `--url`).
 */
import { createVikingClient } from '../../client/exports';
import type { Endpoint } from '../../client/endpoints';
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from '../local/createLocalServer';
import type { CliIo } from './CliIo';
import { throughServerAdvice } from './holdDataDir';
import { openDataDirEngine } from './openDataDirEngine';
import { remoteAuth } from './remoteAuth';

/** Milliseconds the default local server has to answer its ping: 1000. */
export const PING_TIMEOUT_MS = 1000;

/** A place that answers knowledge calls. */
export interface KnowledgeTarget {
  /** For messages: the server URL, or the data directory. */
  readonly description: string;
  /** POSTs `body` to a knowledge endpoint; resolves with the answer's `data`, rejects with the server's code and message. */
  call(endpoint: Endpoint, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Closes what was opened (the engine and the lock of a direct target). */
  close(): Promise<void>;
}

/** Options of {@link openKnowledgeTarget}. */
export interface KnowledgeTargetOptions {
  /** A server to use. Default: the default local server when it answers, else the data directory. */
  url?: string | undefined;
  /** The data directory to use directly (the default local server is then not asked). Default `.vikingdb`. */
  dataDir?: string | undefined;
  /** Config for a direct target (see `resolveConfigOption`). */
  config?: string | undefined;
  /** Region for V4 signing over HTTP. */
  region: string;
  env: CliIo['env'];
}

/** `http://127.0.0.1:<VIKINGDB_PORT or 8329>`. */
export function defaultServerUrl(env: CliIo['env']): string {
  return `http://127.0.0.1:${env['VIKINGDB_PORT'] || DEFAULT_PORT}`;
}

/** Whether a VikingDB-compatible server answers `GET /ping` at `url` within {@link PING_TIMEOUT_MS}. */
export async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(PING_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function httpTarget(url: string, options: KnowledgeTargetOptions): KnowledgeTarget {
  const client = createVikingClient({
    baseUrl: url,
    region: options.region,
    auth: remoteAuth(options.env, options.region),
  });
  return {
    description: url,
    async call(endpoint, body) {
      const { payload } = await client.transport.call<Record<string, unknown> | undefined>(endpoint, body);
      return payload ?? {};
    },
    close: async () => undefined,
  };
}

async function directTarget(options: KnowledgeTargetOptions): Promise<KnowledgeTarget> {
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  const { engine, close } = await openDataDirEngine({
    dir,
    config: options.config,
    command: 'docs add',
    env: options.env,
    advice: throughServerAdvice('Send the documents'),
  });
  let calls = 0;
  return {
    description: `data directory ${dir}`,
    async call(endpoint, body) {
      const answer = await engine.handle({
        method: endpoint.method,
        path: endpoint.path,
        body: JSON.stringify(body),
        requestId: `docs-add-${Date.now()}-${++calls}`,
      });
      if (answer.status !== 200) throw new Error(`${String(answer.body['code'])}: ${String(answer.body['message'])}`);
      const data = answer.body['data'];
      return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    },
    close,
  };
}

/** Opens the target the options and the machine's state call for (see the file comment). */
export async function openKnowledgeTarget(options: KnowledgeTargetOptions): Promise<KnowledgeTarget> {
  if (options.url !== undefined) return httpTarget(options.url, options);
  if (options.dataDir === undefined) {
    const url = defaultServerUrl(options.env);
    if (await answersPing(url)) return httpTarget(url, options);
  }
  return directTarget(options);
}
