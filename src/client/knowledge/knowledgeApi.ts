import type { VikingCore } from '../createVikingCore';
import { ping, type PingResult } from '../ping';
import type { RequestOptions } from '../transport/RequestOptions';
import { chatCompletion, serviceChat } from './chat';
import { createKnowledgeCollection, type KnowledgeCollection } from './knowledgeCollection';
import type { KnowledgeStream } from './KnowledgeStream';
import { rerankKnowledge } from './search';
import type {
  ChatCompletionChunk,
  ChatCompletionParams,
  ChatCompletionResult,
  KnowledgeLocator,
  KnowledgeRerankParams,
  KnowledgeRerankResult,
  ServiceChatChunk,
  ServiceChatParams,
  ServiceChatResult,
} from './types';

/**
 * The knowledge-base API (service `air`, on the memory host: `memoryBaseUrl` / `memoryHost`, default
 * `api-knowledgebase.mlp.<region>.volces.com`).
 */
export interface KnowledgeApi {
  /** Documents, points and retrieval of a knowledge base. */
  collection(locator: KnowledgeLocator): KnowledgeCollection;
  /** `service/rerank`: scores up to 50 `{ query, content, title }` items. */
  rerank(params: KnowledgeRerankParams, options?: RequestOptions): Promise<KnowledgeRerankResult>;
  /** `chat/completions`; `stream: true` gives a {@link KnowledgeStream} of text deltas. */
  chatCompletion(
    params: ChatCompletionParams & { stream: true },
    options?: RequestOptions,
  ): Promise<KnowledgeStream<ChatCompletionChunk>>;
  /** `chat/completions` without streaming: resolves with the whole answer. */
  chatCompletion(
    params: ChatCompletionParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): Promise<ChatCompletionResult>;
  /** `chat/completions`, streaming or not as `params.stream` says. */
  chatCompletion(
    params: ChatCompletionParams,
    options?: RequestOptions,
  ): Promise<ChatCompletionResult | KnowledgeStream<ChatCompletionChunk>>;
  /** `service/chat` of a published knowledge service; `stream: true` gives a {@link KnowledgeStream}. */
  serviceChat(
    params: ServiceChatParams & { stream: true },
    options?: RequestOptions,
  ): Promise<KnowledgeStream<ServiceChatChunk>>;
  /** `service/chat` without streaming: resolves with the whole answer. */
  serviceChat(
    params: ServiceChatParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): Promise<ServiceChatResult>;
  /** `service/chat`, streaming or not as `params.stream` says. */
  serviceChat(
    params: ServiceChatParams,
    options?: RequestOptions,
  ): Promise<ServiceChatResult | KnowledgeStream<ServiceChatChunk>>;
  /** `GET /ping` on the knowledge host. */
  ping(options?: RequestOptions): Promise<PingResult>;
}

/** The `knowledge` member of a client. */
export function createKnowledgeApi(core: VikingCore): KnowledgeApi {
  return {
    collection: (locator) => createKnowledgeCollection(core, locator),
    rerank: (params, options) => rerankKnowledge(core, params, options),
    chatCompletion: (params: ChatCompletionParams, options?: RequestOptions) =>
      chatCompletion(core, params, options) as never,
    serviceChat: (params: ServiceChatParams, options?: RequestOptions) => serviceChat(core, params, options) as never,
    ping: (options) => ping(core, 'knowledge', options),
  };
}
