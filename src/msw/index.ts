/** `vikingdb-kit/msw`: MSW handlers backed by the local VikingDB engine (browser- and Node-safe). */
export { createVikingHandlers, type VikingHandlersOptions } from './createVikingHandlers';
export { defaultConfig } from '../server/local/config/defaultConfig';
export { parseLocalConfig, type LocalConfig } from '../server/local/config/schema';
export type {
  ChatContextChunk,
  ChatModel,
  ChatModelEvent,
  ChatModelMessage,
  ChatModelRequest,
  ChatModelUsage,
} from '../server/local/llm/ChatModel';
