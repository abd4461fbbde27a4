/**
 * A validated filter tree (api doc §3.0). Parsed by `parseFilter` from the wire DSL:
 *
 * - `must` / `must_not`: value ∈ / ∉ `conds`; for list fields "∈" means any element matches.
 * - `range`: inside every given bound (`gt`, `gte`, `lt`, `lte`).
 * - `range_out`: matches when ANY given bound holds — the docs' example `{gt: 500, lt: 100}` means
 *   "price < 100 or price > 500", i.e. the bounds describe the outside.
 * - `range` with `field: [x, y]`, `center: [cx, cy]`, `radius`: the point lies in the closed circle; `range_out`
 *   with the same shape: strictly outside.
 * - `and` / `or`: intersection / union of at least one nested node.
 */

/** A scalar as compared by `must`/`must_not` (int64 values as numbers). */
export type FilterScalar = string | number | boolean;

export type FilterNode =
  | {
      op: 'must' | 'must_not';
      field: string;
      values: ReadonlySet<FilterScalar>;
      /** The field is the primary key: `values` are canonical keys, compared with the index's keys, so int64 ids beyond 2^53 match exactly. */
      byKey?: boolean;
    }
  | { op: 'range' | 'range_out'; field: string; gt?: number; gte?: number; lt?: number; lte?: number }
  | {
      op: 'circle' | 'circle_out';
      fields: readonly [string, string];
      center: readonly [number, number];
      radius: number;
    }
  | { op: 'and' | 'or'; conds: readonly FilterNode[] };
