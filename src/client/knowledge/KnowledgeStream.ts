import { createHttpError } from '../errors/createHttpError';
import { HttpError } from '../errors/HttpError';
import { asRecord, asString, isRecord } from '../shared/read';
import { parseJsonText, summarizeText } from '../transport/envelope';
import { eventData } from './eventStream';
import type { OpenStream } from './openStream';
import type { StreamChunkBase } from './types';

/**
 * A streamed knowledge answer (contract §4): an `AsyncIterable` of typed chunks, read from the server-sent events as
 * the loop pulls them. It ends after the first chunk whose `data` has the `end` key (whatever its value), at a
 * `data: [DONE]` event, or when the body ends. Iterate it once.
 *
 * - `break` (or `return`, or a throw) out of the loop, or `abort()`, closes the connection; no chunk arrives after.
 * - The request's `signal` aborting makes the loop throw the signal's reason.
 * - An error envelope inside the stream (`code` other than 0) throws the matching `HttpError` (code, message,
 *   request id, hint), as a non-2xx answer does before the stream.
 * - A connection that breaks before the end throws a `NetworkError` saying how many chunks had arrived; a stream is
 *   never retried once its answer began.
 */
export class KnowledgeStream<TChunk extends StreamChunkBase> implements AsyncIterable<TChunk> {
  #requestId: string | undefined;
  #open: OpenStream;
  #operation: string;
  #toChunk: (data: Record<string, unknown>, envelope: Record<string, unknown>) => TChunk;
  #chunks = 0;
  #iterated = false;
  #aborted = false;
  #abort = new AbortController();

  constructor(
    open: OpenStream,
    operation: string,
    toChunk: (data: Record<string, unknown>, envelope: Record<string, unknown>) => TChunk,
  ) {
    this.#open = open;
    this.#operation = operation;
    this.#toChunk = toChunk;
    this.#requestId = open.requestId;
  }

  /** The `X-Tt-Logid` of the answer, else the `request_id` of its first chunk. */
  get requestId(): string | undefined {
    return this.#requestId;
  }

  /** How many chunks have been delivered so far. */
  get chunkCount(): number {
    return this.#chunks;
  }

  /** Closes the connection (also of a stream never read); a loop over the stream ends quietly at its next step. */
  abort(): void {
    this.#aborted = true;
    this.#abort.abort();
    if (!this.#iterated) void this.#open.response.body?.cancel().catch(() => undefined);
  }

  /** Iterates the chunks as they arrive (`for await`); a stream can be iterated once. */
  [Symbol.asyncIterator](): AsyncIterator<TChunk> {
    if (this.#iterated) throw new TypeError(`${this.#operation}: a stream is read once`);
    this.#iterated = true;
    return this.#read();
  }

  async *#read(): AsyncGenerator<TChunk, void, undefined> {
    const caller = this.#open.signal;
    const open = {
      ...this.#open,
      signal: caller ? AbortSignal.any([caller, this.#abort.signal]) : this.#abort.signal,
    };
    const cut = () => `${this.#operation}: the stream broke after ${this.#chunks} chunks`;
    try {
      for await (const batch of eventData(open, this.#operation, cut)) {
        for (const text of batch.flatMap(eventTexts)) {
          // Events parsed from one read are not delivered after an abort: the caller asked for no further chunk.
          open.signal.throwIfAborted();
          if (text === '[DONE]') return;
          const envelope = parseJsonText(text);
          if (!isRecord(envelope)) throw this.#badChunk(text);
          const code = envelope['code'];
          if (code !== undefined && code !== 0 && code !== '0' && code !== 'Success') {
            throw createHttpError({
              status: open.response.status,
              bodyText: text,
              headerRequestId: open.requestId,
              method: 'POST',
              url: open.url,
              domain: 'knowledge',
              attempts: open.attempts,
            });
          }
          this.#requestId ??= asString(envelope['request_id']);
          const payload = asRecord(envelope['result'] ?? envelope['data']);
          const chunk = this.#toChunk(payload, envelope);
          this.#chunks++;
          yield chunk;
          if (chunk.isLast) return;
        }
      }
    } catch (error) {
      if (this.#aborted && !caller?.aborted) return;
      throw error;
    }
  }

  #badChunk(text: string): HttpError {
    return new HttpError({
      code: 'InvalidStreamData',
      message: `${this.#operation}: a stream event is not JSON: ${summarizeText(text)}`,
      status: this.#open.response.status,
      requestId: this.#open.requestId,
      method: 'POST',
      url: this.#open.url,
    });
  }
}

/**
 * The JSON texts of one event's data. An event normally carries one envelope; a server that writes `data:` lines
 * without blank lines between them (read line by line by the Python SDK) yields several lines in one event, each an
 * envelope of its own. Empty data is skipped.
 */
function eventTexts(data: string): string[] {
  const text = data.trim();
  if (text === '') return [];
  if (!text.includes('\n') || parseJsonText(text) !== undefined) return [text];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The text of a stream: its `generatedAnswer` deltas joined. Consumes the stream. */
export async function collectText(stream: AsyncIterable<StreamChunkBase>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.generatedAnswer;
  return text;
}

/**
 * A stream of knowledge chunks as server-sent events (`data: <envelope JSON>\n\n`, one per chunk, the same format the
 * service sends), for returning from a route handler: `new Response(toReadableStream(stream), { headers:
 * { 'Content-Type': 'text/event-stream' } })`. Pull-based: a chunk is read when the reader asks; cancelling the
 * readable stream closes the upstream connection. A failed stream errors the readable stream.
 */
export function toReadableStream(stream: AsyncIterable<StreamChunkBase>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<StreamChunkBase> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= stream[Symbol.asyncIterator]();
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`data: ${JSON.stringify(next.value.envelope)}\n\n`));
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
