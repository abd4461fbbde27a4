/**
 * Chat endpoints (knowledge api doc §3.5, §3.6, §4), answered by the engine's {@link ChatModel} (the built-in
 * extractive model unless another is configured).
 *
 * - `chat/completions`: `model` and `messages` required; `max_tokens`, `temperature`, `return_token_usage`,
 *   `thinking`, `api_key`, `model_version` accepted. Answer `{generated_answer, reasoning_content, usage (a JSON
 *   string), model, finish_reason, total_tokens}`. Streamed: one chunk per model delta (`generated_answer` or
 *   `reasoning_content`, with `model`), then `{generated_answer: "", end: true, finish_reason: "stop", usage,
 *   total_tokens, model}`.
 * - `service/chat`: `service_resource_id` and `messages` (the last user message is the question) required;
 *   `query_param.doc_filter` narrows the retrieval; `stream` defaults to true (as the docs say). The service
 *   retrieves with its configured settings, fills its prompt template and asks the model. Streamed: the first
 *   chunk carries the references (`count`, `rewrite_query`, `token_usage`, `result_list`), then one chunk per
 *   delta, then `{generated_answer: "", end: true, model}`. Not streamed: everything in one `data` with `end: true`.
 */
import { quote } from '../quote';
import type { BodyReader } from '../../BodyReader';
import { EngineError, invalid } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { EngineEventStream } from '../../EngineEventStream';
import type { ChatModel, ChatModelRequest, ChatModelUsage } from '../../../llm/ChatModel';
import { conversationalQuery, lastUserMessage, readMessages } from '../readMessages';
import { retrieve } from '../retrieve';
import { retrievedInfo } from '../wireShapes';
import { rewriteQuery, tokenUsage } from './search';

type Chunk = Record<string, unknown>;

function usageString(usage: ChatModelUsage | undefined): string {
  return JSON.stringify({
    prompt_tokens: usage?.promptTokens ?? 0,
    completion_tokens: usage?.completionTokens ?? 0,
    total_tokens: usage?.totalTokens ?? 0,
  });
}

/** The model's events as chunks (`generated_answer` / `reasoning_content` deltas); `usage` reported at the end. */
async function* deltas(
  model: ChatModel,
  request: ChatModelRequest,
  extra: Chunk,
  onUsage: (usage: ChatModelUsage) => void,
): AsyncGenerator<Chunk> {
  for await (const event of model.stream(request)) {
    if (request.signal?.aborted) return;
    if (event.type === 'content' && event.text !== '') yield { generated_answer: event.text, ...extra };
    else if (event.type === 'reasoning' && event.text !== '') yield { reasoning_content: event.text, ...extra };
    else if (event.type === 'usage') onUsage(event.usage);
  }
}

async function collect(chunks: AsyncIterable<Chunk>): Promise<{ answer: string; reasoning: string }> {
  let answer = '';
  let reasoning = '';
  for await (const chunk of chunks) {
    if (typeof chunk['generated_answer'] === 'string') answer += chunk['generated_answer'];
    if (typeof chunk['reasoning_content'] === 'string') reasoning += chunk['reasoning_content'];
  }
  return { answer, reasoning };
}

function readChatMessages(body: BodyReader) {
  const messages = readMessages(body.array('messages'), 'messages');
  if (messages.length === 0) throw invalid('messages must not be empty');
  return messages;
}

/** `POST /api/knowledge/chat/completions`. */
export const chatCompletions: Handler = async (context, body, signal) => {
  const modelName = body.string('model');
  if (modelName === '') throw invalid('model must not be empty');
  const messages = readChatMessages(body);
  const maxTokens = body.optionalInteger('max_tokens', { min: 1, max: 1_000_000 });
  const temperature = body.optionalNumber('temperature', { min: 0, max: 2 });
  body.optionalBoolean('return_token_usage');
  body.optionalString('api_key');
  body.optionalString('model_version');
  const stream = body.optionalBoolean('stream') ?? false;
  const model = context.chatModel;
  const request: ChatModelRequest = { model: modelName, messages, maxTokens, temperature, signal };
  let usage: ChatModelUsage | undefined;
  const setUsage = (value: ChatModelUsage) => (usage = value);
  const final = (): Chunk => ({
    finish_reason: 'stop',
    usage: usageString(usage),
    total_tokens: usage?.totalTokens ?? 0,
    model: model.name,
  });
  if (stream) {
    return new EngineEventStream(
      (async function* () {
        yield* deltas(model, request, { model: model.name }, setUsage);
        yield { generated_answer: '', end: true, ...final() };
      })(),
    );
  }
  const { answer, reasoning } = await collect(deltas(model, request, {}, setUsage));
  return { generated_answer: answer, reasoning_content: reasoning, ...final() };
};

/** `POST /api/knowledge/service/chat`. */
export const serviceChat: Handler = async (context, body, signal) => {
  const serviceId = body.string('service_resource_id');
  const service = context.knowledgeServices.get(serviceId);
  if (!service)
    throw new EngineError('collectionNotFound', `service not exist: service_resource_id ${quote(serviceId)}`);
  const collection = context.knowledgeCollections.get(`${service.projectName}/${service.collection}`);
  if (!collection)
    throw new EngineError(
      'collectionNotFound',
      `collection not exist: '${service.collection}' of service '${serviceId}'`,
    );
  const messages = readChatMessages(body);
  const question = lastUserMessage(messages);
  if (question.trim() === '') throw invalid('messages must contain a user message with the question');
  const param = body.optionalObject('query_param');
  const rawFilter = param?.raw('doc_filter');
  const stream = body.optionalBoolean('stream') ?? true;
  const model = context.chatModel;
  const settings = service.retrieval;

  const history = messages.filter((message) => message.role !== 'system');
  const hasHistory = history.filter((message) => message.role === 'user').length > 1;
  const rewritten = hasHistory
    ? await rewriteQuery(context, question, history, signal)
    : { query: question, tokens: 0 };
  const retrieval = await retrieve(context, collection, {
    query: rewritten.query !== question ? rewritten.query : conversationalQuery(question, history),
    limit: settings.limit,
    denseWeight: settings.denseWeight,
    retrieveCount: settings.retrieveCount,
    rerankSwitch: settings.rerankSwitch,
    rerankThreshold: settings.rerankThreshold,
    chunkDiffusionCount: settings.chunkDiffusionCount,
    chunkGroup: settings.chunkGroup,
    docFilter: rawFilter === undefined ? undefined : { raw: rawFilter, path: 'query_param.doc_filter' },
  });
  const context_ = retrieval.items.map((item, i) => ({
    index: i + 1,
    title: item.point.chunk_title,
    content: item.point.content,
  }));
  const references = context_
    .map((chunk) => `[${chunk.index}] ${chunk.title ? `${chunk.title}\n` : ''}${chunk.content}`)
    .join('\n\n');
  const prompt = service.promptTemplate.split('{{context}}').join(references).split('{{query}}').join(question);
  const request: ChatModelRequest = {
    model: service.chatModel,
    messages: [{ role: 'system', content: prompt }, ...history],
    context: context_,
    signal,
  };
  const retrievalPart: Chunk = {
    count: retrieval.items.length,
    rewrite_query: rewritten.query,
    token_usage: tokenUsage(retrieval, rewritten.tokens),
    result_list: retrieval.items.map((item) => retrievedInfo(collection, item)),
  };
  const ignoreUsage = () => undefined;
  if (stream) {
    return new EngineEventStream(
      (async function* () {
        yield { ...retrievalPart, generated_answer: '' };
        yield* deltas(model, request, {}, ignoreUsage);
        yield { generated_answer: '', end: true, model: model.name };
      })(),
    );
  }
  const { answer, reasoning } = await collect(deltas(model, request, {}, ignoreUsage));
  return {
    ...retrievalPart,
    generated_answer: answer,
    reasoning_content: reasoning,
    prompt,
    model: model.name,
    end: true,
  };
};
