import { isVikingDBError } from '../../client/errors/VikingDBError';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The hint for a request that got no answer from a server on this machine: there, the cause is a local server that is
 * not running (not CORS, which the client's generic browser hint blames). `undefined` for any other error.
 */
function localServerHint(error: { code: string | number; url: string | undefined }): string | undefined {
  if (error.code !== 'NetworkError' || !error.url) return undefined;
  let url: URL;
  try {
    url = new URL(error.url);
  } catch {
    return undefined;
  }
  const host = url.hostname;
  if (!LOOPBACK_HOSTS.has(host) && !host.endsWith('.localhost')) return undefined;
  return (
    `Nothing answers at ${url.origin}: the local server is not running. ` +
    'Start it with `npm run dev` (or `npx vikingdb-kit serve`), then try again.'
  );
}

/** What a UI shows about a failed request. */
export interface ErrorInfo {
  /** The service's message (without the code and hint the error's `message` adds). */
  message: string;
  code: string | number | undefined;
  status: number | undefined;
  requestId: string | undefined;
  /** What to do next, when the kit knows. */
  hint: string | undefined;
}

/**
 * What an error says, whatever its kind: a `VikingDBError` gives code, status, request id and hint. A request to a
 * server on this machine (127.0.0.1, localhost) that got no answer is hinted as a local server that is not running.
 */
export function describeError(error: unknown): ErrorInfo {
  if (isVikingDBError(error)) {
    return {
      message: error.serviceMessage || error.message,
      code: error.code,
      status: error.status,
      requestId: error.requestId,
      hint: localServerHint(error) ?? error.hint,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: undefined, status: undefined, requestId: undefined, hint: undefined };
}
