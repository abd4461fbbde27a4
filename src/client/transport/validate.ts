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

/**
 * The issues a `zod/mini` schema finds, each named by its path (`data[3].vector[7]`). Only the issues: what the schema
 * parsed is never sent (it would lose the keys the schema does not name).
 */
export function schemaIssues(
  schema: SchemaSource,
  value: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
): ValidationIssue[] {
  const result = (typeof schema === 'function' ? schema() : schema).safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: formatIssuePath([...prefix, ...issue.path]),
        message: issue.message,
      }));
}

/** Throws {@link ValidationError} for `operation` when any issue was found; nothing is sent then. */
export function assertValid(operation: string, issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(operation, issues);
}
