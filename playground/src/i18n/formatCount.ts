const rules = new Map<string, Intl.PluralRules>();

/**
 * `3 rows`, `1 row`: the count with the noun form its locale's plural rules pick (`Intl.PluralRules`; forms other
 * than `one` use `other`). Default locale: `'en'`.
 */
export function formatCount(count: number, one: string, other: string, locale = 'en'): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return `${count.toLocaleString(locale)} ${rule.select(count) === 'one' ? one : other}`;
}
