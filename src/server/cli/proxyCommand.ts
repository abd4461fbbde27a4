/**
 * `vikingdb-kit proxy`: runs the signing proxy on node:http until SIGINT/SIGTERM. The AK/SK come from the environment
 * only (`VIKINGDB_AK`, `VIKINGDB_SK`, optional `VIKINGDB_SESSION_TOKEN`), never from flags, so they stay out of shell
 * history and process listings; they are never printed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REGION, DEFAULT_TIMEOUT_MS } from '../../client/options';
import { createSigningProxy } from '../proxy/createSigningProxy';
import { createNodeConnectListener, createNodeListener } from '../proxy/nodeAdapter';
import { escapeLogText } from '../shared/escapeLogText';
import { allowedHostsFlag } from './serveCommand';
import type { SigningProxyOptions } from '../proxy/options';
import { DEFAULT_MAX_BODY_BYTES } from '../shared/readLimitedBody';
import { UsageError, type CliIo } from './CliIo';
import { intFlag } from './parseNumbers';
import { MAX_TIMER_MS } from '../shared/maxTimerMs';
import { parseCommandArgs } from './parseCommandArgs';

/** The proxy's default port: 8330 (the local server's is 8329). */
export const DEFAULT_PROXY_PORT = 8330;
/** The proxy's default interface: 127.0.0.1. */
export const DEFAULT_PROXY_HOST = '127.0.0.1';

export const PROXY_HELP = `Usage: vikingdb-kit proxy [options]

Runs the signing proxy: browsers (the client's signingProxy(url) mode) call it without credentials;
it signs each request with AK/SK (Volcengine V4) and forwards it to VikingDB.

Credentials come from the environment only:
  VIKINGDB_AK, VIKINGDB_SK   access key id and secret (required)
  VIKINGDB_SESSION_TOKEN     STS session token (optional)

Options:
  --port N                 port, 0 for any free port (default: ${DEFAULT_PROXY_PORT})
  --host HOST              interface to listen on (default: ${DEFAULT_PROXY_HOST})
  --vector-upstream URL    vector API base URL
                           (default: https://api-vikingdb.vikingdb.<region>.volces.com)
  --memory-upstream URL    memory API base URL
                           (default: https://api-knowledgebase.mlp.<region>.volces.com)
  --knowledge-upstream URL knowledge API base URL (default: the memory upstream)
  --region R               region signed into each request (default: ${DEFAULT_REGION})
  --read-only              forward only reads: fetch, search, aggregate, sort, embedding,
                           rerank, memory search and session info, knowledge info, lists,
                           retrieval, rerank and chat
  --cors-origin ORIGIN     browser origin allowed to call the proxy, repeatable; * for any
                           (default: none — same-origin pages and non-browser callers only)
  --allowed-host NAME      Host name answered besides loopback, repeatable (the name the proxy
                           is deployed under); .example.com allows a domain and its subdomains;
                           * answers any host (default: localhost, 127.0.0.1, [::1] only,
                           which keeps DNS-rebinding pages away from the keys)
  --base-path PATH         path prefix removed before routing, e.g. /vikingdb (default: none)
  --max-body-bytes N       largest request body (default: ${DEFAULT_MAX_BODY_BYTES})
  --timeout-ms N           upstream timeout (default: ${DEFAULT_TIMEOUT_MS})
  --rate-limit N           requests per second per client address (default: no limit)
  --trust-proxy            take the client address from X-Forwarded-For (behind your own proxy)
  --quiet                  no per-request log lines
  -h, --help               show this help
`;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Runs `proxy` with the arguments after the command name; resolves with the exit status. */
export async function proxyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, args, PROXY_HELP, {
    port: { type: 'string' },
    host: { type: 'string' },
    'vector-upstream': { type: 'string' },
    'memory-upstream': { type: 'string' },
    'knowledge-upstream': { type: 'string' },
    region: { type: 'string' },
    'read-only': { type: 'boolean' },
    'cors-origin': { type: 'string', multiple: true },
    'allowed-host': { type: 'string', multiple: true },
    'base-path': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'timeout-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const accessKeyId = io.env['VIKINGDB_AK'];
  const secretAccessKey = io.env['VIKINGDB_SK'];
  const sessionToken = io.env['VIKINGDB_SESSION_TOKEN'] || undefined;
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError('the proxy needs the environment variables VIKINGDB_AK and VIKINGDB_SK');
  }
  const port = intFlag('port', values.port, 0, 65535) ?? DEFAULT_PROXY_PORT;
  const host = values.host ?? DEFAULT_PROXY_HOST;
  const rate = intFlag('rate-limit', values['rate-limit'], 1, 1_000_000);
  const cors = values['cors-origin'];
  const options: SigningProxyOptions = {
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    region: values.region,
    vector: { url: values['vector-upstream'] },
    memory: { url: values['memory-upstream'] },
    ...(values['knowledge-upstream'] !== undefined && { knowledge: { url: values['knowledge-upstream'] } }),
    allow: values['read-only'] ? 'readOnly' : 'all',
    cors: cors && (cors.includes('*') ? '*' : cors),
    allowedHosts: allowedHostsFlag(values['allowed-host']),
    basePath: values['base-path'],
    maxBodyBytes: intFlag('max-body-bytes', values['max-body-bytes'], 1, 2 ** 31),
    timeoutMs: intFlag('timeout-ms', values['timeout-ms'], 1, MAX_TIMER_MS),
    rateLimit: rate === undefined ? undefined : { perSecond: rate },
    log: values.quiet
      ? undefined
      : (entry) =>
          io.stdout(
            `${escapeLogText(entry.method)} ${escapeLogText(entry.path)} ${entry.status} ${entry.durationMs}ms id=${escapeLogText(entry.requestId)}` +
              `${entry.refused ? ` refused=${entry.refused}` : ''}\n`,
          ),
  };
  let handler;
  try {
    handler = createSigningProxy(options);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const adapterOptions = { trustProxy: values['trust-proxy'] === true };
  const server = createServer(createNodeListener(handler, adapterOptions));
  server.on('connect', createNodeConnectListener(handler, adapterOptions));
  const address = await listen(server, port, host);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const region = values.region ?? DEFAULT_REGION;
  io.stderr(
    `vikingdb-kit signing proxy listening on http://${shownHost}:${address.port}${values['base-path'] ?? ''}\n` +
      `  vector: ${values['vector-upstream'] ?? `https://api-vikingdb.vikingdb.${region}.volces.com`}\n` +
      `  memory: ${values['memory-upstream'] ?? `https://api-knowledgebase.mlp.${region}.volces.com`}\n` +
      `  knowledge: ${values['knowledge-upstream'] ?? 'the memory upstream'}\n` +
      `  region: ${region}   keys: VIKINGDB_AK/VIKINGDB_SK${sessionToken ? ' + VIKINGDB_SESSION_TOKEN' : ''}\n` +
      `  allow:  ${values['read-only'] ? 'read-only' : 'every data-plane path'}   cors: ${cors?.join(', ') ?? 'none'}\n`,
  );
  const signal = await io.waitForStop();
  io.stderr(`${signal}: finishing requests in flight and closing…\n`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 5000);
  force.unref();
  await closed;
  clearTimeout(force);
  io.stderr('closed\n');
  return 0;
}
