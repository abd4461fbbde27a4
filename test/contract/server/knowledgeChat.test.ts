/**
 * Knowledge chat over real HTTP: chat/completions and service/chat, streamed and not, in the stream format of the
 * knowledge contract §4 (one envelope per `data:` line, only the last chunk has `end`, then `[DONE]`); service/chat
 * sends its references first. A caller that goes away aborts the model (its signal fires); a model that fails
 * mid-stream gives one error envelope chunk, and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import type { ChatModel, ChatModelEvent } from '../../../src/server/local/llm/ChatModel';
import { EXTRACTIVE_MODEL_NAME } from '../../../src/server/local/llm/extractiveChatModel';
import { parseSse, sseData } from '../../support/sse';
import { raw } from './harness';
import { dataUri, KB, knowledgeTestConfig, LIGHTHOUSE_MD, waitForDoc } from './knowledgeHarness';

let server: LocalServer;
let scripted: LocalServer;
let url: string;
const aborted: string[] = [];

/** A model driven by the question: `fail` fails after one delta, `forever` streams until aborted. */
const scriptedModel: ChatModel = {
  kind: 'extractive',
  name: 'scripted test model',
  async *stream(request): AsyncIterable<ChatModelEvent> {
    const question = request.messages.at(-1)?.content ?? '';
    yield { type: 'content', text: 'first ' };
    if (question === 'fail') throw new Error('upstream went away');
    for (let i = 0; ; i++) {
      if (request.signal?.aborted) {
        aborted.push(question);
        return;
      }
      yield { type: 'content', text: `${i} ` };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  },
};

/** A stand-in language model: rewrites queries to a fixed text, answers with a reasoning and a content delta. */
const llmModel: ChatModel = {
  kind: 'llm',
  name: 'fake llm',
  async *stream(request): AsyncIterable<ChatModelEvent> {
    if (request.messages[0]?.content.startsWith('Rewrite the last user question')) {
      yield { type: 'content', text: 'Fresnel lens designer' };
      yield { type: 'usage', usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } };
      return;
    }
    yield { type: 'reasoning', text: 'looking at the references' };
    yield { type: 'content', text: `answer from ${request.context?.length ?? 'no'} references` };
    yield { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } };
  },
};
let llm: LocalServer;

beforeAll(async () => {
  const config = knowledgeTestConfig('.');
  llm = await createLocalServer({ port: 0, inMemory: true, log: false, config, chatModel: llmModel });
  server = await createLocalServer({ port: 0, inMemory: true, log: false, config });
  scripted = await createLocalServer({ port: 0, inMemory: true, log: false, config, chatModel: scriptedModel });
  url = server.url;
  await raw(url, '/api/knowledge/doc/v2/add', {
    ...KB,
    doc_id: 'lighthouse',
    uri: dataUri(LIGHTHOUSE_MD),
    tag_list: [{ field_name: 'category', field_value: 'sea' }],
  });
  await waitForDoc(url, 'lighthouse');
});

afterAll(async () => {
  await server?.close();
  await scripted?.close();
  await llm?.close();
});

async function stream(base: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-Tt-Logid': 'stream-id' },
    body: JSON.stringify(body),
  });
  return { response, text: await response.text() };
}

/** Checks the §4 format and returns the chunks' data objects. */
function checkStream(text: string): Array<Record<string, unknown>> {
  const events = parseSse(text);
  expect(events.at(-1)).toEqual({ done: true });
  expect(events.filter((event) => event.done)).toHaveLength(1);
  const data = sseData(events);
  for (const event of events.slice(0, -1)) {
    if (event.done) continue;
    expect(event.envelope).toMatchObject({ code: 0, message: 'success', request_id: 'stream-id' });
    expect(typeof event.envelope['data']).toBe('object');
  }
  // Only the last chunk has the `end` key (the Python SDK stops at the first one that has it).
  expect(data.map((chunk) => 'end' in chunk)).toEqual(data.map((_, i) => i === data.length - 1));
  expect(data.at(-1)!['end']).toBe(true);
  return data;
}

const answerOf = (chunks: Array<Record<string, unknown>>) => chunks.map((c) => c['generated_answer'] ?? '').join('');

describe('chat/completions', () => {
  const body = {
    model: 'Doubao-1-5-pro-32k',
    messages: [
      { role: 'system', content: LIGHTHOUSE_MD },
      { role: 'user', content: 'Who designed the Fresnel lens?' },
    ],
    max_tokens: 4096,
    temperature: 0.1,
    return_token_usage: true,
  };

  it('answers by quoting the context, says it is the local extractive model, usage as a JSON string', async () => {
    const answer = await raw(url, '/api/knowledge/chat/completions', { ...body, stream: false });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      model: EXTRACTIVE_MODEL_NAME,
      finish_reason: 'stop',
      reasoning_content: '',
    });
    expect(answer.body.data.model).toMatch(/extractive.*not an LLM/);
    expect(answer.body.data.generated_answer).toContain('Augustin Fresnel designed the lens in 1822');
    expect(answer.body.data.generated_answer).toMatch(/\[1\]/);
    const usage = JSON.parse(answer.body.data.usage);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.completion_tokens).toBeGreaterThan(0);
  });

  it('streams the same answer in several deltas, then an end chunk with usage, then [DONE]', async () => {
    const whole = await raw(url, '/api/knowledge/chat/completions', { ...body, stream: false });
    const { response, text } = await stream(url, '/api/knowledge/chat/completions', { ...body, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-tt-logid')).toBe('stream-id');
    const chunks = checkStream(text);
    expect(
      chunks.filter((c) => typeof c['generated_answer'] === 'string' && c['generated_answer'] !== '').length,
    ).toBeGreaterThan(1);
    expect(answerOf(chunks)).toBe(whole.body.data.generated_answer);
    expect(chunks.at(-1)).toMatchObject({
      generated_answer: '',
      end: true,
      finish_reason: 'stop',
      model: EXTRACTIVE_MODEL_NAME,
    });
    expect(JSON.parse(chunks.at(-1)!['usage'] as string)).toEqual(JSON.parse(whole.body.data.usage));
  });

  it('accepts a plain body without the SDK defaults (no stream key → not streamed)', async () => {
    const answer = await raw(url, '/api/knowledge/chat/completions', {
      model: 'x',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.data.generated_answer).toBe('string');
  });
});

describe('service/chat', () => {
  const question = { role: 'user', content: 'Who designed the Fresnel lens?' };

  it('streams the references first (result_list), then answer deltas citing them, then end and [DONE]', async () => {
    const { response, text } = await stream(url, '/api/knowledge/service/chat', {
      service_resource_id: 'kb_test_service',
      messages: [question],
      stream: true,
    });
    expect(response.status).toBe(200);
    const chunks = checkStream(text);
    const first = chunks[0]!;
    expect(first['count']).toBe((first['result_list'] as unknown[]).length);
    expect((first['result_list'] as unknown[]).length).toBeGreaterThan(0);
    const references = first['result_list'] as Array<Record<string, unknown>>;
    for (const item of references) {
      expect(typeof item['id']).toBe('string');
      expect(item['doc_info']).toMatchObject({ doc_id: 'lighthouse' });
    }
    expect(first['rewrite_query']).toBe('Who designed the Fresnel lens?');
    expect(typeof first['token_usage']).toBe('object');
    expect(chunks.slice(1).every((chunk) => !('result_list' in chunk))).toBe(true);
    const answer = answerOf(chunks);
    expect(answer).toContain('Augustin Fresnel designed the lens in 1822');
    const cited = Number(/Augustin Fresnel designed the lens[^[]*\[(\d+)\]/.exec(answer)?.[1]);
    expect(references[cited - 1]!['content']).toContain('Augustin Fresnel');
    expect(chunks.at(-1)).toMatchObject({ end: true, model: EXTRACTIVE_MODEL_NAME });
  });

  it('streams by default (no stream key) and answers in one data object when stream is false', async () => {
    const byDefault = await stream(url, '/api/knowledge/service/chat', {
      service_resource_id: 'kb_test_service',
      messages: [question],
    });
    expect(byDefault.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const whole = await raw(url, '/api/knowledge/service/chat', {
      service_resource_id: 'kb_test_service',
      messages: [question],
      stream: false,
    });
    expect(whole.status).toBe(200);
    expect(whole.body.data).toMatchObject({ end: true, model: EXTRACTIVE_MODEL_NAME });
    expect(whole.body.data.generated_answer).toBe(answerOf(checkStream(byDefault.text)));
    expect(whole.body.data.prompt).toContain('[1] ');
    expect(whole.body.data.prompt).toContain('Question: Who designed the Fresnel lens?');
  });

  it('narrows the references with query_param.doc_filter', async () => {
    const none = await raw(url, '/api/knowledge/service/chat', {
      service_resource_id: 'kb_test_service',
      messages: [question],
      query_param: { doc_filter: { op: 'must', field: 'category', conds: ['food'] } },
      stream: false,
    });
    expect(none.body.data.result_list).toEqual([]);
    expect(none.body.data.generated_answer).toMatch(/found no sentence/);
  });
});

describe('stream lifecycle', () => {
  it('aborts the model when the caller goes away, and keeps serving', async () => {
    const controller = new AbortController();
    const response = await fetch(`${scripted.url}/api/knowledge/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'forever' }], stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"generated_answer":"first "');
    controller.abort();
    await reader.cancel().catch(() => undefined);
    for (let i = 0; i < 200 && !aborted.includes('forever'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(aborted).toContain('forever');
    expect((await raw(scripted.url, '/api/knowledge/doc/list', { ...KB })).status).toBe(200);
  });

  it('turns a model failure mid-stream into one error envelope chunk, then [DONE]', async () => {
    const { response, text } = await stream(scripted.url, '/api/knowledge/chat/completions', {
      model: 'm',
      messages: [{ role: 'user', content: 'fail' }],
      stream: true,
    });
    expect(response.status).toBe(200);
    const events = parseSse(text);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ done: false, envelope: { code: 0, data: { generated_answer: 'first ' } } });
    expect(events[1]).toMatchObject({
      done: false,
      envelope: { code: 1000028, request_id: 'stream-id', data: { generated_answer: '', end: true } },
    });
    expect(JSON.stringify(events[1])).toContain('the answer failed mid-stream: upstream went away');
    expect(events[2]).toEqual({ done: true });
    const after = await raw(scripted.url, '/api/knowledge/chat/completions', {
      model: 'm',
      messages: [{ role: 'user', content: 'fail' }],
    });
    expect(after.status).toBe(500);
    expect(after.body.code).toBe(1000028);
  });
});

describe('with a language model (kind llm)', () => {
  beforeAll(async () => {
    await raw(llm.url, '/api/knowledge/doc/v2/add', { ...KB, doc_id: 'lighthouse', uri: dataUri(LIGHTHOUSE_MD) });
    await waitForDoc(llm.url, 'lighthouse');
  });

  it('rewrites the query of search_knowledge when asked, and counts the rewrite tokens', async () => {
    const answer = await raw(llm.url, '/api/knowledge/collection/search_knowledge', {
      ...KB,
      query: 'who made it?',
      limit: 1,
      pre_processing: {
        rewrite: true,
        return_token_usage: true,
        messages: [
          { role: 'user', content: 'Tell me about the lens of a lighthouse' },
          { role: 'user', content: 'who made it?' },
        ],
      },
    });
    expect(answer.body.data.rewrite_query).toBe('Fresnel lens designer');
    expect(answer.body.data.token_usage.rewrite_token_usage).toBe(8);
    expect(answer.body.data.result_list[0].content).toContain('Fresnel');
    const unasked = await raw(llm.url, '/api/knowledge/collection/search_knowledge', { ...KB, query: 'who made it?' });
    expect(unasked.body.data.rewrite_query).toBe('who made it?');
  });

  it('streams reasoning and content deltas as reasoning_content and generated_answer, usage at the end', async () => {
    const { text } = await stream(llm.url, '/api/knowledge/chat/completions', {
      model: 'm',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
    });
    const chunks = checkStream(text);
    expect(chunks).toEqual([
      { reasoning_content: 'looking at the references', model: 'fake llm' },
      { generated_answer: 'answer from no references', model: 'fake llm' },
      {
        generated_answer: '',
        end: true,
        finish_reason: 'stop',
        usage: JSON.stringify({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }),
        total_tokens: 3,
        model: 'fake llm',
      },
    ]);
    const chat = await raw(llm.url, '/api/knowledge/service/chat', {
      service_resource_id: 'kb_test_service',
      messages: [{ role: 'user', content: 'Fresnel lens' }],
      stream: false,
    });
    expect(chat.body.data).toMatchObject({
      reasoning_content: 'looking at the references',
      generated_answer: `answer from ${chat.body.data.result_list.length} references`,
      model: 'fake llm',
    });
  });
});
