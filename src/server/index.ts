/**
 * `vikingdb-kit/server` (Node only): the local VikingDB-compatible server, and the signing proxy with its host adapters.
 */
import type { Domain } from '../client/endpoints';
export { createLocalServer, DEFAULT_PORT, DEFAULT_HOST, DEFAULT_DATA_DIR } from './local/createLocalServer';
export type { LocalServer, LocalServerOptions } from './local/createLocalServer';
export { createHttpApp } from './local/http/createHttpApp';
export { createLocalEngine } from './local/engine/createLocalEngine';
export type {
  LocalEngine,
  EngineRequest,
  EngineResponse,
  EngineJsonResponse,
  EngineStreamResponse,
} from './local/engine/protocol';
export { isStreamResponse } from './local/engine/protocol';
export { parseLocalConfig } from './local/config/schema';
export type { LocalConfig } from './local/config/schema';
export { defaultConfig } from './local/config/defaultConfig';
export { localConfigJsonSchema } from './local/config/jsonSchema';
export type { Embedder, DenseEmbeddingOptions, SparseVector } from './local/embedder/Embedder';
export { createOpenAiEmbedder } from './local/embedder/openAiEmbedder';
export type { OpenAiEmbedder, OpenAiEmbedderOptions } from './local/embedder/openAiEmbedder';
export type {
  ChatModel,
  ChatModelEvent,
  ChatModelMessage,
  ChatModelRequest,
  ChatModelUsage,
  ChatContextChunk,
} from './local/llm/ChatModel';
export { createOpenAiChatModel } from './local/llm/openAiChatModel';
export type { OpenAiChatModel, OpenAiChatModelOptions } from './local/llm/openAiChatModel';
export type { ModelBackendSettings } from './local/modelBackends';
export type { EmbedderConfig, LlmConfig } from './local/config/modelBackendsSchema';
export { createLmdbStorage } from './local/storage/lmdbStorage';
export { createMemoryStorage } from './local/engine/storage/memoryStorage';
export type { Storage, StorageWrite } from './local/engine/storage/Storage';
export type { SnapshotEntry, SnapshotReader, SnapshotStore } from './local/engine/storage/SnapshotStore';
export { seedDemo } from './local/seed/demoDataset';
export { seedKnowledge } from './local/seed/seedKnowledge';
export { createExtractiveChatModel, EXTRACTIVE_MODEL_NAME } from './local/llm/extractiveChatModel';
export type { ExtractiveChatModelOptions } from './local/llm/extractiveChatModel';
export { createSigningProxy } from './proxy/createSigningProxy';
export type {
  AuthorizeContext,
  AuthorizeGrant,
  AuthorizeHook,
  AuthorizeResult,
  CredentialsOption,
  ProxyContext,
  ProxyCredentials,
  ProxyLogEntry,
  SigningProxyHandler,
  SigningProxyOptions,
  UpstreamOptions,
} from './proxy/options';
export { ALL_PATHS, READ_ONLY_PATHS } from './proxy/allowList';
export type { AllowOption } from './proxy/allowList';
export type { Domain };
/** @deprecated Use {@link Domain}: the one name of the API a path belongs to. */
export type ProxyDomain = Domain;
export type { ProxyScope } from './proxy/scope';
export type { CorsOption, CorsOptions, CorsOrigin } from './proxy/cors';
export type { RateLimitOptions } from './proxy/rateLimit';
export { DEFAULT_MAX_BODY_BYTES } from './shared/readLimitedBody';
export { createNodeConnectListener, createNodeListener } from './proxy/nodeAdapter';
export type { FetchHandler, NodeConnectListener, NodeListener, NodeListenerOptions } from './proxy/nodeAdapter';
export type { AllowedHostsOption } from './shared/allowedHosts';
export { vikingProxy, DEFAULT_VITE_PROXY_PATH } from './proxy/vitePlugin';
export type {
  VikingProxyPlugin,
  VikingProxyPluginOptions,
  ViteServerLike,
  ConnectMiddleware,
} from './proxy/vitePlugin';
