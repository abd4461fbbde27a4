/**
 * The retrieval structure of one knowledge collection, rebuilt from its points whenever they changed since the last
 * search: a dense matrix (one normalized row per point) and a BM25 inverted index (term → postings) over
 * `chunk_title`, `content` and `question`. Searching scores only the points of allowed documents.
 *
 * Hybrid score = `denseWeight · cosine + (1 − denseWeight) · bm25 / max bm25` (BM25 normalized by the best BM25
 * score among the allowed points, so both parts lie in [0, 1]).
 */
import { DEFAULT_BM25_B, DEFAULT_BM25_K1 } from '../engine/vector/bm25';
import { scoreSlot } from '../engine/vector/distance';
import { TopK } from '../engine/vector/TopK';
import { VectorMatrix } from '../engine/vector/VectorMatrix';
import { tokenize } from '../embedder/tokenize';
import type { PointRecord } from './KnowledgeRecords';

/** Term frequencies and token count of one point's text. */
export interface PointTerms {
  tf: Map<string, number>;
  length: number;
}

/** A scored candidate. */
export interface ScoredPoint {
  point: PointRecord;
  score: number;
}

export class KnowledgeSearchIndex {
  readonly points: PointRecord[];
  private readonly matrix: VectorMatrix;
  private readonly postings = new Map<string, { slots: Int32Array; tfs: Float32Array }>();
  private readonly lengths: Float32Array;
  private readonly avgdl: number;

  constructor(
    points: readonly PointRecord[],
    termsOf: (point: PointRecord) => PointTerms,
    readonly dim: number,
  ) {
    this.points = [...points];
    const n = this.points.length;
    this.matrix = new VectorMatrix(dim, Math.max(1, n));
    this.lengths = new Float32Array(n);
    const lists = new Map<string, number[]>();
    let total = 0;
    this.points.forEach((point, slot) => {
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

  /**
   * The `count` best points by hybrid score among those `allowed` (all when undefined), best first; ties keep
   * storage order. Points scoring 0 on both parts are left out.
   */
  search(
    query: string,
    vector: Float32Array,
    options: { denseWeight: number; count: number; allowed?: ((point: PointRecord) => boolean) | undefined },
  ): ScoredPoint[] {
    const n = this.points.length;
    const allowed = new Uint8Array(n);
    for (let slot = 0; slot < n; slot++)
      allowed[slot] = options.allowed === undefined || options.allowed(this.points[slot]!) ? 1 : 0;
    const keyword = this.bm25(query, allowed);
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

  private bm25(query: string, allowed: Uint8Array): Float32Array {
    const n = this.points.length;
    const scores = new Float32Array(n);
    const k1 = DEFAULT_BM25_K1;
    const b = DEFAULT_BM25_B;
    for (const term of new Set(tokenize(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.slots.length + 0.5) / (list.slots.length + 0.5));
      for (let i = 0; i < list.slots.length; i++) {
        const slot = list.slots[i]!;
        if (!allowed[slot]) continue;
        const tf = list.tfs[i]!;
        const norm = k1 * (1 - b + (b * this.lengths[slot]!) / this.avgdl);
        scores[slot] = scores[slot]! + (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
