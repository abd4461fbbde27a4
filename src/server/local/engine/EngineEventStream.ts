/**
 * A streamed answer as a handler returns it: the `data` objects of successive chunks. The engine wraps each in the
 * knowledge envelope and writes it as one SSE event (knowledge api doc §4): `data:{"code":0,"message":"success",
 * "request_id":…,"data":{…}}\n\n`; the handler's last chunk carries `end: true`; then `data:[DONE]\n\n` (Java stops
 * there, Python stops at `end`). A failure after the first byte becomes one error envelope chunk (`code` 1000028,
 * `data: {generated_answer: "", end: true}`) followed by `[DONE]`.
 */
import type { EngineStreamResponse } from './protocol';

export class EngineEventStream {
  constructor(readonly chunks: AsyncIterable<Record<string, unknown>>) {}
}

/** Headers of every streamed answer. */
export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
};

/**
 * The byte stream of an {@link EngineEventStream}. `abort` runs when the reader cancels (caller gone); `finished`
 * runs once, when the stream ended, failed or was cancelled.
 */
export function encodeEventStream(
  events: EngineEventStream,
  requestId: string,
  hooks: { abort: () => void; finished: () => void },
): EngineStreamResponse {
  const encoder = new TextEncoder();
  const iterator = events.chunks[Symbol.asyncIterator]();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    hooks.finished();
  };
  const event = (envelope: unknown) => encoder.encode(`data:${JSON.stringify(envelope)}\n\n`);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode('data:[DONE]\n\n'));
          controller.close();
          finish();
          return;
        }
        controller.enqueue(event({ code: 0, message: 'success', request_id: requestId, data: next.value }));
      } catch (error) {
        if (done) return;
        const detail = error instanceof Error ? error.message : String(error);
        controller.enqueue(
          event({
            code: 1000028,
            message: `the answer failed mid-stream: ${detail}`,
            request_id: requestId,
            data: { generated_answer: '', end: true },
          }),
        );
        controller.enqueue(encoder.encode('data:[DONE]\n\n'));
        controller.close();
        finish();
      }
    },
    async cancel() {
      hooks.abort();
      finish();
      try {
        await iterator.return?.();
      } catch {
        // The producer failed while stopping; the caller is gone anyway.
      }
    },
  });
  return {
    status: 200,
    body: { code: 0, message: 'success', request_id: requestId, data: {} },
    headers: { ...STREAM_HEADERS },
    stream,
  };
}
