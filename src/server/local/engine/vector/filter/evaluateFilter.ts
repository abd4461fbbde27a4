/**
 * Evaluates a {@link FilterNode} over an index's columns into a bitmap (1 = matches) with one byte per slot, so the
 * search scores only candidates. Each leaf is one pass over one column; `and`/`or` combine bitmaps.
 */
import type { VectorIndex } from '../VectorIndex';
import type { FilterNode, FilterScalar } from './FilterNode';

/** The columnar view a filter is evaluated over: an index, or any table shaped like one (knowledge docs). */
export type FilterColumns = Pick<VectorIndex, 'size' | 'keys' | 'column'>;

function matchesAny(value: unknown, values: ReadonlySet<FilterScalar>): boolean {
  if (Array.isArray(value)) return value.some((item) => values.has(item as FilterScalar));
  return values.has(value as FilterScalar);
}

function inRange(value: number, node: { gt?: number; gte?: number; lt?: number; lte?: number }): boolean {
  return (
    (node.gt === undefined || value > node.gt) &&
    (node.gte === undefined || value >= node.gte) &&
    (node.lt === undefined || value < node.lt) &&
    (node.lte === undefined || value <= node.lte)
  );
}

function anyBound(value: number, node: { gt?: number; gte?: number; lt?: number; lte?: number }): boolean {
  return (
    (node.gt !== undefined && value > node.gt) ||
    (node.gte !== undefined && value >= node.gte) ||
    (node.lt !== undefined && value < node.lt) ||
    (node.lte !== undefined && value <= node.lte)
  );
}

/** Bitmap of the slots of `index` that match `node`. */
export function evaluateFilter(node: FilterNode, index: FilterColumns): Uint8Array {
  const size = index.size;
  const bitmap = new Uint8Array(size);
  switch (node.op) {
    case 'must':
    case 'must_not': {
      const column = node.byKey ? index.keys : index.column(node.field);
      const want = node.op === 'must';
      for (let slot = 0; slot < size; slot++) bitmap[slot] = matchesAny(column[slot], node.values) === want ? 1 : 0;
      return bitmap;
    }
    case 'range':
    case 'range_out': {
      const column = index.column(node.field);
      const test = node.op === 'range' ? inRange : anyBound;
      for (let slot = 0; slot < size; slot++) bitmap[slot] = test(column[slot] as number, node) ? 1 : 0;
      return bitmap;
    }
    case 'circle':
    case 'circle_out': {
      const xs = index.column(node.fields[0]);
      const ys = index.column(node.fields[1]);
      const [cx, cy] = node.center;
      const r2 = node.radius * node.radius;
      const inside = node.op === 'circle';
      for (let slot = 0; slot < size; slot++) {
        const dx = (xs[slot] as number) - cx;
        const dy = (ys[slot] as number) - cy;
        bitmap[slot] = dx * dx + dy * dy <= r2 === inside ? 1 : 0;
      }
      return bitmap;
    }
    case 'and':
    case 'or': {
      const parts = node.conds.map((cond) => evaluateFilter(cond, index));
      const isAnd = node.op === 'and';
      for (let slot = 0; slot < size; slot++) {
        let result = isAnd;
        for (const part of parts) {
          if ((part[slot] === 1) !== isAnd) {
            result = !isAnd;
            break;
          }
        }
        bitmap[slot] = result ? 1 : 0;
      }
      return bitmap;
    }
  }
}
