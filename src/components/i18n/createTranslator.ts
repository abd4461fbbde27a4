/**
 * Builds `t(key, values?)` over a base message set, a locale's strings and caller overrides (later wins).
 * Generic, so other components with their own string tables can reuse it.
 *
 * @example const t = createTranslator(en, zhCN, { 'query.submit': '查' }); t('results.count', { count: 3 })
 */
export function createTranslator<K extends string>(
  base: Readonly<Record<K, string>>,
  ...layers: ReadonlyArray<Partial<Readonly<Record<K, string>>> | undefined>
): (key: K, values?: Readonly<Record<string, string | number>>) => string {
  const table: Record<string, string> = { ...base };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (typeof value === 'string') table[key] = value;
  }
  return (key, values) => {
    const text = table[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  };
}
