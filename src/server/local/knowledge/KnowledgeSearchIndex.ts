/**
 * The retrieval structure of one knowledge collection, rebuilt from its points whenever they changed since the last
 * search: a dense matrix (one normalized row per point) and a BM25 inverted index (term → postings) over
 * `chunk_title`, `content` and `question`. Searching scores only the points of allowed documents.
 *
 * Hybrid score = `denseWeight · cosine + (1 − denseWeight) · bm25 / max bm25` (BM25 normalized by the best BM25
 * score among the allowed points, so both parts lie in [0, 1]).
 */
import { DEFAULT_BM25_B, DEFAULT_BM25_K1 } from '../engine/vector/bm25';
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
  private readonly matrix: Float32Array;
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
    this.matrix = new Float32Array(n * dim);
    this.lengths = new Float32Array(n);
    const lists = new Map<string, number[]>();
    let total = 0;
    this.points.forEach((point, slot) => {
      const vector = point.vector;
      if (vector.length === dim) this.matrix.set(vector, slot * dim);
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
    let best = 0;
    for (let slot = 0; slot < n; slot++) if (allowed[slot] && keyword[slot]! > best) best = keyword[slot]!;
    const w = options.denseWeight;
    const dim = this.dim;
    const scores: Array<{ slot: number; score: number }> = [];
    for (let slot = 0; slot < n; slot++) {
      if (!allowed[slot]) continue;
      let dot = 0;
      const base = slot * dim;
      for (let i = 0; i < dim; i++) dot += this.matrix[base + i]! * vector[i]!;
      const dense = Math.max(0, dot);
      const lexical = best > 0 ? keyword[slot]! / best : 0;
      const score = w * dense + (1 - w) * lexical;
      if (score > 0) scores.push({ slot, score });
    }
    scores.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.slot - b.slot));
    return scores.slice(0, options.count).map(({ slot, score }) => ({ point: this.points[slot]!, score }));
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
