import { ValidationError } from '../errors/ValidationError';
import type { KnowledgeLocator } from './types';

/** The wire keys that address a knowledge base, in the SDK's order; `project_name` goes as `project`. */
export interface KnowledgeWhere {
  collection_name?: string;
  project?: string;
  resource_id?: string;
}

/**
 * The wire locator of a knowledge base (contract §1.4): `collection_name`, `project`, `resource_id`, each only when
 * given (the service defaults the project). Throws ValidationError without a name or a resource id.
 */
export function knowledgeWhere(locator: KnowledgeLocator): KnowledgeWhere {
  const fields = typeof locator === 'string' ? { collection_name: locator } : locator;
  const where: KnowledgeWhere = {};
  if (fields && typeof fields === 'object') {
    if (fields.collection_name) where.collection_name = fields.collection_name;
    if (fields.project_name) where.project = fields.project_name;
    if (fields.resource_id) where.resource_id = fields.resource_id;
  }
  if (!where.collection_name && !where.resource_id) {
    throw new ValidationError('knowledge.collection', [
      { path: 'collection', message: 'give a name, or { collection_name, project_name? } or { resource_id }' },
    ]);
  }
  return where;
}
