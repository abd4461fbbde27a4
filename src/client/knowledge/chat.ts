import type { VikingCore } from '../createVikingCore';
import { HttpError } from '../errors/HttpError';
import { asArray, asRecord, asString, isRecord } from '../shared/read';
import type { RequestOptions } from '../transport/RequestOptions';
import { assertValid, schemaIssues, type SchemaSource } from '../transport/validate';
import type { Endpoint } from '../transport/Endpoint';
import { KNOWLEDGE_CHAT_COMPLETION, KNOWLEDGE_SERVICE_CHAT } from '../endpoints';
import { KnowledgeStream } from './KnowledgeStream';
import { openStream } from './openStream';
import { asInt, toReference, usageOf, withData } from './results';
import { chatSchema, serviceChatSchema } from './schemas';
import type {
  ChatCompletionChunk,
  ChatCompletionParams,
  ChatCompletionResult,
  ServiceChatChunk,
  ServiceChatParams,
  ServiceChatResult,
} from './types';
import { toWire } from './wire';

/*
 * Chat completions and service chat (contract §3.5, §3.6, §4) as standalone functions; `client.knowledge` calls
 * these. `stream: true` sends `Accept: text/event-stream` and resolves, once the answer's headers arrived, with a
 * {@link KnowledgeStream}; otherwise the whole answer is parsed. The type of the result follows the flag.
 */

const text = (value: unknown) => asString(value) ?? '';

function base(data: Record<string, unknown>, envelope: Record<string, unknown>) {
  return {
    generatedAnswer: text(data['generated_answer']),
    reasoningContent: text(data['reasoning_content']),
    isLast: 'end' in data,
    raw: data,
    envelope,
  };
}

/** One chunk of a streamed chat completion. */
export function toChatChunk(data: Record<string, unknown>, envelope: Record<string, unknown>): ChatCompletionChunk {
  return {
    ...base(data, envelope),
    usage: usageOf(data['usage']),
    finishReason: asString(data['finish_reason']),
    model: asString(data['model']),
    prompt: asString(data['prompt']),
  };
}

/** One chunk of a streamed service chat. */
export function toServiceChunk(data: Record<string, unknown>, envelope: Record<string, unknown>): ServiceChatChunk {
  const end = data['end'];
  return {
    ...base(data, envelope),
    references: data['result_list'] === undefined ? undefined : asArray(data['result_list']).map(toReference),
    prompt: asString(data['prompt']),
    count: asInt(data['count']),
    rewriteQuery: asString(data['rewrite_query']),
    tokenUsage: data['token_usage'],
    end: typeof end === 'boolean' ? end : undefined,
  };
}

async function send<TChunk extends ChatCompletionChunk | ServiceChatChunk, TResult>(
  core: VikingCore,
  endpoint: Endpoint,
  schema: SchemaSource,
  params: ChatCompletionParams | ServiceChatParams,
  options: RequestOptions | undefined,
  toChunk: (data: Record<string, unknown>, envelope: Record<string, unknown>) => TChunk,
  toResult: (response: Awaited<ReturnType<VikingCore['transport']['call']>>) => TResult,
): Promise<KnowledgeStream<TChunk> | TResult> {
  assertValid(endpoint.name, schemaIssues(schema, params));
  const body = toWire({}, params);
  if (params.stream === true) {
    return new KnowledgeStream(await openStream(core, endpoint, body, options), endpoint.name, toChunk);
  }
  return toResult(await core.transport.call(endpoint, body, options));
}

/**
 * `POST /api/knowledge/chat/completions`: an LLM answer (no locator, no retrieval). With `stream: true`, a
 * {@link KnowledgeStream} of {@link ChatCompletionChunk} whose `generatedAnswer` are text deltas.
 */
export function chatCompletion(
  core: VikingCore,
  params: ChatCompletionParams & { stream: true },
  options?: RequestOptions,
): Promise<KnowledgeStream<ChatCompletionChunk>>;
export function chatCompletion(
  core: VikingCore,
  params: ChatCompletionParams & { stream?: false | undefined },
  options?: RequestOptions,
): Promise<ChatCompletionResult>;
export function chatCompletion(
  core: VikingCore,
  params: ChatCompletionParams,
  options?: RequestOptions,
): Promise<ChatCompletionResult | KnowledgeStream<ChatCompletionChunk>>;
export function chatCompletion(core: VikingCore, params: ChatCompletionParams, options?: RequestOptions) {
  return send(core, KNOWLEDGE_CHAT_COMPLETION, chatSchema, params, options, toChatChunk, (response) => {
    const { data, ...meta } = withData(response);
    return {
      ...meta,
      generatedAnswer: text(data['generated_answer']),
      reasoningContent: asString(data['reasoning_content']),
      usage: usageOf(data['usage']),
      usageText: asString(data['usage']),
      prompt: asString(data['prompt']),
      model: asString(data['model']),
      finishReason: asString(data['finish_reason']),
      totalTokens: data['total_tokens'],
      raw: data,
    } satisfies ChatCompletionResult;
  });
}

/**
 * `POST /api/knowledge/service/chat`: asks a published knowledge service (retrieval and/or generation). With
 * `stream: true`, a {@link KnowledgeStream} of {@link ServiceChatChunk}; the references arrive on the chunk that
 * carries `result_list`.
 */
export function serviceChat(
  core: VikingCore,
  params: ServiceChatParams & { stream: true },
  options?: RequestOptions,
): Promise<KnowledgeStream<ServiceChatChunk>>;
export function serviceChat(
  core: VikingCore,
  params: ServiceChatParams & { stream?: false | undefined },
  options?: RequestOptions,
): Promise<ServiceChatResult>;
export function serviceChat(
  core: VikingCore,
  params: ServiceChatParams,
  options?: RequestOptions,
): Promise<ServiceChatResult | KnowledgeStream<ServiceChatChunk>>;
export function serviceChat(core: VikingCore, params: ServiceChatParams, options?: RequestOptions) {
  // The service streams `service/chat` unless told not to (contract §3.6): a call for one answer says so.
  return send(
    core,
    KNOWLEDGE_SERVICE_CHAT,
    serviceChatSchema,
    { ...params, stream: params.stream === true },
    options,
    toServiceChunk,
    (response) => {
      // An answer that is not a JSON object (say, a stream nobody asked for) is the SDK's 1000028, not an empty result.
      if (!isRecord(response.body))
        throw new HttpError({ code: 1000028, message: `not a JSON object: ${String(response.body).slice(0, 99)}` });
      const { data, ...meta } = withData(response);
      const chunk = toServiceChunk(data, asRecord(response.body));
      return {
        ...meta,
        generatedAnswer: chunk.generatedAnswer,
        reasoningContent: asString(data['reasoning_content']),
        prompt: chunk.prompt,
        references: chunk.references ?? [],
        count: chunk.count,
        rewriteQuery: chunk.rewriteQuery,
        tokenUsage: chunk.tokenUsage,
        end: chunk.end,
        raw: data,
      } satisfies ServiceChatResult;
    },
  );
}
