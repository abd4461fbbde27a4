import { describe, expectTypeOf, it } from 'vitest';
import {
  apiKey,
  chatCompletion,
  collectText,
  createVikingClient,
  createVikingCore,
  serviceChat,
  type ChatCompletionChunk,
  type ChatCompletionResult,
  type DocInfo,
  type DocListV2,
  type KnowledgeStream,
  type MetaItem,
  type PointInfo,
  type SearchKnowledgeResult,
  type ServiceChatChunk,
  type ServiceChatReference,
  type ServiceChatResult,
} from '../../src/client/index';
import { useChatCompletion, useServiceChat, type ChatStatus, type StreamingChat } from '../../src/hooks/index';

const client = createVikingClient({ auth: apiKey('k') });
const core = createVikingCore({ auth: apiKey('k') });
const messages = [{ role: 'user', content: 'hi' }];

describe('knowledge stream overloads: the result type follows the stream flag', () => {
  it('stream: true gives a KnowledgeStream of typed chunks', async () => {
    const stream = await client.knowledge.chatCompletion({ model: 'm', messages, stream: true });
    expectTypeOf(stream).toEqualTypeOf<KnowledgeStream<ChatCompletionChunk>>();
    for await (const chunk of stream) {
      expectTypeOf(chunk.generatedAnswer).toEqualTypeOf<string>();
      expectTypeOf(chunk.usage).toEqualTypeOf<Record<string, unknown> | undefined>();
    }
    const service = await client.knowledge.serviceChat({ serviceResourceId: 's', messages, stream: true });
    expectTypeOf(service).toEqualTypeOf<KnowledgeStream<ServiceChatChunk>>();
    expectTypeOf(await collectText(service)).toEqualTypeOf<string>();
  });

  it('no stream (or false) gives the whole answer', async () => {
    expectTypeOf(await client.knowledge.chatCompletion({ model: 'm', messages })).toEqualTypeOf<ChatCompletionResult>();
    expectTypeOf(
      await client.knowledge.chatCompletion({ model: 'm', messages, stream: false }),
    ).toEqualTypeOf<ChatCompletionResult>();
    expectTypeOf(
      await client.knowledge.serviceChat({ serviceResourceId: 's', messages }),
    ).toEqualTypeOf<ServiceChatResult>();
    expectTypeOf(await chatCompletion(core, { model: 'm', messages })).toEqualTypeOf<ChatCompletionResult>();
    expectTypeOf(await serviceChat(core, { serviceResourceId: 's', messages, stream: true })).toEqualTypeOf<
      KnowledgeStream<ServiceChatChunk>
    >();
  });

  it('a boolean flag gives the union', async () => {
    const flag = Math.random() > 0.5;
    expectTypeOf(await client.knowledge.chatCompletion({ model: 'm', messages, stream: flag })).toEqualTypeOf<
      ChatCompletionResult | KnowledgeStream<ChatCompletionChunk>
    >();
  });

  it('required parameters are required', () => {
    // @ts-expect-error model is required
    void client.knowledge.chatCompletion({ messages });
    // @ts-expect-error serviceResourceId is required
    void client.knowledge.serviceChat({ messages, stream: true });
  });
});

describe('knowledge result types', () => {
  const kb = client.knowledge.collection('reports');
  it('documents, points and retrieval are camelCase with parsed traps', async () => {
    const doc = await kb.docs.info('d');
    expectTypeOf(doc).toExtend<DocInfo>();
    expectTypeOf(doc.meta).toEqualTypeOf<MetaItem[]>();
    expectTypeOf(doc.metaText).toEqualTypeOf<string | undefined>();
    expectTypeOf(doc.status?.processStatus).toEqualTypeOf<number | undefined>();
    expectTypeOf(await kb.docs.listV2()).toEqualTypeOf<DocListV2>();
    expectTypeOf((await kb.points.list()).items).toEqualTypeOf<PointInfo[]>();
    const found = await kb.searchKnowledge({ query: 'q', postProcessing: { rerankSwitch: true } });
    expectTypeOf(found).toEqualTypeOf<SearchKnowledgeResult>();
    for await (const d of kb.docs.scan()) expectTypeOf(d).toEqualTypeOf<DocInfo>();
    // @ts-expect-error unknown top-level keys are typos in typed code (extraBody is the escape hatch)
    void kb.search({ query: 'q', limt: 3 });
  });

  it('chat hooks expose the streaming state', () => {
    const chat = useChatCompletion({ model: 'm' });
    expectTypeOf(chat).toEqualTypeOf<StreamingChat>();
    expectTypeOf(chat.status).toEqualTypeOf<ChatStatus>();
    expectTypeOf(useServiceChat({ serviceResourceId: 's' }).references).toEqualTypeOf<ServiceChatReference[]>();
  });
});
