/**
 * The seam for an optional approximate nearest-neighbour index next to an index's exact {@link VectorMatrix}. The
 * engine only knows this interface (no Node built-ins, no native package): an implementation is passed to
 * `createLocalEngine` as `annFactory` (on Node, `createLocalServer` passes a usearch HNSW one for indexes whose
 * config has `ann`). Without a factory every index searches exactly.
 *
 * Labels are stable numbers the {@link VectorIndex} assigns per stored vector (slots move on removal; labels do not).
 * The approximate index only proposes candidates: the engine re-scores them exactly, so scores are never approximate.
 */
import type { AnnConfig, Distance } from '../../config/schema';

/** What a factory is asked to build. */
export interface ApproximateIndexSpec {
  collection: string;
  index: string;
  dim: number;
  distance: Distance;
  ann: AnnConfig;
}

export interface ApproximateIndex {
  /** Adds vectors under new labels (each label is added once; vectors are copies the index may keep). */
  add(labels: readonly number[], vectors: readonly Float32Array[]): void;
  /** Removes a label (a no-op when absent). */
  remove(label: number): void;
  /** Up to `k` labels near `query`, best first. */
  search(query: Float32Array, k: number): number[];
}

/** Builds the approximate index of one index. */
export type ApproximateIndexFactory = (spec: ApproximateIndexSpec) => ApproximateIndex;
