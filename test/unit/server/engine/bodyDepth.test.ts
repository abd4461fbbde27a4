import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsonTextNestsDeeperThan,
  MAX_BODY_DEPTH,
  nestsDeeperThan,
} from '../../../../src/server/local/engine/BodyReader';
import { createHarness, item, ON_IDX, ON_ITEMS, V } from './engineHarness';

/** A filter nested `levels` `and`s deep, as JSON text (JSON.stringify itself overflows on very deep values). */
function nestedFilter(levels: number): string {
  return `${'{"op":"and","conds":['.repeat(levels)}{"op":"must","field":"n","conds":[1]}${']}'.repeat(levels)}`;
}

function nestedArray(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

describe('request body nesting limit', () => {
  it('nestsDeeperThan counts levels of arrays and objects, recursing no deeper than the limit', () => {
    expect(nestsDeeperThan({}, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [] }, 1)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(JSON.parse(nestedArray(200_000)), 64)).toBe(true);
  });

  it('jsonTextNestsDeeperThan reads the same depth from the text, whatever brackets and quotes strings hold', () => {
    const tricky = fc.oneof(fc.string(), fc.constantFrom('[', ']', '{', '}', '\\"', '\\', '"[{', '\\"]}'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tricky,
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(tricky, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.nat({ max: 6 }), fc.boolean(), (given, max, pretty) => {
        const text = JSON.stringify(given, null, pretty ? 2 : undefined);
        expect(jsonTextNestsDeeperThan(text, max)).toBe(nestsDeeperThan(JSON.parse(text), max));
      }),
      { numRuns: 500 },
    );
    expect(jsonTextNestsDeeperThan(nestedArray(200_000), 64)).toBe(true);
    expect(jsonTextNestsDeeperThan('{"a":"[[[[[[","b":[1,2]}', 2)).toBe(false);
  });

  it('accepts a filter nested 30 levels and answers 400 (not a 500 stack overflow) beyond the limit', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { n: 1 })] });
    const on = JSON.stringify(ON_IDX).slice(1, -1);
    const ok = await h.call(`${V}/search/random`, `{${on},"filter":${nestedFilter(30)}}`);
    expect(ok.status).toBe(200);
    expect(ok.body.result.data).toHaveLength(1);
    for (const levels of [MAX_BODY_DEPTH, 10_000]) {
      for (const path of ['search/random', 'agg']) {
        const answer = await h.call(`${V}/${path}`, `{${on},"op":"count","filter":${nestedFilter(levels)}}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('nested') });
      }
    }
  });

  it('rejects deeply nested memory_info / metadata with 1000003 and writes nothing', async () => {
    const h = await createHarness();
    const deep = nestedArray(20_000);
    const loc = '"collection_name":"mem","project_name":"default"';
    const event = await h.call('/api/memory/event/add', `{${loc},"event_type":"event_v1","memory_info":{"x":${deep}}}`);
    const session = await h.call(
      '/api/memory/session/add',
      `{${loc},"session_id":"s","messages":[{"role":"user","content":"hi"}],"metadata":{"x":${deep}}}`,
    );
    for (const answer of [event, session]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 1000003, message: expect.stringContaining('nested') });
    }
    expect(h.commits).toHaveLength(0);
  });
});
