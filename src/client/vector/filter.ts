import type { ValidationIssue } from '../errors/ValidationError';
import { isFiniteNumber, isRecord } from '../shared/read';
import type { FieldName } from './types';

/** A value a `must` / `must_not` condition can match. */
export type FilterScalar = string | number | boolean;

/** Bounds of a `range` / `range_out` condition; at least one is required. */
export interface RangeBounds {
  gt?: number | undefined;
  gte?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
}

/** Field value ∈ conds (for list fields: any element matches). */
export interface MustNode<F extends string = string> {
  op: 'must';
  field: F;
  conds: readonly FilterScalar[];
}
/** Field value ∉ conds. */
export interface MustNotNode<F extends string = string> {
  op: 'must_not';
  field: F;
  conds: readonly FilterScalar[];
}
/** Field inside the range. */
export interface RangeNode<F extends string = string> extends RangeBounds {
  op: 'range';
  field: F;
}
/** Point (x field, y field) inside the circle. */
export interface GeoCircleNode<F extends string = string> {
  op: 'range';
  field: readonly [F, F];
  center: readonly [number, number];
  radius: number;
}
/** Field outside the range (e.g. `{ gt: 500, lt: 100 }` means < 100 or > 500). */
export interface RangeOutNode<F extends string = string> extends RangeBounds {
  op: 'range_out';
  field: F;
}
/** All conditions hold. */
export interface AndNode<F extends string = string> {
  op: 'and';
  conds: ReadonlyArray<FilterNode<F>>;
}
/** Any condition holds. */
export interface OrNode<F extends string = string> {
  op: 'or';
  conds: ReadonlyArray<FilterNode<F>>;
}

/** A node of the VikingDB filter DSL, with field names drawn from `F`. */
export type FilterNode<F extends string = string> =
  MustNode<F> | MustNotNode<F> | RangeNode<F> | GeoCircleNode<F> | RangeOutNode<F> | AndNode<F> | OrNode<F>;

/** A filter over the fields of `TFields`: a raw DSL object or one built with {@link f}. */
export type Filter<TFields> = FilterNode<FieldName<TFields>>;

/**
 * Builds filter DSL nodes. Field names are inferred as literals, so passing the result where a
 * `Filter<TFields>` is expected checks them against `TFields` at compile time.
 *
 * @example f.and(f.must('region', ['cn', 'sg']), f.range('score', { gte: 1 }))
 */
export const f = {
  /** `must`: the field equals one of `values`. */
  must: <F extends string>(field: F, values: readonly FilterScalar[]): MustNode<F> => ({
    op: 'must',
    field,
    conds: values,
  }),
  /** `must_not`: the field equals none of `values`. */
  mustNot: <F extends string>(field: F, values: readonly FilterScalar[]): MustNotNode<F> => ({
    op: 'must_not',
    field,
    conds: values,
  }),
  /** `range`: the field is within the bounds (`gt`/`gte`/`lt`/`lte`). */
  range: <F extends string>(field: F, bounds: RangeBounds): RangeNode<F> => ({ op: 'range', field, ...bounds }),
  /** `range_out`: the field is outside the bounds. */
  rangeOut: <F extends string>(field: F, bounds: RangeBounds): RangeOutNode<F> => ({
    op: 'range_out',
    field,
    ...bounds,
  }),
  /** `range` over two fields (x, y): the point is within `radius` of `center`. */
  geoCircle: <F extends string>(
    fields: readonly [F, F],
    center: readonly [number, number],
    radius: number,
  ): GeoCircleNode<F> => ({ op: 'range', field: fields, center, radius }),
  /** `and`: every condition holds. */
  and: <F extends string>(...conds: Array<FilterNode<F>>): AndNode<F> => ({ op: 'and', conds }),
  /** `or`: at least one condition holds. */
  or: <F extends string>(...conds: Array<FilterNode<F>>): OrNode<F> => ({ op: 'or', conds }),
  /**
   * A node of an op the kit does not type yet, sent exactly as given (the service checks it); fits any filter.
   *
   * @example f.and(f.must('region', ['cn']), f.raw({ op: 'prefix', field: 'title', prefix: 'Vik' }))
   */
  raw: (node: { op: string; [key: string]: unknown }): FilterNode<never> => node as unknown as FilterNode<never>,
};

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;
const MAX_DEPTH = 32;

function isFieldName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Checks a raw filter at run time and names every bad node by its path (`filter.conds[1].field`).
 * Returns no issues for a well-formed filter. Nodes of the ops above are checked in full; a node with another op
 * (one the service may add) passes as it is, so it is never refused before the service has seen it.
 */
export function filterIssues(node: unknown, path = 'filter', depth = 0): ValidationIssue[] {
  const issue = (where: string, message: string): ValidationIssue[] => [{ path: path + where, message }];
  if (depth > MAX_DEPTH) return issue('', `filters nest at most ${MAX_DEPTH} levels deep`);
  if (!isRecord(node)) return issue('', 'expected a filter object with an "op"');
  const { op, field, conds } = node;
  const hasConds = Array.isArray(conds) && conds.length > 0;
  const isLogic = op === 'and' || op === 'or';
  if (isLogic || op === 'must' || op === 'must_not') {
    if (!isLogic && !isFieldName(field)) return issue('.field', 'expected a field name');
    if (!hasConds) return issue('.conds', `"${op}" needs a non-empty array of ${isLogic ? 'conditions' : 'values'}`);
    if (isLogic) return conds.flatMap((child, i) => filterIssues(child, `${path}.conds[${i}]`, depth + 1));
    const bad = conds.findIndex((v) => !(typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v)));
    return bad < 0 ? [] : issue(`.conds[${bad}]`, 'expected a string, finite number or boolean');
  }
  if (op === 'range' && Array.isArray(field)) {
    // A circle on two geo fields: { op: 'range', field: [x, y], center: [x, y], radius }.
    const { center, radius } = node;
    if (field.length !== 2 || !field.every(isFieldName)) {
      return issue('.field', 'a circle range needs exactly two field names [x, y]');
    }
    if (!Array.isArray(center) || center.length !== 2 || !center.every(isFiniteNumber)) {
      return issue('.center', 'expected [x, y] as two finite numbers');
    }
    return isFiniteNumber(radius) && radius >= 0 ? [] : issue('.radius', 'expected a finite number ≥ 0');
  }
  if (op === 'range' || op === 'range_out') {
    if (!isFieldName(field)) return issue('.field', 'expected a field name');
    const present = BOUNDS.filter((b) => node[b] !== undefined);
    if (present.length === 0) return issue('', `"${op}" needs at least one of gt, gte, lt, lte`);
    const bad = present.find((b) => !isFiniteNumber(node[b]));
    return bad === undefined ? [] : issue(`.${bad}`, 'expected a finite number');
  }
  // An op the kit does not know yet is the service's to judge: it is sent as given.
  return typeof op === 'string' && op !== ''
    ? []
    : issue('.op', 'expected an op name such as must, must_not, range, range_out, and or or');
}
