import type { Domain } from '../transport/envelope';

/** True when this code runs in a web page (or a DOM-like test environment). */
export function isBrowserPage(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

const SERVICE_NAME: Record<Domain, string> = { vector: 'vikingdb', memory: 'air' };

/** One sentence telling the caller what to do about an HTTP failure. */
export function hintForStatus(status: number, domain: Domain, code: string | number | undefined): string | undefined {
  if (status === 401 || code === 1000001) {
    return (
      `Check the credentials: the API key, or the AK/SK with region and service name "${SERVICE_NAME[domain]}", ` +
      'and that this machine’s clock is right (V4 signatures are refused when the clock is off by minutes).'
    );
  }
  if (status === 403) {
    return 'The credentials were accepted but may not use this resource: check the IAM policy, project_name and the proxy’s allow list.';
  }
  if (status === 404) {
    return 'Check collection_name, index_name, project_name (or resource_id) and that the host is in the right region.';
  }
  if (status === 413) return 'The request body is too large: send fewer rows per request (upsert takes at most 100).';
  if (status === 429 || code === 1000029) {
    return 'Rate limited: the retries are spent. Slow down, lower concurrency, or raise the quota.';
  }
  if (status >= 500) {
    return 'The service failed; it was retried. Try again later and quote the request id if you contact support.';
  }
  if (status === 400) return 'The service rejected the request body; the message names the field.';
  return undefined;
}

/** What to do when no response arrived at all. */
export function hintForNetworkFailure(): string {
  if (isBrowserPage()) {
    return (
      'No response reached the page. In a browser this is usually CORS: VikingDB does not allow browser origins, so ' +
      'send requests through the signing proxy (auth: signingProxy(url)); otherwise check the URL and your connection.'
    );
  }
  return 'No response arrived: check the base URL, DNS, proxy settings and that the server is running.';
}

/** What to do after a timeout. */
export function hintForTimeout(timeoutMs: number): string {
  return `No answer within ${timeoutMs} ms: raise timeoutMs (per attempt), ask for fewer rows, or check the network.`;
}
