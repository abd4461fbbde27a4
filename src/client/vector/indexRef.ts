import { ValidationError } from '../errors/ValidationError';
import { locatorFields, type LocatorFields } from './locator';
import type { AnyFields, CollectionLocator } from './types';

/**
 * An index of a collection, with its row type attached so searches infer both the row type and the narrowed output
 * fields. A plain `{ collection, index }` object is one too (its rows are then `AnyFields`).
 */
export interface IndexRef<TFields = AnyFields> {
  readonly collection: CollectionLocator;
  readonly index: string;
  /** Type-only: carries `TFields`; never set at run time. */
  readonly __fields?: TFields | undefined;
}

/** Names an index and its row type: `const docs = indexRef<Doc>('docs', 'docs_index')`. */
export function indexRef<TFields = AnyFields>(collection: CollectionLocator, index: string): IndexRef<TFields> {
  return { collection, index };
}

/** The wire fields that address an index: the collection's and `index_name`. */
export type IndexFields = Readonly<LocatorFields & { index_name: string }>;

/** Normalises an index reference to its wire fields; throws ValidationError when it names nothing. */
export function indexFields(ref: Pick<IndexRef<unknown>, 'collection' | 'index'>, operation: string): IndexFields {
  if (typeof ref.index !== 'string' || ref.index === '') {
    throw new ValidationError(operation, [{ path: 'indexName', message: 'expected a non-empty index name' }]);
  }
  return { ...locatorFields(ref.collection, operation), index_name: ref.index };
}
