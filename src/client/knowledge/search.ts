import type { VikingCore } from '../createVikingCore';
import { asArray, asRecord, asString } from '../shared/read';
import { metaOf } from '../shared/withMeta';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues } from '../transport/validate';
import { KNOWLEDGE_RERANK, KNOWLEDGE_SEARCH_COLLECTION, KNOWLEDGE_SEARCH_KNOWLEDGE } from '../endpoints';
import { knowledgeWhere } from './locator';
import { asInt, dataOf, toPointInfo, withData } from './results';
import { rerankSchema, searchSchema } from './schemas';
import type {
  CollectionSearchParams,
  CollectionSearchResult,
  KnowledgeLocator,
  KnowledgeRerankParams,
  KnowledgeRerankResult,
  SearchKnowledgeParams,
  SearchKnowledgeResult,
} from './types';
import { toWire } from './wire';

/*
 * Retrieval and rerank (contract §3.3, §3.4) as standalone functions; `client.knowledge` calls these. The two searches
 * also send `name` (the collection name, as the service's docs call it) when the collection is addressed by name.
 */

function searchBody(collection: KnowledgeLocator, params: object) {
  const where = knowledgeWhere(collection);
  const body = toWire(where, params);
  if (where.collection_name !== undefined) body['name'] = where.collection_name;
  return body;
}

/** `POST /api/knowledge/collection/search`: hybrid retrieval of points, optionally reranked. */
export async function searchKnowledgeCollection(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: CollectionSearchParams,
  options?: RequestOptions,
): Promise<CollectionSearchResult> {
  assertValid(KNOWLEDGE_SEARCH_COLLECTION.name, schemaIssues(searchSchema, params));
  const response = await core.transport.call(KNOWLEDGE_SEARCH_COLLECTION, searchBody(collection, params), options);
  const { data, ...meta } = withData(response);
  return { ...meta, items: asArray(data['result_list']).map(toPointInfo), raw: data };
}

/**
 * `POST /api/knowledge/collection/search_knowledge`: retrieval with pre-processing (query rewrite, instructions,
 * multi-turn history) and post-processing (rerank, chunk grouping and diffusion).
 */
export async function searchKnowledge(
  core: VikingCore,
  collection: KnowledgeLocator,
  params: SearchKnowledgeParams,
  options?: RequestOptions,
): Promise<SearchKnowledgeResult> {
  assertValid(KNOWLEDGE_SEARCH_KNOWLEDGE.name, schemaIssues(searchSchema, params));
  const response = await core.transport.call(KNOWLEDGE_SEARCH_KNOWLEDGE, searchBody(collection, params), options);
  const { data, ...meta } = withData(response);
  return {
    ...meta,
    items: asArray(data['result_list']).map(toPointInfo),
    count: asInt(data['count']),
    rewriteQuery: asString(data['rewrite_query']),
    tokenUsage: asRecord(data['token_usage']),
    raw: data,
  };
}

/** `POST /api/knowledge/service/rerank`: scores up to 50 `{ query, content, title }` items. */
export async function rerankKnowledge(
  core: VikingCore,
  params: KnowledgeRerankParams,
  options?: RequestOptions,
): Promise<KnowledgeRerankResult> {
  assertValid(KNOWLEDGE_RERANK.name, schemaIssues(rerankSchema, params));
  const response = await core.transport.call(KNOWLEDGE_RERANK, toWire({}, params), options);
  const data = dataOf(response);
  return {
    ...metaOf(response),
    scores: asArray(data['scores']).map(Number),
    tokenUsage: asInt(data['token_usage']),
    raw: data,
  };
}
