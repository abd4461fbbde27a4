/** Drops empty and undefined entries so optional properties stay absent (exactOptionalPropertyTypes). */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === '') continue;
    if (Array.isArray(entry) && entry.length === 0) continue;
    result[key] = entry;
  }
  return result as { [K in keyof T]?: Exclude<T[K], undefined> };
}
