import { ValidationError, type ValidationIssue } from '../errors/ValidationError';
import { formatIssuePath } from '../shared/issuePath';

/** The part of a `zod/mini` schema the kit uses. */
export interface SafeParser {
  safeParse(
    data: unknown,
  ):
    | { success: true; data?: unknown }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** A schema, or a function building it on first use (see `lazy`). */
export type SchemaSource = SafeParser | (() => SafeParser);

/** Runs `schema` (building it first when it is lazy) on `value`: what it accepted, and its issues by path. */
function run(schema: SchemaSource, value: unknown, prefix: ReadonlyArray<PropertyKey> = []) {
  const result = (typeof schema === 'function' ? schema() : schema).safeParse(value);
  const issues: ValidationIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: formatIssuePath([...prefix, ...issue.path]),
        message: issue.message,
      }));
  return { accepted: result.success ? result.data : value, issues };
}

/** The issues a `zod/mini` schema finds, each named by its path (`data[3].vector[7]`). */
export function schemaIssues(
  schema: SchemaSource,
  value: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
): ValidationIssue[] {
  return run(schema, value, prefix).issues;
}

/** Throws {@link ValidationError} for `operation` when any issue was found; nothing is sent then. */
export function assertValid(operation: string, issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(operation, issues);
}

/**
 * Parses `value` with `schema` and returns what it accepted (objects keep only the keys their schema names); throws
 * {@link ValidationError} for `operation` with the schema's issues followed by `moreIssues`. Nothing is sent then.
 */
export function parseValid<T>(
  operation: string,
  schema: SchemaSource,
  value: T,
  moreIssues: readonly ValidationIssue[] = [],
): T {
  const { accepted, issues } = run(schema, value);
  assertValid(operation, [...issues, ...moreIssues]);
  return accepted as T;
}
