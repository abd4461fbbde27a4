import { createParser } from 'eventsource-parser';
import { hintForNetworkFailure, hintForTimeout } from '../errors/hints';
import { NetworkError } from '../errors/NetworkError';
import { TimeoutError } from '../errors/TimeoutError';
import { timerMs } from '../transport/timerMs';
import type { OpenStream } from './openStream';

/**
 * The `data` of the server-sent events of an open stream, in order and in batches (those of one network read), parsed by `eventsource-parser` (so `\n`, `\r\n`
 * and `\r` line ends, `:` comments, `event:`/`id:` lines and chunk boundaries anywhere — even inside a line or a
 * UTF-8 character — are handled). An event still open at the end of the body is delivered too.
 *
 * Reads one network chunk per pull of the consumer, so a slow consumer slows the reads (backpressure reaches the
 * socket). Leaving the loop early (`break`, `return`, a throw in the consumer) cancels the body, which closes the
 * connection. When a read fails it throws the caller's abort reason (after the caller's signal aborted), a
 * TimeoutError (no bytes for `timeoutMs`), or a NetworkError whose message is `cutMessage()`.
 */
export async function* eventData(open: OpenStream, operation: string, cutMessage: () => string) {
  const { response, signal, timeoutMs } = open;
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  const pending: string[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event.data) });
  let timedOut = false;
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop);
  const details = {
    method: 'POST',
    url: open.url,
    requestId: open.requestId,
    attempts: open.attempts,
    status: response.status,
  };
  let finished = false;
  try {
    for (;;) {
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, timerMs(timeoutMs));
      const read = await reader.read().then(
        (result) => result,
        (cause: unknown) => {
          clearTimeout(timer);
          // After an abort or a timeout the read fails (or reads as done) because we cancelled it.
          if (timedOut || signal?.aborted) return { done: true as const, value: undefined };
          throw new NetworkError({
            ...details,
            code: 'NetworkError',
            message: `${cutMessage()}: ${cause instanceof Error ? cause.message : String(cause)}`,
            hint: hintForNetworkFailure(),
            cause,
          });
        },
      );
      clearTimeout(timer);
      signal?.throwIfAborted();
      if (timedOut) {
        throw new TimeoutError({
          ...details,
          code: 'Timeout',
          message: `${operation}: no data for ${timeoutMs} ms in the middle of the stream`,
          hint: hintForTimeout(timeoutMs),
        });
      }
      // Ends the last line and the last event at the end, in case the body stopped without a blank line.
      parser.feed(read.done ? `${decoder.decode()}\n\n` : decoder.decode(read.value, { stream: true }));
      yield pending.splice(0);
      if (read.done) {
        finished = true;
        return;
      }
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    if (!finished) stop();
  }
}
