import { wireKeys } from '../shared/snakeKeys';

/*
 * camelCase search parameters → the snake_case wire names of the api doc (`outputFields` → `output_fields`,
 * `bm25K1` → `bm25_k1`). Undefined values are left out, so optional parameters the caller did not give never reach
 * the wire.
 */

/** Search parameters whose values are objects of the api's own option names, converted key by key too. */
const NESTED_OPTIONS = ['advance', 'tensorRerank', 'rerank', 'instruction'] as const;

/**
 * A search's parameters on the wire, every key the caller passed included (one the typed parameters do not model yet
 * reaches the service too): top-level names and those of {@link NESTED_OPTIONS} in snake_case (a name already in
 * snake_case stays as it is); the filter, vectors and field names as given.
 */
export function searchWire(params: object): Record<string, unknown> {
  return wireKeys(params, NESTED_OPTIONS);
}
