/**
 * The usearch HNSW implementation of the engine's {@link ApproximateIndex} (Node only). `usearch` is an optional peer
 * dependency with prebuilt binaries: it is imported dynamically, only when the config has an index with `ann`, so
 * the package is never needed otherwise (and never reaches a browser bundle).
 */
import type * as UsearchModule from 'usearch';
import type { LocalConfig } from '../config/schema';
import type { ApproximateIndex, ApproximateIndexFactory } from '../engine/vector/ApproximateIndex';

/** HNSW defaults: graph degree, insert and search candidate lists. */
export const ANN_DEFAULTS = { connectivity: 16, expansionAdd: 128, expansionSearch: 64 } as const;

/** `collection/index` of every index whose config asks for an approximate index. */
export function annIndexNames(config: LocalConfig): string[] {
  return config.collections.flatMap((c) => c.indexes.filter((i) => i.ann).map((i) => `${c.name}/${i.name}`));
}

/**
 * Loads usearch and returns the factory to pass as `annFactory`.
 * @throws Error saying which indexes need it and how to install it, when the package is missing or does not load.
 */
export async function loadUsearchFactory(indexNames: readonly string[] = []): Promise<ApproximateIndexFactory> {
  let usearch: typeof UsearchModule;
  try {
    usearch = await import('usearch');
  } catch (error) {
    const which = indexNames.length > 0 ? ` (index ${indexNames.join(', ')})` : '';
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The config asks for an approximate index${which}, which needs the optional package 'usearch' ` +
        `(npm install usearch@2.25.3), but it could not be loaded: ${detail}`,
      { cause: error },
    );
  }
  const { Index, MetricKind, ScalarKind } = usearch;
  const METRICS = { ip: MetricKind.IP, cosine: MetricKind.Cos, l2: MetricKind.L2sq } as const;
  return (spec): ApproximateIndex => {
    const index = new Index({
      dimensions: spec.dim,
      metric: METRICS[spec.distance],
      quantization: ScalarKind.F32,
      connectivity: spec.ann.connectivity ?? ANN_DEFAULTS.connectivity,
      expansion_add: spec.ann.expansionAdd ?? ANN_DEFAULTS.expansionAdd,
      expansion_search: spec.ann.expansionSearch ?? ANN_DEFAULTS.expansionSearch,
      multi: false,
    });
    return {
      add(labels, vectors) {
        if (labels.length === 0) return;
        // Batches use usearch's thread pool (0 = every core); single rows skip its start-up cost.
        index.add(BigUint64Array.from(labels, BigInt), [...vectors], labels.length > 1 ? 0 : 1);
      },
      remove(label) {
        index.remove(BigInt(label));
      },
      search(query, k) {
        if (index.size() === 0) return [];
        return Array.from(index.search(query, k, 1).keys, Number);
      },
    };
  };
}
