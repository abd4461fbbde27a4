import type { ValidationIssue } from '../errors/ValidationError';

/** The part of a `zod/mini` schema the kit uses. */
interface SafeParser {
  safeParse(
    data: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Turns a `zod/mini` schema into an endpoint `check`, naming each bad field by its dotted path. */
export function checkWith(schema: SafeParser): (body: unknown) => readonly ValidationIssue[] {
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return [];
    return result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
  };
}
