/**
 * Ranking of memory search. With a `query`: score = 0.6 · max(0, cosine of local-embedder vectors (dim 256)) +
 * 0.4 · keyword overlap (share of the query's tokens found in the memory), best first, ties newest first. Without a
 * query: newest first with score 1. With `time_decay_config.enable`, scores are multiplied by
 * 0.5^(age / half-life), half-life `time_decay_config.half_life_days` (local extension, default 30 days).
 */
import type { Embedder } from '../../embedder/Embedder';
import { tokenize } from '../../embedder/tokenize';
import type { MemoryItem } from './MemoryRecords';

/** Dimension of the vectors memory search compares. */
export const MEMORY_EMBEDDING_DIM = 256;
/** Default half-life of time decay. */
export const DEFAULT_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

const vectorCache = new WeakMap<MemoryItem, Float32Array>();

/** The text a memory is searched by: its memory_info values. */
export function memoryText(item: MemoryItem): string {
  return Object.values(item.memory_info)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(' ');
}

async function vectorsOf(items: readonly MemoryItem[], embedder: Embedder): Promise<Float32Array[]> {
  const missing = items.filter((item) => !vectorCache.has(item));
  if (missing.length > 0) {
    const vectors = await embedder.embedDense(missing.map(memoryText), { model: 'memory', dim: MEMORY_EMBEDDING_DIM });
    missing.forEach((item, i) => vectorCache.set(item, vectors[i]!));
  }
  return items.map((item) => vectorCache.get(item)!);
}

/** Ranks items; returns the best `limit` with their scores. */
export async function rankMemories(
  items: readonly MemoryItem[],
  options: { query: string | undefined; limit: number; now: number; decayHalfLifeDays: number | undefined },
  embedder: Embedder,
): Promise<Array<{ item: MemoryItem; score: number }>> {
  const decay = (item: MemoryItem): number =>
    options.decayHalfLifeDays === undefined
      ? 1
      : Math.pow(0.5, Math.max(0, options.now - item.time) / (options.decayHalfLifeDays * DAY_MS));
  const query = options.query?.trim();
  let scored: Array<{ item: MemoryItem; score: number }>;
  if (!query) {
    scored = items.map((item) => ({ item, score: decay(item) }));
    scored.sort((a, b) => b.item.time - a.item.time || (a.item.id < b.item.id ? -1 : 1));
  } else {
    const [queryVector] = await embedder.embedDense([query], { model: 'memory', dim: MEMORY_EMBEDDING_DIM });
    const queryTokens = new Set(tokenize(query));
    const vectors = await vectorsOf(items, embedder);
    scored = items.map((item, i) => {
      let dot = 0;
      const vector = vectors[i]!;
      for (let d = 0; d < MEMORY_EMBEDDING_DIM; d++) dot += vector[d]! * queryVector![d]!;
      const tokens = new Set(tokenize(memoryText(item)));
      let shared = 0;
      for (const token of queryTokens) if (tokens.has(token)) shared++;
      const overlap = queryTokens.size === 0 ? 0 : shared / queryTokens.size;
      return { item, score: (0.6 * Math.max(0, dot) + 0.4 * overlap) * decay(item) };
    });
    scored.sort((a, b) => b.score - a.score || b.item.time - a.item.time || (a.item.id < b.item.id ? -1 : 1));
  }
  return scored.slice(0, options.limit);
}
