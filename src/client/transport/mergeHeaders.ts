/**
 * Merges header records left to right. Names are case-insensitive, so a later `content-type` replaces an earlier
 * `Content-Type` instead of both being sent (fetch would join them into `a, b`, and a V4 signature would cover only
 * one of them).
 */
export function mergeHeaders(
  ...layers: ReadonlyArray<Readonly<Record<string, string>> | undefined>
): Record<string, string> {
  const byLowerName = new Map<string, readonly [string, string]>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      const lower = name.toLowerCase();
      byLowerName.set(lower, [name, value]);
    }
  }
  return Object.fromEntries(byLowerName.values());
}
