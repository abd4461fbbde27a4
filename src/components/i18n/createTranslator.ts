const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Fills `{name, plural, one {# row} other {# rows}}` (the ICU plural subset: `=N` exact matches, then the category
 * `Intl.PluralRules` picks for the locale, then `other`; `#` is the number) and then `{name}` placeholders.
 */
function fill(text: string, values: Readonly<Record<string, string | number>>, rules: Intl.PluralRules): string {
  const plural = text.replace(PLURAL, (whole, name: string, options: string) => {
    const value = values[name];
    if (typeof value !== 'number') return whole;
    const forms = new Map<string, string>();
    for (const [, key, form] of options.matchAll(PLURAL_OPTION)) forms.set(key!, form!);
    const form = forms.get(`=${value}`) ?? forms.get(rules.select(value)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, String(value));
  });
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Builds `t(key, values?)` for `locale` over a base message set, a locale's strings and caller overrides (later
 * wins). Strings may use `{name}` placeholders and `{count, plural, one {# result} other {# results}}`, whose form
 * `Intl.PluralRules` picks for `locale`.
 *
 * @example const t = createLocaleTranslator('zh-CN', en, zhCN); t('results.count', { count: 3 })
 */
export function createLocaleTranslator<K extends string>(
  locale: string,
  base: Readonly<Record<K, string>>,
  ...layers: ReadonlyArray<Partial<Readonly<Record<K, string>>> | undefined>
): (key: K, values?: Readonly<Record<string, string | number>>) => string {
  const table: Record<string, string> = { ...base };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (typeof value === 'string') table[key] = value;
  }
  const rules = new Intl.PluralRules(locale);
  return (key, values) => {
    const text = table[key] ?? key;
    return values ? fill(text, values, rules) : text;
  };
}

/**
 * Builds `t(key, values?)` over a base message set, a locale's strings and caller overrides (later wins), with
 * English plural rules (see {@link createLocaleTranslator} for another locale's).
 * Generic, so other components with their own string tables can reuse it.
 *
 * @example const t = createTranslator(en, zhCN, { 'query.submit': '查' }); t('results.count', { count: 3 })
 */
export function createTranslator<K extends string>(
  base: Readonly<Record<K, string>>,
  ...layers: ReadonlyArray<Partial<Readonly<Record<K, string>>> | undefined>
): (key: K, values?: Readonly<Record<string, string | number>>) => string {
  return createLocaleTranslator('en', base, ...layers);
}
