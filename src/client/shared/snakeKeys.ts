/** `userId` → `user_id`; a name already in snake_case stays as it is. */
export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `snake_case` → `camelCase`. */
export function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Copies an object with its top-level keys in snake_case, leaving out undefined values. */
export function snakeKeys(value: object | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[toSnakeCase(key)] = v;
  return out;
}

/**
 * A request body from the caller's parameters: every key kept, top-level names in snake_case, and so the names inside
 * the objects under `nested` (camelCase parameter names, e.g. `advance`); all other values as given.
 */
export function wireKeys(params: object, nested: readonly string[] = []): Record<string, unknown> {
  const wire = snakeKeys(params)!;
  for (const key of nested) wire[toSnakeCase(key)] = snakeKeys((params as Record<string, object | undefined>)[key]);
  return wire;
}

/** Copies an object with its top-level keys in camelCase. */
export function camelKeys(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[toCamelCase(key)] = v;
  return out;
}
