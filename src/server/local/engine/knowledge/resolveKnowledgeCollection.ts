/**
 * Finds the knowledge collection a request addresses (knowledge api doc §1.4): `resource_id` alone (a configured
 * `resourceId`, or the collection name), else `collection_name` — or `name`, which the two search calls send too —
 * with `project` (default `"default"`). `""` counts as absent. Unknown → 404 with code 1000005.
 */
import { quote } from './quote';
import type { BodyReader } from '../BodyReader';
import { EngineError, missing } from '../EngineError';
import type { EngineContext } from '../EngineContext';
import type { KnowledgeCollection } from './KnowledgeCollection';

export function resolveKnowledgeCollection(context: EngineContext, body: BodyReader): KnowledgeCollection {
  const name = body.locator('collection_name') ?? body.locator('name');
  const project = body.locator('project') ?? 'default';
  const resourceId = body.locator('resource_id');
  const all = [...context.knowledgeCollections.values()];
  let found: KnowledgeCollection | undefined;
  if (resourceId !== undefined)
    found =
      all.find((c) => c.config.resourceId === resourceId) ??
      all.find((c) => c.config.name === resourceId && (name === undefined || name === resourceId));
  else if (name !== undefined) found = context.knowledgeCollections.get(`${project}/${name}`);
  else throw missing('collection_name', 'or resource_id is required');
  if (!found) {
    throw new EngineError(
      'collectionNotFound',
      resourceId !== undefined
        ? `collection not exist: resource_id ${quote(resourceId)}`
        : `collection not exist: ${quote(name ?? '')} in project ${quote(project)}`,
    );
  }
  return found;
}
