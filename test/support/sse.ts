/** Reads a knowledge stream answer (knowledge api doc §4) into its `data:` payloads, checking the line format. */

/** One parsed event: the JSON envelope, or the `[DONE]` marker. */
export type SseEvent = { done: true } | { done: false; envelope: Record<string, unknown> };

/** Splits an SSE body into events; throws when a non-empty line is not a single-line `data:` event. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    if (block === '') continue;
    if (block.includes('\n')) throw new Error(`multi-line event: ${JSON.stringify(block.slice(0, 200))}`);
    if (!block.startsWith('data:')) throw new Error(`not a data: line: ${JSON.stringify(block.slice(0, 200))}`);
    const payload = block.slice(5);
    events.push(
      payload === '[DONE]' ? { done: true } : { done: false, envelope: JSON.parse(payload) as Record<string, unknown> },
    );
  }
  return events;
}

/** The `data` objects of the envelopes, in order (the `[DONE]` marker left out). */
export function sseData(events: readonly SseEvent[]): Array<Record<string, unknown>> {
  return events.flatMap((event) => (event.done ? [] : [event.envelope['data'] as Record<string, unknown>]));
}
