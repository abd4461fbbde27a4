/**
 * Property: however the server's bytes are cut into reads (inside a line, inside a multi-byte character) and whichever
 * line endings it uses, the chat model yields exactly the deltas that were sent, in order, then the usage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatModelEvent } from '../../../../src/server/local/llm/ChatModel';
import { createOpenAiChatModel } from '../../../../src/server/local/llm/openAiChatModel';
import { chatScript } from './fakeOpenAiServer';

function sseBytes(parts: string[], reasoning: string[], lineEnd: string): Uint8Array {
  const text = chatScript(parts, { reasoning })
    .map((step) =>
      'data' in step ? `data: ${typeof step.data === 'string' ? step.data : JSON.stringify(step.data)}` : '',
    )
    .map((line) => `${line}${lineEnd}${lineEnd}`)
    .join('');
  return new TextEncoder().encode(text);
}

function cutInto(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) pieces.push(bytes.slice(start, point));
    start = Math.max(start, point);
  }
  return pieces;
}

describe('createOpenAiChatModel over arbitrary chunking', () => {
  it('yields the sent deltas in order, then the usage', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(text, { maxLength: 3 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (parts, reasoning, lineEnd, cuts) => {
          const pieces = cutInto(sseBytes(parts, reasoning, lineEnd), cuts);
          const fakeFetch = (async () =>
            new Response(
              new ReadableStream<Uint8Array>({
                start(controller) {
                  for (const piece of pieces) controller.enqueue(piece);
                  controller.close();
                },
              }),
              { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
            )) as typeof fetch;
          const model = createOpenAiChatModel({ url: 'http://127.0.0.1:1/v1', model: 'm', fetch: fakeFetch });
          const events: ChatModelEvent[] = [];
          for await (const event of model.stream({ messages: [{ role: 'user', content: 'q' }] })) events.push(event);
          expect(events).toEqual([
            ...reasoning.map((r) => ({ type: 'reasoning', text: r })),
            ...parts.map((p) => ({ type: 'content', text: p })),
            {
              type: 'usage',
              usage: { promptTokens: 11, completionTokens: parts.length, totalTokens: 11 + parts.length },
            },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
