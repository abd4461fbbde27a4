/**
 * What the OpenAI-compatible backends (embeddings, chat) share: resolving an endpoint from the base URL a user
 * gives, the request headers, and turning a failed call into a message that names the URL. Uses only `fetch`
 * (no Node built-ins).
 */
import { EngineError } from '../engine/EngineError';

/** Longest piece of an upstream error body quoted in a message. */
const QUOTE_LIMIT = 200;

/**
 * The full URL of `resource` (`embeddings`, `chat/completions`) under a user-given base URL:
 * `http://127.0.0.1:11434` → `http://127.0.0.1:11434/v1/embeddings`; a base with a path (`…/v1`, Ark's `…/api/v3`)
 * gets `/embeddings` appended; a URL that already ends with the resource is used as it is.
 * @throws Error naming `what` when `base` is not an http(s) URL.
 */
export function openAiEndpointUrl(base: string, resource: string, what: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`${what} "${base}" is not a URL; pass e.g. http://127.0.0.1:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${what} "${base}" must use http or https`);
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(`/${resource}`)) return url.href;
  url.pathname = `${path === '' ? '/v1' : path}/${resource}`;
  return url.href;
}

/** JSON request headers, with `Authorization: Bearer` when there is an API key. */
export function openAiHeaders(apiKey: string | undefined, accept = 'application/json'): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: accept,
    ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
  };
}

/** At most {@link QUOTE_LIMIT} characters of `text`, on one line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat;
}

/** The message of an upstream error answer: its `error.message` (OpenAI shape) or `error`/`message`, else the text. */
export function upstreamErrorText(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const error = json.error;
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string')
      return quote((error as { message: string }).message);
    if (typeof error === 'string') return quote(error);
    if (typeof json.message === 'string') return quote(json.message);
  } catch {
    // not JSON: quote the text
  }
  return quote(body) || '(empty body)';
}

/** 503 naming the backend and URL: the local server cannot do its work without it. */
export function backendUnavailable(what: string, url: string, detail: string): EngineError {
  return new EngineError('unavailable', `${what} at ${url} failed: ${detail}`);
}

/** Why `fetch` itself failed (connection refused, DNS, timeout), in words. */
export function fetchFailureText(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
    if (code === 'ECONNREFUSED') return 'connection refused (is the model server running?)';
    if (typeof code === 'string') return `${code}${cause instanceof Error ? ` (${cause.message})` : ''}`;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
