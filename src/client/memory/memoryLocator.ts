import { ValidationError } from '../errors/ValidationError';
import type { MemoryLocator } from './types';

/** Wire fields that address a memory collection. */
export interface MemoryLocatorFields {
  collection_name?: string;
  resource_id?: string;
  project_name: string;
}

/**
 * Normalises a memory collection locator to its wire fields: `collection_name` and `resource_id` when given (both
 * together too, as the SDKs allow), and `project_name` always (default `'default'`, as the Python SDK sends it).
 * Throws ValidationError when it names no collection.
 */
export function memoryLocatorFields(locator: MemoryLocator, operation = 'memory.collection'): MemoryLocatorFields {
  const given:
    | { collection_name?: string | undefined; resource_id?: string | undefined; project_name?: string | undefined }
    | undefined = typeof locator === 'string' ? { collection_name: locator } : locator;
  if (given && typeof given === 'object') {
    // In the Python SDK's order: collection_name, project_name, resource_id.
    const out = {} as MemoryLocatorFields;
    if (given.collection_name) out.collection_name = given.collection_name;
    out.project_name = given.project_name || 'default';
    if (given.resource_id) out.resource_id = given.resource_id;
    if (out.collection_name || out.resource_id) return out;
  }
  throw new ValidationError(operation, [
    { path: 'collection', message: 'give a collection name, or { collection_name, project_name } or { resource_id }' },
  ]);
}
