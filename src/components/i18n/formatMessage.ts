import type { Catalog, MessageValues, Translate } from './types';

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Fills `{name, plural, one {# row} other {# rows}}` (the ICU plural subset: `=N` exact matches, then the category
 * `Intl.PluralRules` picks for the locale, then `other`; `#` is the number) and then `{name}` placeholders.
 */
function fill(text: string, values: MessageValues, rules: Intl.PluralRules): string {
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
 * @example const t = createLocaleTranslator('zh-CN', searchExplorerEn, searchExplorerZhCN); t('results.count', { count: 3 })
 */
export function createLocaleTranslator<K extends string>(
  locale: string,
  base: Catalog<K>,
  ...layers: ReadonlyArray<Partial<Catalog<K>> | undefined>
): Translate<K> {
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
