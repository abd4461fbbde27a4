/**
 * Retrieval endpoints (knowledge api doc §3.3): `collection/search` (SearchCollection: `query`, `limit` d10,
 * `dense_weight` d0.5, `rerank_switch` d false, `retrieve_count`, `query_param.doc_filter`) and
 * `collection/search_knowledge` (`pre_processing` {`messages`, `rewrite`, `return_token_usage`, `need_instruction`},
 * `post_processing` {`rerank_switch` d false, `retrieve_count` d25, `rerank_threshold`, `chunk_diffusion_count`,
 * `chunk_group`, …}). Rerank model names and `endpoint_id` are accepted and ignored (the local reranker scores);
 * `image_query` is accepted and ignored (text retrieval only). `rewrite_query` is the query as sent unless
 * `pre_processing.rewrite` is on and the chat model is an LLM; conversation `messages` widen the retrieval query
 * with the earlier user turns.
 */
import type { BodyReader } from '../../BodyReader';
import { invalid } from '../../EngineError';
import type { EngineContext, Handler } from '../../EngineContext';
import type { ChatModelMessage } from '../../../llm/ChatModel';
import type { KnowledgeCollection } from '../KnowledgeCollection';
import { conversationalQuery, readMessages } from '../readMessages';
import { resolveKnowledgeCollection } from '../resolveKnowledgeCollection';
import { retrieve, type Retrieval } from '../retrieve';
import { retrievedInfo } from '../wireShapes';

/** Longest query accepted (characters). */
const MAX_QUERY = 10_000;

function readQuery(body: BodyReader): string {
  const query = body.string('query');
  if (query.trim() === '') throw invalid('query must not be empty');
  if (query.length > MAX_QUERY) throw invalid(`query is longer than ${MAX_QUERY} characters`);
  return query;
}

function readDocFilter(body: BodyReader): { raw: unknown; path: string } | undefined {
  const param = body.optionalObject('query_param');
  const raw = param?.raw('doc_filter');
  return raw === undefined ? undefined : { raw, path: 'query_param.doc_filter' };
}

/** Asks an LLM chat model for a standalone query; the identity for the extractive model. */
export async function rewriteQuery(
  context: EngineContext,
  query: string,
  history: readonly ChatModelMessage[],
  signal: AbortSignal,
): Promise<{ query: string; tokens: number }> {
  if (context.chatModel.kind !== 'llm') return { query, tokens: 0 };
  let text = '';
  let tokens = 0;
  for await (const event of context.chatModel.stream({
    messages: [
      {
        role: 'system',
        content:
          'Rewrite the last user question as one standalone search query, resolving references to earlier turns. ' +
          'Answer with the query only.',
      },
      ...history.filter((message) => message.role !== 'system'),
      ...(history.at(-1)?.content === query ? [] : [{ role: 'user', content: query }]),
    ],
    maxTokens: 200,
    temperature: 0,
    signal,
  })) {
    if (event.type === 'content') text += event.text;
    if (event.type === 'usage') tokens = event.usage.totalTokens;
  }
  const rewritten = text.trim();
  return { query: rewritten === '' ? query : rewritten, tokens };
}

/** `token_usage` of a retrieval. */
export function tokenUsage(retrieval: Retrieval, rewriteTokens: number): Record<string, unknown> {
  return {
    embedding_token_usage: {
      prompt_tokens: retrieval.embeddingTokens,
      completion_tokens: 0,
      total_tokens: retrieval.embeddingTokens,
    },
    rerank_token_usage: retrieval.rerankTokens,
    ...(rewriteTokens > 0 && { rewrite_token_usage: rewriteTokens }),
  };
}

function results(collection: KnowledgeCollection, retrieval: Retrieval): Record<string, unknown>[] {
  return retrieval.items.map((item) => retrievedInfo(collection, item));
}

/** `POST /api/knowledge/collection/search`. */
export const searchCollection: Handler = async (context, body) => {
  const collection = resolveKnowledgeCollection(context, body);
  const query = readQuery(body);
  const limit = body.optionalInteger('limit', { min: 1, max: 200 }) ?? 10;
  const retrieval = await retrieve(context, collection, {
    query,
    limit,
    denseWeight: body.optionalNumber('dense_weight', { min: 0, max: 1 }) ?? 0.5,
    rerankSwitch: body.optionalBoolean('rerank_switch') ?? false,
    retrieveCount: body.optionalInteger('retrieve_count', { min: 1, max: 1000 }) ?? limit,
    rerankThreshold: 0,
    chunkDiffusionCount: 0,
    chunkGroup: false,
    docFilter: readDocFilter(body),
  });
  body.optionalString('rerank_model');
  body.optionalBoolean('rerank_only_chunk');
  body.optionalString('endpoint_id');
  body.optionalBoolean('get_attachment_link');
  return {
    collection_name: collection.config.name,
    count: retrieval.items.length,
    result_list: results(collection, retrieval),
  };
};

/** `POST /api/knowledge/collection/search_knowledge`. */
export const searchKnowledge: Handler = async (context, body, signal) => {
  const collection = resolveKnowledgeCollection(context, body);
  const query = readQuery(body);
  body.optionalString('image_query');
  const limit = body.optionalInteger('limit', { min: 1, max: 200 }) ?? 10;
  const denseWeight = body.optionalNumber('dense_weight', { min: 0, max: 1 }) ?? 0.5;
  const pre = body.optionalObject('pre_processing');
  const post = body.optionalObject('post_processing');
  const rawMessages = pre?.optionalArray('messages');
  const history = rawMessages ? readMessages(rawMessages, 'pre_processing.messages') : [];
  const wantRewrite = pre?.optionalBoolean('rewrite') ?? false;
  const returnTokens = pre?.optionalBoolean('return_token_usage') ?? false;
  pre?.optionalBoolean('need_instruction');
  post?.optionalString('rerank_model');
  post?.optionalString('rerank_instruction');
  post?.optionalBoolean('rerank_only_chunk');
  post?.optionalBoolean('get_attachment_link');
  const params = {
    limit,
    denseWeight,
    rerankSwitch: post?.optionalBoolean('rerank_switch') ?? false,
    retrieveCount: post?.optionalInteger('retrieve_count', { min: 1, max: 1000 }) ?? 25,
    rerankThreshold: post?.optionalNumber('rerank_threshold', { min: 0, max: 1 }) ?? 0,
    chunkDiffusionCount: post?.optionalInteger('chunk_diffusion_count', { min: 0, max: 10 }) ?? 0,
    chunkGroup: post?.optionalBoolean('chunk_group') ?? false,
    docFilter: readDocFilter(body),
  };
  const rewritten = wantRewrite ? await rewriteQuery(context, query, history, signal) : { query, tokens: 0 };
  const retrievalQuery = rewritten.query !== query ? rewritten.query : conversationalQuery(query, history);
  const retrieval = await retrieve(context, collection, { ...params, query: retrievalQuery });
  return {
    collection_name: collection.config.name,
    count: retrieval.items.length,
    rewrite_query: rewritten.query,
    token_usage: returnTokens ? tokenUsage(retrieval, rewritten.tokens) : {},
    result_list: results(collection, retrieval),
  };
};
