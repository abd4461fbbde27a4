import type { VikingCore } from '../createVikingCore';
import { asRecord } from '../shared/read';
import { metaOf } from '../shared/withMeta';
import type { Endpoint } from '../transport/Endpoint';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import { knowledgeWhere } from './locator';
import type { KnowledgeLocator, KnowledgeWriteResult } from './types';
import { toWire } from './wire';

/** Checks `checked` against `schema`, then sends the knowledge base's locator followed by `params` (snake_case). */
export function sendToKnowledge(
  core: VikingCore,
  collection: KnowledgeLocator,
  endpoint: Endpoint,
  schema: SchemaSource,
  checked: unknown,
  params: object | undefined,
  options: RequestOptions | undefined,
) {
  const where = knowledgeWhere(collection);
  assertValid(endpoint.name, schemaIssues(schema, checked));
  return core.transport.call(endpoint, toWire(where, params), options);
}

/** {@link sendToKnowledge} for a write: the answer's meta and its `result` (or `data`) as sent. */
export async function writeToKnowledge(...args: Parameters<typeof sendToKnowledge>): Promise<KnowledgeWriteResult> {
  const response = await sendToKnowledge(...args);
  const body = asRecord(response.body);
  return { ...metaOf(response), data: body['result'] ?? body['data'] };
}
