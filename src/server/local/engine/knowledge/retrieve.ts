/**
 * The retrieval pipeline shared by `collection/search`, `collection/search_knowledge` and `service/chat`:
 *
 * 1. documents kept by `doc_filter` (filter DSL over tags and `doc_id`; all when absent);
 * 2. hybrid recall over their points (see `KnowledgeSearchIndex`), `retrieveCount` candidates (at least `limit`);
 * 3. with rerank: each candidate scored against the query (cosine of sparse token vectors, in [0, 1]), those below
 *    `rerankThreshold` dropped, ordered by `rerank_score`;
 * 4. the first `limit`;
 * 5. `chunkDiffusionCount` > 0: each hit is followed by its doc's neighbouring chunks (chunk id ± n) not already in
 *    the list, with the hit's scores;
 * 6. `chunkGroup`: hits of one doc together (docs in order of their best hit), in chunk order.
 */
import { sparseDot } from '../vector/distance';
import type { EngineContext } from '../EngineContext';
import { filterDocs } from './docFilter';
import { pointText, type KnowledgeCollection } from './KnowledgeCollection';
import type { PointRecord } from './KnowledgeRecords';

/** Retrieval settings of one call. */
export interface RetrievalParams {
  query: string;
  limit: number;
  denseWeight: number;
  retrieveCount: number;
  rerankSwitch: boolean;
  rerankThreshold: number;
  chunkDiffusionCount: number;
  chunkGroup: boolean;
  /** Raw `doc_filter`, and its path for messages. */
  docFilter?: { raw: unknown; path: string } | undefined;
}

/** One retrieved point. */
export interface RetrievedPoint {
  point: PointRecord;
  score: number;
  rerankScore?: number | undefined;
  /** 0-based position in the recall. */
  recallPosition: number;
  /** 0-based position after rerank. */
  rerankPosition?: number | undefined;
}

/** What a retrieval returns. */
export interface Retrieval {
  items: RetrievedPoint[];
  embeddingTokens: number;
  rerankTokens: number;
}

export async function retrieve(
  context: EngineContext,
  collection: KnowledgeCollection,
  params: RetrievalParams,
): Promise<Retrieval> {
  const kept = params.docFilter ? filterDocs(collection, params.docFilter.raw, params.docFilter.path) : undefined;
  const { model, dim } = collection.config.embedding;
  const [vector] = await context.embedder.embedDense([params.query], { model, dim });
  const embeddingTokens = context.embedder.countTokens(params.query);
  const recalled = collection.searchIndex().search(params.query, vector!, {
    denseWeight: params.denseWeight,
    count: params.rerankSwitch ? Math.max(params.retrieveCount, params.limit) : params.limit,
    allowed: kept ? (point) => kept.has(point.doc_id) : undefined,
  });
  let items: RetrievedPoint[] = recalled.map((hit, i) => ({ point: hit.point, score: hit.score, recallPosition: i }));
  let rerankTokens = 0;
  if (params.rerankSwitch && items.length > 0) {
    const texts = items.map((item) => pointText(item.point));
    const [queryVector, ...vectors] = await context.embedder.embedSparse([params.query, ...texts], { model: 'rerank' });
    rerankTokens = texts.reduce((sum, text) => sum + context.embedder.countTokens(text), embeddingTokens);
    items = items
      .map((item, i) => ({ ...item, rerankScore: Math.min(1, Math.max(0, sparseDot(queryVector!, vectors[i]!))) }))
      .filter((item) => item.rerankScore >= params.rerankThreshold)
      .sort((a, b) =>
        a.rerankScore !== b.rerankScore ? b.rerankScore - a.rerankScore : a.recallPosition - b.recallPosition,
      )
      .map((item, i) => ({ ...item, rerankPosition: i }));
  }
  items = items.slice(0, params.limit);
  if (params.chunkDiffusionCount > 0) items = diffuse(collection, items, params.chunkDiffusionCount);
  if (params.chunkGroup) items = group(items);
  return { items, embeddingTokens, rerankTokens };
}

function diffuse(collection: KnowledgeCollection, items: RetrievedPoint[], count: number): RetrievedPoint[] {
  const present = new Set(items.map((item) => item.point.point_id));
  const result: RetrievedPoint[] = [];
  for (const item of items) {
    result.push(item);
    const siblings = collection.pointsOf(item.point.doc_id);
    const at = siblings.findIndex((point) => point.point_id === item.point.point_id);
    for (let i = Math.max(0, at - count); i <= Math.min(siblings.length - 1, at + count); i++) {
      const neighbour = siblings[i]!;
      if (present.has(neighbour.point_id)) continue;
      present.add(neighbour.point_id);
      result.push({ ...item, point: neighbour });
    }
  }
  return result;
}

function group(items: RetrievedPoint[]): RetrievedPoint[] {
  const byDoc = new Map<string, RetrievedPoint[]>();
  for (const item of items) {
    const list = byDoc.get(item.point.doc_id);
    if (list) list.push(item);
    else byDoc.set(item.point.doc_id, [item]);
  }
  return [...byDoc.values()].flatMap((list) => list.sort((a, b) => a.point.chunk_id - b.point.chunk_id));
}
