import { createParser } from 'eventsource-parser';
import type { OpenStream } from './transport';

/**
 * The `data` of each server-sent event of an open stream, in order, parsed by `eventsource-parser` (so `\n`, `\r\n`
 * and `\r` line ends, `:` comments, `event:`/`id:` lines and chunk boundaries anywhere — even inside a line or a
 * UTF-8 character — are handled). An event still open at the end of the body is delivered too.
 *
 * Reads one network chunk per pull of the consumer (a slow consumer slows the reads: backpressure reaches the
 * socket). Leaving the loop early (`break`, `return`, a throw in the consumer) cancels the body and closes the
 * connection. A failed read throws `open.interrupted(cause, cutMessage())`: the caller's abort reason, a
 * TimeoutError after `timeoutMs` without data, else a NetworkError.
 */
export async function* eventData(open: OpenStream, cutMessage: () => string): AsyncGenerator<string, void, undefined> {
  const body = open.response.body;
  if (!body) {
    open.close();
    return;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: string[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event.data) });
  let finished = false;
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (cause) {
        throw open.interrupted(cause, cutMessage());
      }
      open.touch();
      if (read.done) {
        // Ends the last line and the last event, in case the body stopped without a blank line.
        parser.feed(`${decoder.decode()}\n\n`);
      } else {
        parser.feed(decoder.decode(read.value, { stream: true }));
      }
      while (pending.length > 0) {
        // Events parsed from one read are not delivered after an abort: the caller asked for no further chunk.
        if (open.signal.aborted) throw open.interrupted(open.signal.reason, cutMessage());
        yield pending.shift()!;
      }
      if (read.done) {
        finished = true;
        return;
      }
    }
  } finally {
    if (!finished) void reader.cancel().catch(() => undefined);
    open.close();
  }
}
