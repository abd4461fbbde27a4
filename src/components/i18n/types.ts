/** The locales the components ship strings for. */
export type Locale = 'en' | 'zh-CN';

/** Values for the `{name}` placeholders (and `{name, plural, …}` forms) of a string. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Looks up the string of `key` and fills its placeholders; an unknown key is returned as is. */
export type Translate<K extends string = string> = (key: K, values?: MessageValues) => string;

/** Every string of a component in one locale, by key. */
export type Catalog<K extends string> = Readonly<Record<K, string>>;

/**
 * Where a component's strings come from: English bundled, every other locale loaded on first use (a dynamic
 * `import()`, so an English app never ships them).
 */
export interface CatalogSource<K extends string> {
  /** The English catalog: the fallback for any key a locale or an override lacks. */
  readonly en: Catalog<K>;
  /** Loads the catalog of each other locale. */
  readonly load: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Catalog<K>>>>;
}
