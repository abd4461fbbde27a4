/**
 * The knowledge search index is updated point by point; after any sequence of adds, updates and removals (docs
 * added, re-added, deleted, points edited, enough removals to compact) it must answer every search exactly like an
 * index built from scratch over the same points in the same order: same points, same scores, same tie order. The
 * from-scratch index is the original implementation, kept below as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BM25_B, DEFAULT_BM25_K1 } from '../../../../src/server/local/engine/vector/bm25';
import { scoreSlot } from '../../../../src/server/local/engine/vector/distance';
import { TopK } from '../../../../src/server/local/engine/vector/TopK';
import { VectorMatrix } from '../../../../src/server/local/engine/vector/VectorMatrix';
import { hashDense } from '../../../../src/server/local/embedder/hashingEmbedder';
import { termFrequencies, tokenize } from '../../../../src/server/local/embedder/tokenize';
import {
  KnowledgeSearchIndex,
  type PointTerms,
} from '../../../../src/server/local/engine/knowledge/KnowledgeSearchIndex';
import type { PointRecord } from '../../../../src/server/local/engine/knowledge/KnowledgeRecords';

/** The original index: built in full from the points, in order. */
class ReferenceIndex {
  private readonly matrix: VectorMatrix;
  private readonly postings = new Map<string, { slots: Int32Array; tfs: Float32Array }>();
  private readonly lengths: Float32Array;
  private readonly avgdl: number;

  constructor(
    readonly points: PointRecord[],
    termsOf: (point: PointRecord) => PointTerms,
    dim: number,
  ) {
    const n = points.length;
    this.matrix = new VectorMatrix(dim, Math.max(1, n));
    this.lengths = new Float32Array(n);
    const lists = new Map<string, number[]>();
    let total = 0;
    points.forEach((point, slot) => {
      this.matrix.set(slot, point.vector);
      const terms = termsOf(point);
      this.lengths[slot] = terms.length;
      total += terms.length;
      for (const [term, count] of terms.tf) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = []));
        list.push(slot, count);
      }
    });
    for (const [term, list] of lists) {
      const slots = new Int32Array(list.length / 2);
      const tfs = new Float32Array(list.length / 2);
      for (let i = 0; i < slots.length; i++) {
        slots[i] = list[2 * i]!;
        tfs[i] = list[2 * i + 1]!;
      }
      this.postings.set(term, { slots, tfs });
    }
    this.avgdl = n > 0 ? total / n : 1;
  }

  search(
    query: string,
    vector: Float32Array,
    options: { denseWeight: number; count: number; allowed?: ((point: PointRecord) => boolean) | undefined },
  ) {
    const n = this.points.length;
    const allowed = new Uint8Array(n);
    for (let slot = 0; slot < n; slot++)
      allowed[slot] = options.allowed === undefined || options.allowed(this.points[slot]!) ? 1 : 0;
    const keyword = new Float32Array(n);
    for (const term of new Set(tokenize(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.slots.length + 0.5) / (list.slots.length + 0.5));
      for (let i = 0; i < list.slots.length; i++) {
        const slot = list.slots[i]!;
        if (!allowed[slot]) continue;
        const tf = list.tfs[i]!;
        const norm = DEFAULT_BM25_K1 * (1 - DEFAULT_BM25_B + (DEFAULT_BM25_B * this.lengths[slot]!) / this.avgdl);
        keyword[slot] = keyword[slot]! + (idf * tf * (DEFAULT_BM25_K1 + 1)) / (tf + norm);
      }
    }
    let bestKeyword = 0;
    for (let slot = 0; slot < n; slot++)
      if (allowed[slot] && keyword[slot]! > bestKeyword) bestKeyword = keyword[slot]!;
    const w = options.denseWeight;
    const best = new TopK(options.count, true);
    for (let slot = 0; slot < n; slot++) {
      if (!allowed[slot]) continue;
      const dense = w > 0 ? Math.max(0, scoreSlot('ip', this.matrix, slot, vector, 1)) : 0;
      const lexical = bestKeyword > 0 ? keyword[slot]! / bestKeyword : 0;
      const score = w * dense + (1 - w) * lexical;
      if (score > 0) best.push(slot, score);
    }
    return best.sorted().map(({ slot, score }) => ({ point: this.points[slot]!, score }));
  }
}

const DIM = 16;
/** A small vocabulary, so texts share words, repeat exactly and tie. */
const WORDS = ['vector', 'index', 'chunk', 'doc', 'search', 'rerank', 'lmdb', 'stream', '检索', '向量'];

function termsOf(text: string): PointTerms {
  const tokens = tokenize(text);
  return { tf: termFrequencies(tokens), length: tokens.length };
}

function pointOf(docId: string, chunkId: number, text: string): PointRecord {
  return {
    point_id: `${docId}-${chunkId}`,
    doc_id: docId,
    chunk_id: chunkId,
    chunk_type: 'text',
    chunk_title: '',
    content: text,
    process_time: 0,
    update_time: 0,
    vector: Array.from(hashDense(text, DIM)),
  };
}

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((words) => words.join(' '));
const docId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('add' as const), docId, texts: fc.array(text, { maxLength: 30 }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), docId }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('edit' as const), docId, chunk: fc.nat(30), text }) },
);
const query = fc.record({
  text,
  denseWeight: fc.constantFrom(0, 0.3, 0.5, 1),
  count: fc.integer({ min: 1, max: 40 }),
  docs: fc.option(fc.subarray(['a', 'b', 'c', 'd', 'e', 'f'])),
});

/** Applies operations to a Map (the collection's point order) and to the incremental index alike. */
function replay(operations: readonly Operation[]) {
  const points = new Map<string, PointRecord>();
  const index = new KnowledgeSearchIndex(DIM);
  const put = (point: PointRecord) => {
    points.set(point.point_id, point);
    index.upsert(point.point_id, point, termsOf(point.content));
  };
  const removeDoc = (id: string) => {
    for (const point of [...points.values()])
      if (point.doc_id === id) {
        points.delete(point.point_id);
        index.remove(point.point_id);
      }
  };
  for (const operation of operations) {
    if (operation.op === 'add') {
      removeDoc(operation.docId);
      operation.texts.forEach((content, i) => put(pointOf(operation.docId, i + 1, content)));
    } else if (operation.op === 'delete') removeDoc(operation.docId);
    else if (points.has(`${operation.docId}-${operation.chunk}`))
      put(pointOf(operation.docId, operation.chunk, operation.text));
  }
  return { points, index };
}

type Operation =
  | { op: 'add'; docId: string; texts: string[] }
  | { op: 'delete'; docId: string }
  | { op: 'edit'; docId: string; chunk: number; text: string };

function expectSameResults(points: Map<string, PointRecord>, index: KnowledgeSearchIndex, queries: Query[]): void {
  const reference = new ReferenceIndex([...points.values()], (point) => termsOf(point.content), DIM);
  expect(index.size).toBe(points.size);
  for (const q of queries) {
    const allowed = q.docs === null ? undefined : (point: PointRecord) => q.docs!.includes(point.doc_id);
    const options = { denseWeight: q.denseWeight, count: q.count, allowed };
    const vector = hashDense(q.text, DIM);
    const simplify = (hits: Array<{ point: PointRecord; score: number }>) =>
      hits.map((hit) => [hit.point.point_id, hit.score]);
    expect(simplify(index.search(q.text, vector, options))).toEqual(
      simplify(reference.search(q.text, vector, options)),
    );
  }
}

type Query = { text: string; denseWeight: number; count: number; docs: string[] | null };

describe('KnowledgeSearchIndex (incremental)', () => {
  it('answers like an index built from scratch after any adds, edits and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 25 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        (ops, queries) => {
          const { points, index } = replay(ops);
          expectSameResults(points, index, queries);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still does after enough removals to compact its holes', () => {
    fc.assert(
      fc.property(
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (queries, seed) => {
          const words = (i: number) => [WORDS[(i * 7 + seed) % 10]!, WORDS[(i * 3) % 10]!, WORDS[i % 10]!].join(' ');
          const ops: Operation[] = [];
          for (let d = 0; d < 6; d++)
            ops.push({ op: 'add', docId: 'abcdef'[d]!, texts: Array.from({ length: 120 }, (_, i) => words(i + d)) });
          ops.push({ op: 'delete', docId: 'b' }, { op: 'delete', docId: 'd' }, { op: 'delete', docId: 'a' });
          ops.push({ op: 'edit', docId: 'c', chunk: 5, text: words(seed) });
          ops.push({ op: 'delete', docId: 'e' }, { op: 'add', docId: 'a', texts: [words(1), words(2)] });
          const { points, index } = replay(ops);
          expectSameResults(points, index, queries);
        },
      ),
      { numRuns: 20 },
    );
  });
});
