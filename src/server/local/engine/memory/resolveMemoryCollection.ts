/**
 * Finds the memory collection a request addresses: `collection_name` + `project_name` (default `"default"`; the
 * Python SDK always sends it), or `resource_id` (a configured `resourceId`, or the collection name). `""` = absent.
 * Unknown → 404 with code 1000005 (CollectionNotExist).
 */
import type { BodyReader } from '../BodyReader';
import { EngineError, missing } from '../EngineError';
import type { EngineContext } from '../EngineContext';
import type { MemoryCollection } from './MemoryCollection';
import { quote } from '../quote';

export function resolveMemoryCollection(context: EngineContext, body: BodyReader): MemoryCollection {
  const name = body.locator('collection_name');
  const project = body.locator('project_name') ?? 'default';
  const resourceId = body.locator('resource_id');
  let found: MemoryCollection | undefined;
  if (name !== undefined) found = context.memoryCollections.get(`${project}/${name}`);
  else if (resourceId !== undefined) {
    const all = [...context.memoryCollections.values()];
    found = all.find((c) => c.config.resourceId === resourceId) ?? all.find((c) => c.config.name === resourceId);
  } else throw missing('collection_name', 'or resource_id is required');
  if (!found) {
    throw new EngineError(
      'collectionNotFound',
      name !== undefined
        ? `collection not exist: ${quote(name)} in project ${quote(project)}`
        : `collection not exist: resource_id '${resourceId}'`,
    );
  }
  return found;
}
