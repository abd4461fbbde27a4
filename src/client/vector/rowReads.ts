import type { VikingCore } from '../createVikingCore';
import { chunk } from '../shared/chunk';
import { asArray } from '../shared/read';
import { runPool } from '../shared/runPool';
import { snakeKeys } from '../shared/snakeKeys';
import { splitOptions } from '../shared/splitOptions';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { FETCH_IN_COLLECTION } from './endpoints';
import { locatorFields } from './locator';
import { toFetchResult } from './results';
import { idsSchema } from './schemas';
import type {
  AnyFields,
  CollectionFetchOptions,
  CollectionLocator,
  FetchedRow,
  FetchResult,
  PrimaryKey,
} from './types';

/*
 * The reads of a collection (api doc §3.5) as standalone functions; `client.vector.collection(…)` calls these.
 */

/** Options of `fetchMany` / {@link fetchManyInCollection}. */
export interface FetchManyOptions extends CollectionFetchOptions, RequestOptions {
  /** Ids per request. Default: 100. */
  batchSize?: number | undefined;
  /** Requests in flight at once. Default: 4. */
  concurrency?: number | undefined;
}

/** `POST /api/vikingdb/data/fetch_in_collection`: rows by id (options default `{}`). */
export async function fetchInCollection<TFields = AnyFields>(
  core: VikingCore,
  collection: CollectionLocator,
  ids: readonly PrimaryKey[],
  options: CollectionFetchOptions & RequestOptions = {},
): Promise<FetchResult<FetchedRow<TFields>>> {
  const where = locatorFields(collection, 'vector.fetch');
  const { wire, request } = splitOptions(options);
  assertValid('vector.fetch', schemaIssues(idsSchema, ids, ['ids']));
  const body = { ...where, ids, ...snakeKeys(wire) };
  return toFetchResult<TFields, keyof TFields>(await core.transport.call(FETCH_IN_COLLECTION, body, request));
}

/** Any number of rows by id, fetched in batches (`fetch_in_collection`) and merged in order (options default `{}`). */
export async function fetchManyInCollection<TFields = AnyFields>(
  core: VikingCore,
  collection: CollectionLocator,
  ids: readonly PrimaryKey[],
  options: FetchManyOptions = {},
): Promise<FetchResult<FetchedRow<TFields>>> {
  const { batchSize = 100, concurrency = 4, ...rest } = options;
  locatorFields(collection, 'vector.fetchMany');
  assertValid('vector.fetchMany', schemaIssues(idsSchema, ids, ['ids']));
  const parts = chunk(ids, batchSize);
  const results: Array<FetchResult<FetchedRow<TFields>>> = new Array(parts.length);
  let failure: unknown;
  await runPool(
    parts.length,
    concurrency,
    async (i) => {
      try {
        results[i] = await fetchInCollection<TFields>(core, collection, parts[i]!, rest);
      } catch (error) {
        failure ??= error;
      }
    },
    () => failure !== undefined,
  );
  if (failure !== undefined) throw failure;
  const rawOf = (key: string) => results.flatMap((r) => asArray(r.raw[key]));
  return {
    items: results.flatMap((r) => r.items),
    idsNotExist: results.flatMap((r) => r.idsNotExist),
    requestId: results[results.length - 1]?.requestId,
    latencyMs: results.reduce((max, r) => Math.max(max, r.latencyMs), 0),
    // The batches' payloads as one: every row and every missing id as sent, in order.
    raw: { fetch: rawOf('fetch'), ids_not_exist: rawOf('ids_not_exist') },
  };
}
