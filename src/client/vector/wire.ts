import { snakeKeys, toSnakeCase } from '../shared/snakeKeys';

/*
 * camelCase search parameters → the snake_case wire names of the api doc (`outputFields` → `output_fields`,
 * `bm25K1` → `bm25_k1`). Undefined values are left out, so optional parameters the caller did not give never reach
 * the wire.
 */

/** Search parameters whose values are objects of the api's own option names, converted key by key too. */
const NESTED_OPTIONS = ['advance', 'tensorRerank', 'rerank', 'instruction'] as const;

/**
 * A search's parameters on the wire, from what its schema accepted (so only known parameters are sent): top-level
 * names and those of {@link NESTED_OPTIONS} in snake_case; the filter, vectors and field names as given.
 */
export function searchWire(accepted: object, filter: unknown): Record<string, unknown> {
  const wire: Record<string, unknown> = { filter, ...snakeKeys(accepted) };
  for (const key of NESTED_OPTIONS) {
    wire[toSnakeCase(key)] = snakeKeys((accepted as Record<string, object | undefined>)[key]);
  }
  return wire;
}
