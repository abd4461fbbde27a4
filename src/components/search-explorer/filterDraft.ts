import type { FilterNode, FilterScalar, RangeBounds } from '../../client/vector/filter';
import { isNumericType, type FieldSpec } from './fieldTypes';

/** Operators of a builder condition (`geo` is the DSL's `range` on two fields with a circle). */
export type ConditionOp = 'must' | 'must_not' | 'range' | 'range_out' | 'geo';

/** One condition as typed in the builder; every input is kept as text until the filter is built. */
export interface ConditionDraft {
  kind: 'condition';
  key: string;
  op: ConditionOp;
  field: string;
  /** Comma-separated values of must / must_not. */
  values: string;
  lower: string;
  lowerOp: 'gt' | 'gte';
  upper: string;
  upperOp: 'lt' | 'lte';
  xField: string;
  yField: string;
  centerX: string;
  centerY: string;
  radius: string;
}

/** An and / or group of conditions and groups. */
export interface GroupDraft {
  kind: 'group';
  key: string;
  op: 'and' | 'or';
  children: DraftNode[];
}

/** A node of the builder's tree. */
export type DraftNode = ConditionDraft | GroupDraft;

let counter = 0;
/** A key unique within this page, for React lists. */
export const draftKey = (): string => `f${(counter += 1)}`;

/** An empty root group (`and`). */
export const emptyGroup = (op: 'and' | 'or' = 'and'): GroupDraft => ({
  kind: 'group',
  key: draftKey(),
  op,
  children: [],
});

/** A new condition on `field` (must, no values yet). */
export function newCondition(field = ''): ConditionDraft {
  return {
    kind: 'condition',
    key: draftKey(),
    op: 'must',
    field,
    values: '',
    lower: '',
    lowerOp: 'gte',
    upper: '',
    upperOp: 'lte',
    xField: '',
    yField: '',
    centerX: '',
    centerY: '',
    radius: '',
  };
}

/** Replaces the node with `key` anywhere in the tree (`undefined` removes it). */
export function replaceNode(group: GroupDraft, key: string, next: DraftNode | undefined): GroupDraft {
  const children: DraftNode[] = [];
  for (const child of group.children) {
    if (child.key === key) {
      if (next) children.push(next);
    } else children.push(child.kind === 'group' ? replaceNode(child, key, next) : child);
  }
  return { ...group, children };
}

/** Adds a node to the group with `groupKey`. */
export function appendTo(group: GroupDraft, groupKey: string, node: DraftNode): GroupDraft {
  if (group.key === groupKey) return { ...group, children: [...group.children, node] };
  return {
    ...group,
    children: group.children.map((child) => (child.kind === 'group' ? appendTo(child, groupKey, node) : child)),
  };
}

/** Conditions in the tree that have a field (what counts as "active"). */
export function countConditions(node: DraftNode): number {
  if (node.kind === 'condition') return node.field || node.op === 'geo' ? 1 : 0;
  return node.children.reduce((sum, child) => sum + countConditions(child), 0);
}

/** The result of building a filter from the tree. */
export interface BuiltFilter {
  filter: FilterNode | undefined;
  /** One message per condition that could not be built (it is left out of `filter`). */
  problems: string[];
}

const num = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
};

function scalarValues(text: string, field: FieldSpec | undefined): FilterScalar[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (field && (isNumericType(field.type) || field.type === 'list<int64>')) {
    return parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p));
  }
  if (field?.type === 'bool') return parts.map((p) => (p === 'true' ? true : p === 'false' ? false : p));
  return parts;
}

function buildCondition(
  node: ConditionDraft,
  fields: readonly FieldSpec[],
  problems: string[],
): FilterNode | undefined {
  if (node.op === 'geo') {
    const [cx, cy, r] = [num(node.centerX), num(node.centerY), num(node.radius)];
    if (!node.xField || !node.yField) return undefined;
    if (cx === undefined || cy === undefined || r === undefined) return undefined;
    if ([cx, cy, r].some(Number.isNaN) || r <= 0) {
      problems.push(`${node.xField}, ${node.yField}: center and a positive radius must be numbers`);
      return undefined;
    }
    return { op: 'range', field: [node.xField, node.yField], center: [cx, cy], radius: r };
  }
  if (!node.field) return undefined;
  const spec = fields.find((f) => f.name === node.field);
  if (node.op === 'must' || node.op === 'must_not') {
    const conds = scalarValues(node.values, spec);
    if (conds.length === 0) return undefined;
    return { op: node.op, field: node.field, conds };
  }
  const lower = num(node.lower);
  const upper = num(node.upper);
  if (lower === undefined && upper === undefined) return undefined;
  if (Number.isNaN(lower) || Number.isNaN(upper)) {
    problems.push(`${node.field}: bounds must be numbers`);
    return undefined;
  }
  const bounds: RangeBounds = {};
  if (lower !== undefined) bounds[node.lowerOp] = lower;
  if (upper !== undefined) bounds[node.upperOp] = upper;
  return node.op === 'range'
    ? { op: 'range', field: node.field, ...bounds }
    : { op: 'range_out', field: node.field, ...bounds };
}

function buildNode(node: DraftNode, fields: readonly FieldSpec[], problems: string[]): FilterNode | undefined {
  if (node.kind === 'condition') return buildCondition(node, fields, problems);
  const conds = node.children
    .map((child) => buildNode(child, fields, problems))
    .filter((c): c is FilterNode => c !== undefined);
  if (conds.length === 0) return undefined;
  if (conds.length === 1) return conds[0];
  return { op: node.op, conds };
}

/**
 * Turns the builder's tree into filter DSL. Unfinished conditions (no field, no values, no bounds) are left out;
 * a group with one condition becomes that condition; an empty tree is no filter.
 */
export function buildFilter(root: GroupDraft, fields: readonly FieldSpec[]): BuiltFilter {
  const problems: string[] = [];
  const filter = buildNode(root, fields, problems);
  return { filter, problems };
}

const text = (value: unknown): string => (value === undefined ? '' : String(value));

function draftFrom(node: FilterNode): DraftNode | undefined {
  switch (node.op) {
    case 'and':
    case 'or': {
      const children = node.conds.map(draftFrom);
      if (children.some((c) => c === undefined)) return undefined;
      return { kind: 'group', key: draftKey(), op: node.op, children: children as DraftNode[] };
    }
    case 'must':
    case 'must_not':
      return { ...newCondition(node.field), op: node.op, values: node.conds.map(String).join(', ') };
    case 'range':
    case 'range_out': {
      if ('center' in node) {
        return {
          ...newCondition(),
          op: 'geo',
          xField: node.field[0],
          yField: node.field[1],
          centerX: text(node.center[0]),
          centerY: text(node.center[1]),
          radius: text(node.radius),
        };
      }
      if (typeof node.field !== 'string') return undefined;
      const { gt, gte, lt, lte } = node;
      if ((gt !== undefined && gte !== undefined) || (lt !== undefined && lte !== undefined)) return undefined;
      return {
        ...newCondition(node.field),
        op: node.op,
        lower: text(gt ?? gte),
        lowerOp: gt !== undefined ? 'gt' : 'gte',
        upper: text(lt ?? lte),
        upperOp: lt !== undefined ? 'lt' : 'lte',
      };
    }
  }
}

/** Turns filter DSL back into a builder tree (root always a group), or `undefined` when the builder cannot show it. */
export function draftFromFilter(filter: FilterNode | undefined): GroupDraft | undefined {
  if (!filter) return emptyGroup();
  const node = draftFrom(filter);
  if (!node) return undefined;
  return node.kind === 'group' ? node : { ...emptyGroup(), children: [node] };
}
