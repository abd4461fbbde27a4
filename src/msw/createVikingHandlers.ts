/**
 * MSW v2 handlers that answer VikingDB requests with the local engine on in-memory storage — the same engine as the
 * Node server, so Storybook, unit tests and the playground get exactly the server's answers with no server.
 * The engine is created lazily on the first request (and seeded then, when asked).
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { defaultConfig } from '../server/local/config/defaultConfig';
import type { LocalConfig } from '../server/local/config/schema';
import { createLocalEngine } from '../server/local/engine/createLocalEngine';
import { isStreamResponse, type LocalEngine } from '../server/local/engine/protocol';
import type { ChatModel } from '../server/local/llm/ChatModel';
import { seedDemo } from '../server/local/seed/demoDataset';
import { seedKnowledge } from '../server/local/seed/seedKnowledge';
import { generateRequestId, REQUEST_ID_HEADER } from '../server/shared/requestId';
import { createMemoryStorage } from '../server/local/engine/storage/memoryStorage';

/** Options of {@link createVikingHandlers}. */
export interface VikingHandlersOptions {
  /** Collections to serve. Default: `defaultConfig` (SDK walkthrough + demo collections). */
  config?: LocalConfig;
  /**
   * `true` or `'demo'` loads the compact demo dataset (200 documents, 3 sessions) on first use, and the project's docs
   * into the knowledge collection `demo_kb` on the first knowledge request (so apps that never call the knowledge
   * API do not wait for its import). Default `false`.
   */
  seed?: boolean | 'demo';
  /** Origin (and optional prefix) to intercept, e.g. `http://localhost:8329`. Default: any origin (`*`). */
  baseUrl?: string;
  /** Writes knowledge chat answers. Default: the built-in extractive model. */
  chatModel?: ChatModel;
}

/**
 * Handlers for `${baseUrl}/api/*` and `${baseUrl}/ping` (any method). Each answer has the engine's status and JSON
 * body plus an `X-Tt-Logid` header equal to the body's `request_id` (the request's own `X-Tt-Logid`, else a new id);
 * streamed knowledge chats answer with the engine's `text/event-stream` body as a `ReadableStream`.
 */
export function createVikingHandlers(options: VikingHandlersOptions = {}): RequestHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const seeded = options.seed === true || options.seed === 'demo';
  let engine: Promise<LocalEngine> | undefined;
  let knowledgeEngine: Promise<LocalEngine> | undefined;

  function getEngine(): Promise<LocalEngine> {
    engine ??= (async () => {
      const created = await createLocalEngine({
        config: options.config ?? defaultConfig,
        storage: createMemoryStorage(),
        ...(options.chatModel && { chatModel: options.chatModel }),
      });
      if (seeded) await seedDemo(created, { knowledgeCollection: null });
      return created;
    })();
    return engine;
  }

  function getKnowledgeEngine(): Promise<LocalEngine> {
    knowledgeEngine ??= getEngine().then(async (created) => {
      if (seeded) await seedKnowledge(created);
      return created;
    });
    return knowledgeEngine;
  }

  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const requestId = request.headers.get(REQUEST_ID_HEADER) || generateRequestId();
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const ready = url.pathname.startsWith('/api/knowledge/') ? getKnowledgeEngine() : getEngine();
    const answer = await (
      await ready
    ).handle({
      method: request.method,
      path: url.pathname,
      body,
      requestId,
      signal: request.signal,
    });
    if (isStreamResponse(answer)) {
      // Streamed knowledge chat: the engine's SSE bytes as a ReadableStream body.
      return new HttpResponse(answer.stream, {
        status: answer.status,
        headers: { ...answer.headers, 'X-Tt-Logid': requestId },
      });
    }
    const responseId = typeof answer.body['request_id'] === 'string' ? answer.body['request_id'] : requestId;
    return HttpResponse.json(answer.body, { status: answer.status, headers: { 'X-Tt-Logid': responseId } });
  };

  return [http.all(`${base}/api/*`, resolver), http.all(`${base}/ping`, resolver)];
}
