/**
 * Which `Host` headers a server answers: the defence against DNS rebinding. A page on `evil.example` can make its
 * name resolve to 127.0.0.1; the browser then treats the local server (or the signing proxy) as `evil.example`'s own
 * origin and lets the page read every answer. What gives the attack away is the `Host` header, which still says
 * `evil.example`. So both servers answer only hosts they know: loopback names and addresses by default, plus
 * `allowedHosts` — the same rule, and the same option name, as Vite's `server.allowedHosts`.
 */

/**
 * Host names a server answers besides loopback (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`), with any port.
 * An entry is a host name or address (`dev.example.com`, `192.168.1.20`, `[fe80::1]`); a leading dot allows the
 * domain and every subdomain (`.example.com`). `true` (or `'*'` in a list, as the CLI takes it) answers any host:
 * only for a server that a trusted reverse proxy fronts, or one that no browser can reach.
 */
export type AllowedHostsOption = true | readonly string[];

/** How the allowlist is named in messages and options: `allowedHosts` (CLI `--allowed-host`). */
export const ALLOWED_HOSTS_OPTION = 'allowedHosts (CLI --allowed-host)';

/** The host name of a `Host` header value (`name[:port]`, `[v6][:port]`), lower-cased, without a trailing dot. */
export function hostnameOf(host: string): string | undefined {
  const value = host.trim().toLowerCase();
  if (value === '') return undefined;
  let name: string;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return undefined;
    const rest = value.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return undefined;
    name = value.slice(1, end);
  } else {
    const colon = value.indexOf(':');
    if (colon >= 0 && !/^\d{1,5}$/.test(value.slice(colon + 1))) return undefined;
    name = colon >= 0 ? value.slice(0, colon) : value;
  }
  name = name.replace(/\.$/, '');
  return name === '' ? undefined : name;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

function normalizeEntry(entry: string): string {
  const value = entry.trim().toLowerCase();
  const unbracketed = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (unbracketed === '' || unbracketed === '.' || /[/\s@?#]/.test(unbracketed)) {
    throw new TypeError(
      `allowedHosts entry "${entry}" is not a host name: give names such as "dev.example.com" or ".example.com" (no scheme, path or port)`,
    );
  }
  if (!unbracketed.includes(':') || unbracketed.split(':').length > 2) return unbracketed.replace(/\.$/, '');
  throw new TypeError(`allowedHosts entry "${entry}" has a port: list the host name alone; every port is allowed`);
}

/**
 * Compiles the option into a check of a `Host` header value. Throws a `TypeError` for a malformed entry, so a
 * typo fails at startup.
 */
export function createHostCheck(allowed: AllowedHostsOption | undefined): (host: string | null | undefined) => boolean {
  if (allowed === true || (Array.isArray(allowed) && allowed.includes('*'))) return () => true;
  if (allowed !== undefined && !Array.isArray(allowed)) {
    throw new TypeError('allowedHosts must be true or a list of host names');
  }
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of allowed ?? []) {
    const name = normalizeEntry(entry);
    if (name.startsWith('.')) {
      suffixes.push(name);
      exact.add(name.slice(1));
    } else exact.add(name);
  }
  return (host) => {
    if (host === null || host === undefined) return false;
    const hostname = hostnameOf(host);
    if (hostname === undefined) return false;
    return isLoopback(hostname) || exact.has(hostname) || suffixes.some((suffix) => hostname.endsWith(suffix));
  };
}

/** The host a request was sent to: its `Host` header, else the host of its URL. */
export function requestHost(request: Request): string {
  return request.headers.get('host') ?? new URL(request.url).host;
}
