/**
 * Finds the collection (and index) a vector request addresses. `collection_name` and `resource_id` are "choose one";
 * `""` counts as absent (Go sends empty strings). A `resource_id` matches a collection's configured `resourceId`, or
 * its name (so the resource id of a local collection is, by default, its name). A non-empty `project_name` must
 * equal the collection's project.
 */
import type { BodyReader } from '../BodyReader';
import { EngineError, missing } from '../EngineError';
import type { EngineContext } from '../EngineContext';
import type { VectorCollection } from './VectorCollection';
import type { VectorIndex } from './VectorIndex';
import { quote } from '../quote';

/** The collection of a request. @throws EngineError MissingParameter / NotFound.VikingdbCollection. */
export function resolveCollection(context: EngineContext, body: BodyReader): VectorCollection {
  const name = body.locator('collection_name');
  const resourceId = body.locator('resource_id');
  const project = body.locator('project_name');
  let found: VectorCollection | undefined;
  if (name !== undefined) found = context.collections.get(name);
  else if (resourceId !== undefined) {
    found = [...context.collections.values()].find((c) => c.schema.resourceId === resourceId);
    found ??= context.collections.get(resourceId);
  } else throw missing('collection_name', 'or resource_id is required');
  if (found && project !== undefined && found.schema.projectName !== project) found = undefined;
  if (!found) {
    const label = name !== undefined ? `collection ${quote(name)}` : `collection with resource_id ${quote(resourceId)}`;
    throw new EngineError(
      'collectionNotFound',
      `The specified ${label}${project !== undefined ? ` in project '${project}'` : ''} of VikingDB does not exist.`,
    );
  }
  return found;
}

/** The collection and index of a request, with the index synced to now. */
export function resolveIndex(
  context: EngineContext,
  body: BodyReader,
): { collection: VectorCollection; index: VectorIndex } {
  const collection = resolveCollection(context, body);
  const indexName = body.locator('index_name');
  if (indexName === undefined) throw missing('index_name');
  const index = collection.indexes.get(indexName);
  if (!index) {
    const known = [...collection.indexes.keys()].join(', ') || 'none';
    throw new EngineError(
      'indexNotFound',
      `The specified index '${indexName}' of collection '${collection.schema.name}' does not exist (indexes: ${known}).`,
    );
  }
  index.sync();
  return { collection, index };
}
