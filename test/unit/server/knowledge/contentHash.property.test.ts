/**
 * `doc_hash` is stored and compared by content dedup, so the one-pass hash must equal the original four passes of
 * `fnv1a` (kept below) for any bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../../src/server/local/embedder/fnv1a';
import { contentHash } from '../../../../src/server/local/engine/knowledge/DocumentProcessor';

function referenceContentHash(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  return [0, 1, 2, 3]
    .map((seed) =>
      fnv1a(text, 0x811c9dc5 ^ (seed * 0x9e3779b9))
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
}

describe('contentHash', () => {
  it('equals the four-pass reference for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(contentHash(bytes)).toBe(referenceContentHash(bytes));
      }),
      { numRuns: 500 },
    );
    const text = new TextEncoder().encode('# Title\n\nSome text, 中文 and 😀.');
    expect(contentHash(text)).toBe(referenceContentHash(text));
    expect(contentHash(new Uint8Array())).toBe(referenceContentHash(new Uint8Array()));
  });
});
