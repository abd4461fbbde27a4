import { aksk, apiKey, createVikingClient, headerAuth, type VikingClient } from 'vikingdb-kit/client';

/** The local server's default address, used when no VikingDB host is configured. */
export const LOCAL_SERVER_URL = 'http://127.0.0.1:8329';

/** What an example needs: a client and where its data lives. */
export interface ExampleEnv {
  client: VikingClient;
  collection: string;
  index: string;
  project: string | undefined;
  resourceId: string | undefined;
  /** True when talking to the local server (its writes are visible at once). */
  local: boolean;
}

/**
 * Builds the client from the same variables the official SDK walkthroughs read:
 * VIKINGDB_HOST (a host name, with VIKINGDB_SCHEME, default https; or a URL such as http://127.0.0.1:8329), VIKINGDB_REGION, and VIKINGDB_API_KEY or VIKINGDB_AK/VIKINGDB_SK.
 * Without VIKINGDB_HOST the examples talk to the local server (`npx vikingdb-kit serve`), unauthenticated.
 */
export function loadEnv(defaults: { collection: string; index: string }, env = process.env): ExampleEnv {
  const host = env['VIKINGDB_HOST'];
  const region = env['VIKINGDB_REGION'];
  const auth = env['VIKINGDB_API_KEY']
    ? apiKey(env['VIKINGDB_API_KEY'])
    : env['VIKINGDB_AK'] && env['VIKINGDB_SK']
      ? aksk({ accessKeyId: env['VIKINGDB_AK'], secretAccessKey: env['VIKINGDB_SK'] })
      : headerAuth({});
  const target = host ? hostAndScheme(host, env['VIKINGDB_SCHEME']) : undefined;
  const client = target
    ? createVikingClient({ host: target.host, scheme: target.scheme, region, auth })
    : createVikingClient({ baseUrl: env['VIKINGDB_LOCAL_URL'] ?? LOCAL_SERVER_URL, auth });
  return {
    client,
    collection: env['VIKINGDB_COLLECTION'] ?? defaults.collection,
    index: env['VIKINGDB_INDEX'] ?? defaults.index,
    project: env['VIKINGDB_PROJECT'] || undefined,
    resourceId: env['VIKINGDB_RESOURCE_ID'] || undefined,
    local: !host,
  };
}

/**
 * VIKINGDB_HOST as a host name (`api-vikingdb.vikingdb.cn-beijing.volces.com`, scheme from VIKINGDB_SCHEME, default
 * https) or as a URL (`http://127.0.0.1:8329`, scheme from the URL).
 * @throws Error naming VIKINGDB_SCHEME when it contradicts the URL's scheme, or when either is not http/https.
 */
export function hostAndScheme(
  host: string,
  schemeVariable: string | undefined,
): { host: string; scheme: 'http' | 'https' } {
  const checked = (scheme: string, from: string): 'http' | 'https' => {
    if (scheme === 'http' || scheme === 'https') return scheme;
    throw new Error(`${from}: the scheme must be http or https (got '${scheme}')`);
  };
  const url = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host);
  if (!url) {
    return { host, scheme: schemeVariable ? checked(schemeVariable.toLowerCase(), 'VIKINGDB_SCHEME') : 'https' };
  }
  const scheme = checked(url[1]!.toLowerCase(), 'VIKINGDB_HOST');
  if (schemeVariable && schemeVariable.toLowerCase() !== scheme) {
    throw new Error(
      `VIKINGDB_HOST is ${host} (${scheme}) but VIKINGDB_SCHEME is ${schemeVariable}: give the host without a scheme and set VIKINGDB_SCHEME, or drop VIKINGDB_SCHEME`,
    );
  }
  return { host: host.slice(url[0].length).replace(/\/+$/, ''), scheme };
}

/** The collection locator an example uses: resource id when given, else name (+ project). */
export function collectionOf(env: ExampleEnv) {
  return env.resourceId
    ? { resource_id: env.resourceId, project_name: env.project }
    : { collection_name: env.collection, project_name: env.project };
}

/** Waits for writes to reach the index: immediately on the local server, a few seconds on the cloud. */
export function waitForIndex(env: ExampleEnv, cloudMs = 3000): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, env.local ? 0 : cloudMs));
}

/** A tag unique to this run, so concurrent runs do not see each other's rows. */
export function sessionTag(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
}

/** Prints a labelled line with the request id, as the official walkthroughs do. */
export function report(label: string, result: { requestId: string | undefined }, detail?: unknown): void {
  console.log(
    `${label} request_id=${result.requestId ?? '-'}${detail === undefined ? '' : ` ${JSON.stringify(detail)}`}`,
  );
}
