import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiKey, createVikingClient } from '../../../src/client/index.node';
import { toWire } from '../../../src/client/knowledge/wire';

const encoder = new TextEncoder();

/** A client whose fetch answers with `pieces`, one network chunk each. */
function clientAnswering(pieces: Uint8Array[]) {
  return createVikingClient({
    baseUrl: 'http://stream.test',
    auth: apiKey('k'),
    fetch: async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const piece of pieces) controller.enqueue(piece);
            controller.close();
          },
        }),
        { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
      ),
  });
}

/** Splits `bytes` at the given fractions of its length. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) pieces.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  return pieces;
}

describe('knowledge SSE parsing (property)', () => {
  it('delivers exactly the chunks sent, whatever the line ends, comments and network chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (texts, eol, comments, cuts) => {
          let body = '';
          texts.forEach((text, i) => {
            if (comments) body += `: ping ${i}${eol}event: delta${eol}`;
            const data = { generated_answer: text, ...(i === texts.length - 1 ? { end: true } : {}) };
            body += `data: ${JSON.stringify({ code: 0, request_id: 'p', data })}${eol}${eol}`;
          });
          const client = clientAnswering(split(encoder.encode(body), cuts));
          const stream = await client.knowledge.chatCompletion({ model: 'm', messages: [], stream: true });
          const got: string[] = [];
          for await (const chunk of stream) got.push(chunk.generatedAnswer);
          expect(got).toEqual(texts);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('knowledge wire bodies (property)', () => {
  const camelKey = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(?:[A-Z][a-z0-9]{1,5}){0,2}$/);
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

  it('sends every key the caller set, in snake_case and in order, after the locator; values untouched', () => {
    fc.assert(
      fc.property(fc.dictionary(camelKey, fc.jsonValue(), { maxKeys: 8 }), (params) => {
        const reserved = new Set([
          'tagList',
          'meta',
          'fields',
          'larkFile',
          'dedup',
          'preProcessing',
          'postProcessing',
          'queryParam',
        ]);
        const plain = Object.fromEntries(Object.entries(params).filter(([key]) => !reserved.has(key)));
        const wire = toWire({ collection_name: 'kb' }, plain);
        const expected: Record<string, unknown> = { collection_name: 'kb' };
        for (const [key, value] of Object.entries(plain)) expected[snake(key)] = value;
        expect(Object.keys(wire)).toEqual(Object.keys(expected));
        expect(wire).toEqual(expected);
      }),
    );
  });

  it('converts the keys of nested parameter objects one level deep and leaves filters inside them untouched', () => {
    fc.assert(
      fc.property(fc.dictionary(camelKey, fc.jsonValue(), { maxKeys: 6 }), fc.jsonValue(), (inner, filter) => {
        const wire = toWire({}, { postProcessing: inner, queryParam: { docFilter: filter } });
        const expected = Object.fromEntries(Object.entries(inner).map(([k, v]) => [snake(k), v]));
        expect(wire['post_processing']).toEqual(expected);
        expect(wire['query_param']).toEqual({ doc_filter: filter });
      }),
    );
  });
});
