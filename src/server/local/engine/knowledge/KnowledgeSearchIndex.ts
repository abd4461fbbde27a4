/**
 * The retrieval structure of one knowledge collection, kept up to date point by point: a dense matrix (one row per
 * point) and a BM25 inverted index (term → postings) over `chunk_title`, `content` and `question`. Searching
 * scores only the points of allowed documents.
 *
 * Hybrid score = `denseWeight · cosine + (1 − denseWeight) · bm25 / max bm25` (BM25 normalized by the best BM25
 * score among the allowed points, so both parts lie in [0, 1]).
 *
 * Slots follow the collection's point order (a `Map`'s insertion order): a new point takes the next slot, an
 * updated point keeps its slot, a removed point leaves a hole (skipped by searches; its postings stay until the
 * holes outnumber the points, when everything is compacted in order). So adding or removing a doc's points costs
 * time in proportion to those points, and a search gives exactly what an index built from scratch over the same
 * points would give (same scores, ties in point order).
 */
import { DEFAULT_BM25_B, DEFAULT_BM25_K1 } from '../vector/bm25';
import { scoreSlot } from '../vector/distance';
import { TopK } from '../vector/TopK';
import { VectorMatrix } from '../vector/VectorMatrix';
import { tokenize } from '../../embedder/tokenize';
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

/** The slots holding one term, with its frequency there; `live` counts those whose point is still present. */
interface Postings {
  slots: number[];
  tfs: number[];
  live: number;
}

/** Holes are compacted away once there are more of them than this and than live points. */
const MIN_HOLES_TO_COMPACT = 256;

export class KnowledgeSearchIndex {
  /** Point of each slot (`undefined`: a hole). */
  private slotPoints: Array<PointRecord | undefined> = [];
  private slotTerms: Array<PointTerms | undefined> = [];
  private slotIds: Array<string | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private matrix: VectorMatrix;
  private postings = new Map<string, Postings>();
  private totalLength = 0;
  private holes = 0;

  constructor(readonly dim: number) {
    this.matrix = new VectorMatrix(dim);
  }

  /** Number of points indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Adds the point of key `id` (next slot) or replaces it (same slot). */
  upsert(id: string, point: PointRecord, terms: PointTerms): void {
    const existing = this.slotOf.get(id);
    if (existing !== undefined) {
      this.unpost(existing, true);
      this.place(existing, id, point, terms);
      return;
    }
    const slot = this.slotPoints.length;
    this.slotOf.set(id, slot);
    this.place(slot, id, point, terms);
  }

  /** Removes the point of key `id` (no-op when absent). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.unpost(slot, false);
    this.slotPoints[slot] = undefined;
    this.slotTerms[slot] = undefined;
    this.slotIds[slot] = undefined;
    this.holes++;
    if (this.holes > MIN_HOLES_TO_COMPACT && this.holes > this.slotOf.size) this.compact();
  }

  private place(slot: number, id: string, point: PointRecord, terms: PointTerms): void {
    this.slotPoints[slot] = point;
    this.slotTerms[slot] = terms;
    this.slotIds[slot] = id;
    this.matrix.set(slot, point.vector);
    this.totalLength += terms.length;
    for (const [term, count] of terms.tf) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = { slots: [], tfs: [], live: 0 }));
      list.slots.push(slot);
      list.tfs.push(count);
      list.live++;
    }
  }

  /**
   * Takes a slot's terms out of the counts; with `erase` (the slot is about to get other terms) out of the posting
   * lists too, otherwise its entries stay behind a hole until the next compaction.
   */
  private unpost(slot: number, erase: boolean): void {
    const terms = this.slotTerms[slot];
    if (!terms) return;
    this.totalLength -= terms.length;
    for (const term of terms.tf.keys()) {
      const list = this.postings.get(term)!;
      list.live--;
      if (erase) {
        const at = list.slots.lastIndexOf(slot);
        list.slots.splice(at, 1);
        list.tfs.splice(at, 1);
      }
      if (list.slots.length === 0) this.postings.delete(term);
    }
  }

  /** Rebuilds the slots without holes, in the same order. */
  private compact(): void {
    const points = this.slotPoints;
    const terms = this.slotTerms;
    const ids = this.slotIds;
    this.slotPoints = [];
    this.slotTerms = [];
    this.slotIds = [];
    this.slotOf.clear();
    this.matrix = new VectorMatrix(this.dim, Math.max(16, points.length - this.holes));
    this.postings = new Map();
    this.totalLength = 0;
    this.holes = 0;
    points.forEach((point, slot) => {
      if (point) this.upsert(ids[slot]!, point, terms[slot]!);
    });
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
    const slots = this.slotPoints.length;
    const allowed = new Uint8Array(slots);
    for (let slot = 0; slot < slots; slot++) {
      const point = this.slotPoints[slot];
      allowed[slot] = point !== undefined && (options.allowed === undefined || options.allowed(point)) ? 1 : 0;
    }
    const keyword = this.bm25(query, allowed);
    let bestKeyword = 0;
    for (let slot = 0; slot < slots; slot++)
      if (allowed[slot] && keyword[slot]! > bestKeyword) bestKeyword = keyword[slot]!;
    const w = options.denseWeight;
    const best = new TopK(options.count, true);
    for (let slot = 0; slot < slots; slot++) {
      if (!allowed[slot]) continue;
      const dense = w > 0 ? Math.max(0, scoreSlot('ip', this.matrix, slot, vector, 1)) : 0;
      const lexical = bestKeyword > 0 ? keyword[slot]! / bestKeyword : 0;
      const score = w * dense + (1 - w) * lexical;
      if (score > 0) best.push(slot, score);
    }
    return best.sorted().map(({ slot, score }) => ({ point: this.slotPoints[slot]!, score }));
  }

  private bm25(query: string, allowed: Uint8Array): Float32Array {
    const n = this.slotOf.size;
    const scores = new Float32Array(this.slotPoints.length);
    const avgdl = n > 0 ? this.totalLength / n : 1;
    const k1 = DEFAULT_BM25_K1;
    const b = DEFAULT_BM25_B;
    for (const term of new Set(tokenize(query))) {
      const list = this.postings.get(term);
      if (!list || list.live === 0) continue;
      const idf = Math.log(1 + (n - list.live + 0.5) / (list.live + 0.5));
      for (let i = 0; i < list.slots.length; i++) {
        const slot = list.slots[i]!;
        if (!allowed[slot]) continue;
        const tf = list.tfs[i]!;
        const norm = k1 * (1 - b + (b * this.slotTerms[slot]!.length) / avgdl);
        scores[slot] = scores[slot]! + (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
