import { describe, expectTypeOf, it } from 'vitest';
import {
  createLocalEngine,
  createLocalServer,
  createMemoryStorage,
  createOpenAiChatModel,
  createOpenAiEmbedder,
  type ChatModel,
  type ChatModelEvent,
  type Embedder,
  createNodeListener,
  createSigningProxy,
  defaultConfig,
  type EngineResponse,
  type LocalServer,
  type NodeListener,
  type SigningProxyHandler,
} from '../../src/server/index';

describe('server typing', () => {
  it('createLocalServer takes optional options and resolves to a running server', () => {
    expectTypeOf(createLocalServer).toBeCallableWith();
    expectTypeOf(createLocalServer).toBeCallableWith({ inMemory: true, port: 0, seed: true });
    expectTypeOf(createLocalServer).returns.resolves.toEqualTypeOf<LocalServer>();
    expectTypeOf<LocalServer['url']>().toEqualTypeOf<string>();
    expectTypeOf<LocalServer['close']>().returns.resolves.toBeVoid();
    expectTypeOf<LocalServer['models']>().toEqualTypeOf<{ embedder: string; chat: string }>();
  });

  it('model backends: settings by key, or your own embedder and chat model', () => {
    expectTypeOf(createLocalServer).toBeCallableWith({
      models: {
        embedder: { url: 'http://127.0.0.1:11434/v1', model: 'nomic-embed-text' },
        llm: { url: 'u', model: 'm' },
      },
    });
    expectTypeOf(createOpenAiEmbedder).returns.resolves.toExtend<Embedder>();
    const chat = createOpenAiChatModel({ url: 'http://127.0.0.1:11434/v1', model: 'qwen3:4b' });
    expectTypeOf(chat).toExtend<ChatModel>();
    expectTypeOf(chat.kind).toEqualTypeOf<'llm'>();
    expectTypeOf(chat.stream({ messages: [] })).toEqualTypeOf<AsyncIterable<ChatModelEvent>>();
    expectTypeOf(createLocalServer).toBeCallableWith({ embedder: {} as Embedder, chatModel: chat });
    // @ts-expect-error an embedder kind is hashing or openai-compatible
    void createLocalServer({ models: { embedder: { kind: 'bert' } } });
  });

  it('the engine answers requests with a status and a JSON envelope', async () => {
    const engine = await createLocalEngine({ config: defaultConfig, storage: createMemoryStorage() });
    const answer = await engine.handle({ method: 'POST', path: '/api/vikingdb/data/upsert', body: '', requestId: 'r' });
    expectTypeOf(answer).toEqualTypeOf<EngineResponse>();
    expectTypeOf(answer.status).toEqualTypeOf<number>();
  });

  it('createSigningProxy requires credentials and returns a fetch handler a Node listener can wrap', () => {
    const handler = createSigningProxy({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });
    expectTypeOf(handler).toEqualTypeOf<SigningProxyHandler>();
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<Response>();
    expectTypeOf(createNodeListener(handler)).toEqualTypeOf<NodeListener>();
    expectTypeOf(createSigningProxy).toBeCallableWith({
      credentials: async () => ({ accessKeyId: 'AK', secretAccessKey: 'SK' }),
    });
    // @ts-expect-error credentials are required
    createSigningProxy({});
  });
});
