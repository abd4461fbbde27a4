import type { Domain } from '../transport/envelope';

/** True when this code runs in a web page (or a DOM-like test environment). */
export function isBrowserPage(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/** One sentence telling the caller what to do about an HTTP failure. */
export function hintForStatus(status: number, domain: Domain, code: string | number | undefined): string | undefined {
  if (status === 401 || code === 1000001) {
    return (
      `Check the credentials: the API key, or the AK/SK with region and service name "${domain === 'vector' ? 'vikingdb' : 'air'}", ` +
      'and the clock (V4 signatures fail when it is off by minutes).'
    );
  }
  if (status === 403) return 'Not allowed: check the IAM policy, project_name and the proxy’s allow list.';
  if (status === 404) return 'Check collection_name, index_name, project_name (or resource_id) and the region.';
  if (status === 413) return 'Body too large: send at most 100 rows per request.';
  if (status === 429 || code === 1000029) return 'Rate limited after retries: slow down, or raise the quota.';
  if (status >= 500) return 'The service failed after retries: try later; quote the request id to support.';
  if (status === 400) return 'The service rejected the body; the message names the field.';
  return undefined;
}

/** What to do when no response arrived at all. */
export function hintForNetworkFailure(): string {
  return isBrowserPage()
    ? 'No response. In a browser this is usually CORS (VikingDB allows no browser origins): use auth: signingProxy(url).'
    : 'No response: check the base URL, DNS, proxy settings and that the server is running.';
}

/** What to do after a timeout. */
export function hintForTimeout(timeoutMs: number): string {
  return `No answer within ${timeoutMs} ms: raise timeoutMs (per attempt), or ask for less.`;
}
