import { useMemo, useState } from 'react';
import type { AnyFields, CollectionLocator, PrimaryKey } from '../../client/vector/types';
import { useFetchIndexRows } from '../../hooks';
import type { ExplorerRow } from './explorerTypes';
import { histogram, type HistogramBin } from './histogram';
import { projectPca, type ProjectedPoint } from './pca';

/** State of the insights panel ({@link useExplorerInsights}). */
export interface ExplorerInsightsState {
  /** The panel is open (only then are the results' vectors fetched). */
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The results' vectors on their first two principal components. */
  projection: readonly ProjectedPoint<PrimaryKey>[];
  /** The vectors are being fetched for the first time. */
  projectionLoading: boolean;
  /** The results' scores in 20 equal-width bins. */
  bins: readonly HistogramBin[];
}

/**
 * A PCA projection of the results' vectors (the first `projectionLimit` rows, default 300, fetched through the index
 * while the panel is open) and a histogram of their scores.
 */
export function useExplorerInsights(options: {
  collection: CollectionLocator;
  index: string;
  items: readonly ExplorerRow[];
  projectionLimit?: number | undefined;
  defaultOpen?: boolean | undefined;
}): ExplorerInsightsState {
  const { collection, index, items } = options;
  const projectionLimit = options.projectionLimit ?? 300;
  const [open, setOpen] = useState(options.defaultOpen ?? false);
  const ids = useMemo(() => items.slice(0, projectionLimit).map((item) => item.id), [items, projectionLimit]);
  const vectors = useFetchIndexRows<AnyFields>(
    { collection, index, ids, outputFields: [] },
    { enabled: open, staleTime: 60_000 },
  );
  const vectorItems = vectors.data?.items;
  const projection = useMemo<ProjectedPoint<PrimaryKey>[]>(() => {
    if (!open || !vectorItems) return [];
    return projectPca(vectorItems.flatMap((row) => (row.denseVector ? [{ id: row.id, vector: row.denseVector }] : [])));
  }, [open, vectorItems]);
  const bins = useMemo<HistogramBin[]>(() => (open ? histogram(items.map((item) => item.score)) : []), [open, items]);
  return { open, setOpen, projection, projectionLoading: open && vectors.isFetching && !vectorItems, bins };
}
