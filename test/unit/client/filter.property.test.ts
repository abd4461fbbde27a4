import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { f, filterIssues, type FilterNode, type FilterScalar } from '../../../src/client/index.node';

/** Finite doubles; -0 becomes 0, since JSON has no negative zero. */
const num = (min?: number) =>
  fc.double({ ...(min === undefined ? {} : { min }), noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const field = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const scalar: fc.Arbitrary<FilterScalar> = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), num(), fc.boolean());
const bound = fc.option(num(), { nil: undefined });
const bounds = fc
  .record({ gt: bound, gte: bound, lt: bound, lte: bound })
  .filter((b) => Object.values(b).some((v) => v !== undefined))
  .map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));

/** A random valid filter tree, paired with the same tree built with the `f` builder. */
const tree = fc.letrec<{ node: [FilterNode, FilterNode] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(field, fc.array(scalar, { minLength: 1, maxLength: 4 }))
      .map(([name, values]): [FilterNode, FilterNode] => [
        { op: 'must', field: name, conds: values },
        f.must(name, values),
      ]),
    fc
      .tuple(field, fc.array(scalar, { minLength: 1, maxLength: 4 }))
      .map(([name, values]): [FilterNode, FilterNode] => [
        { op: 'must_not', field: name, conds: values },
        f.mustNot(name, values),
      ]),
    fc
      .tuple(field, bounds)
      .map(([name, b]): [FilterNode, FilterNode] => [{ op: 'range', field: name, ...b }, f.range(name, b)]),
    fc
      .tuple(field, bounds)
      .map(([name, b]): [FilterNode, FilterNode] => [{ op: 'range_out', field: name, ...b }, f.rangeOut(name, b)]),
    fc
      .tuple(field, field, num(), num(), num(0))
      .map(([x, y, cx, cy, r]): [FilterNode, FilterNode] => [
        { op: 'range', field: [x, y], center: [cx, cy], radius: r },
        f.geoCircle([x, y], [cx, cy], r),
      ]),
    fc
      .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('node'), { minLength: 1, maxLength: 3 }))
      .map(([op, children]): [FilterNode, FilterNode] => [
        { op, conds: children.map((c) => c[0]) },
        (op === 'and' ? f.and : f.or)(...children.map((c) => c[1])),
      ]),
  ),
})).node;

/** Paths of every node in a tree, for planting a defect at a known place. */
function nodePaths(node: FilterNode, path = 'filter'): string[] {
  if (node.op === 'and' || node.op === 'or')
    return [path, ...node.conds.flatMap((c, i) => nodePaths(c, `${path}.conds[${i}]`))];
  return [path];
}

function replaceAt(node: FilterNode, path: string, target: string, replacement: unknown): unknown {
  if (path === target) return replacement;
  if (node.op === 'and' || node.op === 'or') {
    return { ...node, conds: node.conds.map((c, i) => replaceAt(c, `${path}.conds[${i}]`, target, replacement)) };
  }
  return node;
}

const defects: Array<[unknown, RegExp]> = [
  [{ field: 'x', conds: ['a'] }, /op name/],
  [{ op: 7, field: 'x' }, /op name/],
  [{ op: 'must', field: 'x', conds: [] }, /non-empty/],
  [{ op: 'must', conds: ['a'] }, /field name/],
  [{ op: 'range', field: 'x' }, /at least one of/],
  [{ op: 'range', field: 'x', gt: 'one' }, /finite number/],
  [{ op: 'and', conds: [] }, /non-empty/],
  [{ op: 'range', field: ['x', 'y'], center: [1], radius: 2 }, /two finite numbers/],
  ['must', /filter object/],
];

describe('filter DSL (property)', () => {
  it('builder and raw trees are identical, valid, and survive JSON unchanged', () => {
    fc.assert(
      fc.property(tree, ([raw, built]) => {
        expect(built).toEqual(raw);
        expect(filterIssues(raw)).toEqual([]);
        expect(JSON.parse(JSON.stringify(built))).toEqual(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('a node of an op the kit does not know, planted anywhere, passes as it is (the service judges it)', () => {
    const unknownNode = fc.record({
      op: fc
        .stringMatching(/^[a-z][a-z_]{0,10}$/)
        .filter((op) => !['must', 'must_not', 'range', 'range_out', 'and', 'or'].includes(op)),
      field: fc.option(field, { nil: undefined }),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(tree, fc.nat(), unknownNode, ([raw], pick, node) => {
        const paths = nodePaths(raw);
        const target = paths[pick % paths.length]!;
        const withUnknown = replaceAt(raw, 'filter', target, node);
        expect(filterIssues(withUnknown)).toEqual([]);
        expect(filterIssues(f.and(raw, f.raw(node)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a defect planted anywhere is rejected with the path of that node', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom(...defects), ([raw], pick, [defect, message]) => {
        const paths = nodePaths(raw);
        const target = paths[pick % paths.length]!;
        const broken = replaceAt(raw, 'filter', target, defect);
        const issues = filterIssues(broken);
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.some((i) => i.path.startsWith(target) && message.test(i.message))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
