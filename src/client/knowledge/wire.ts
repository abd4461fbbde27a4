import { isRecord } from '../shared/read';
import { snakeKeys, toSnakeCase } from '../shared/snakeKeys';

/**
 * How a parameter's value goes on the wire: `keys` converts the top-level keys of an object (`preProcessing`,
 * `dedup`), `items` those of each object in a list (`tagList`, `fields`); any other value is sent untouched
 * (filters, messages, `thinking`).
 */
type Nested = 'keys' | 'items';

const NESTED: Readonly<Record<string, Nested>> = {
  tagList: 'items',
  meta: 'items',
  fields: 'items',
  larkFile: 'keys',
  dedup: 'keys',
  preProcessing: 'keys',
  postProcessing: 'keys',
  queryParam: 'keys',
};

const snakeItems = (value: unknown) =>
  Array.isArray(value) ? value.map((item: unknown) => (isRecord(item) ? snakeKeys(item) : item)) : value;

/**
 * The wire body of a knowledge call: the locator keys first, then every parameter the caller set (undefined ones left
 * out) under its snake_case name, in the caller's order. Nested objects named in {@link NESTED} have their keys
 * converted too, one level deep; everything else — filter DSL, messages — goes as given.
 */
export function toWire(
  locator: object,
  params: object | undefined,
  nested: Readonly<Record<string, Nested>> = NESTED,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...locator };
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    const how = nested[key];
    body[toSnakeCase(key)] =
      how === 'keys' && isRecord(value) ? snakeKeys(value) : how === 'items' ? snakeItems(value) : value;
  }
  return body;
}
