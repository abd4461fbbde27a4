import { ValidationError } from '../errors/ValidationError';
import type { CollectionLocator } from './types';

/** Wire fields that address a collection. */
export interface LocatorFields {
  collection_name?: string;
  resource_id?: string;
  project_name?: string;
}

/** Normalises a collection locator to its wire fields; throws ValidationError when it names nothing. */
export function locatorFields(locator: CollectionLocator, operation: string): LocatorFields {
  if (typeof locator === 'string') {
    if (locator !== '') return { collection_name: locator };
  } else if (locator && typeof locator === 'object') {
    const out: LocatorFields = {};
    if (locator.collection_name) out.collection_name = locator.collection_name;
    if (locator.resource_id) out.resource_id = locator.resource_id;
    if (locator.project_name) out.project_name = locator.project_name;
    if (out.collection_name || out.resource_id) return out;
  }
  throw new ValidationError(operation, [
    { path: 'collection', message: 'give a collection name, or { collection_name } or { resource_id }' },
  ]);
}

/** A short label of a locator for keys and messages. */
export function locatorLabel(fields: LocatorFields): string {
  return fields.collection_name ?? `resource:${fields.resource_id ?? ''}`;
}
