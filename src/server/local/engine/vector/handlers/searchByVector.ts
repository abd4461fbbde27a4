/**
 * `POST /api/vikingdb/data/search/vector` (api doc §3.7): exact (recall 1.0) nearest-neighbour search.
 *
 * - `dense_vector` only: score by the index distance (see `distance.ts`; l2 = squared distance, nearest first).
 * - `sparse_vector` only: sparse dot product (needs an index with a sparse field).
 * - both (hybrid): `dense_weight · dense + (1 − dense_weight) · sparse`, `advance.dense_weight` default 0.5 in
 *   [0.2, 1]; hybrid needs an ip or cosine index.
 * `ann_score` equals `score`. `tensor_rerank` is ignored. Dense-only searches go through `rankDense` (approximate
 * candidates, exact scores, when the index has `ann`); sparse and hybrid searches are always exact.
 */
import { invalid, missing } from '../../EngineError';
import type { Handler } from '../../EngineContext';
import { isJsonObject } from '../../BodyReader';
import { higherIsBetter, norm, scoreSlot, sparseDot } from '../distance';
import { FINITE_FLOAT32, isFiniteFloat32 } from '../../float32';
import { shorten } from '../../quote';
import { resolveIndex } from '../resolveCollection';
import { rankDense } from '../denseSearch';
import { candidateSlots, rank, readDenseVector, readSearchBase, searchResult } from '../searchBase';

function readSparse(raw: unknown): Record<string, number> {
  if (!isJsonObject(raw)) throw invalid('sparse_vector must be an object mapping tokens to weights');
  for (const [token, weight] of Object.entries(raw))
    if (!isFiniteFloat32(weight)) throw invalid(`sparse_vector.${shorten(token)} ${FINITE_FLOAT32}`);
  return raw as Record<string, number>;
}

export const searchByVector: Handler = async (context, body) => {
  const { index } = resolveIndex(context, body);
  const base = readSearchBase(body, index);
  const rawDense = body.raw('dense_vector');
  const rawSparse = body.raw('sparse_vector');
  if (rawDense === undefined && rawSparse === undefined) throw missing('dense_vector', 'or sparse_vector is required');
  const dense = rawDense === undefined ? undefined : readDenseVector(rawDense, index.schema.dim, 'dense_vector');
  const sparse = rawSparse === undefined ? undefined : readSparse(rawSparse);
  if (sparse && index.schema.sparseField === undefined)
    throw invalid(`sparse_vector: index '${index.schema.name}' has no sparse vector field`);
  if (dense && sparse && index.schema.distance === 'l2')
    throw invalid('sparse_vector: hybrid search needs an ip or cosine index (l2 distances cannot be mixed)');
  if (dense && !sparse) {
    const { ranked, matched } = rankDense(index, base, dense, context.now());
    return searchResult(index, ranked, base, matched);
  }
  const candidates = candidateSlots(index, base, context.now());
  const distance = index.schema.distance;
  const queryNorm = dense ? norm(dense) : 0;
  const weight = base.denseWeight;
  const score = (slot: number): number => {
    const denseScore = dense ? scoreSlot(distance, index.matrix, slot, dense, queryNorm) : 0;
    if (!sparse) return denseScore;
    const sparseScore = sparseDot(sparse, index.sparse[slot] ?? {});
    return dense ? weight * denseScore + (1 - weight) * sparseScore : sparseScore;
  };
  const ranked = rank(candidates, base, dense ? higherIsBetter(distance) : true, score);
  return searchResult(index, ranked, base, candidates.length);
};
