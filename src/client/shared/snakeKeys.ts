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

/** Copies an object with its top-level keys in camelCase. */
export function camelKeys(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[toCamelCase(key)] = v;
  return out;
}
