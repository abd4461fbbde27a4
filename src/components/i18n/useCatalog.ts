import { use, useMemo } from 'react';
import { createLocaleTranslator } from './formatMessage';
import type { Catalog, CatalogSource, Locale, Translate } from './types';

interface Loading<K extends string> {
  promise: Promise<Catalog<K>>;
  catalog?: Catalog<K>;
}

/** Loaded (or loading) catalogs per source and locale; lives as long as the page. */
const cache = new WeakMap<CatalogSource<string>, Map<Locale, Loading<string>>>();

function entryFor<K extends string>(source: CatalogSource<K>, locale: Exclude<Locale, 'en'>): Loading<K> {
  let byLocale = cache.get(source);
  if (!byLocale) {
    byLocale = new Map();
    cache.set(source, byLocale);
  }
  const cached = byLocale.get(locale) as Loading<K> | undefined;
  if (cached) return cached;
  // A chunk that failed to load (offline, a stale deployment) leaves English for the rest of the page.
  const promise = source.load[locale]().then(
    (catalog) => catalog,
    () => source.en,
  );
  const entry: Loading<K> = { promise };
  void promise.then((catalog) => {
    entry.catalog = catalog;
    // React's `use` reads a settled promise synchronously when it carries these (so a later mount never suspends).
    Object.assign(promise, { status: 'fulfilled', value: catalog });
  });
  byLocale.set(locale, entry);
  return entry;
}

/**
 * The catalog of `locale` from `source`: English at once, another locale through its loader, fetched once per page
 * and shared by every later call. Use it to load a locale before rendering (server rendering, tests).
 */
export function loadCatalog<K extends string>(source: CatalogSource<K>, locale: Locale): Promise<Catalog<K>> {
  return locale === 'en' ? Promise.resolve(source.en) : entryFor(source, locale).promise;
}

/** The catalog of `locale` when it is already loaded (English always is); else `undefined`. */
export function loadedCatalog<K extends string>(source: CatalogSource<K>, locale: Locale): Catalog<K> | undefined {
  return locale === 'en' ? source.en : (cache.get(source)?.get(locale) as Loading<K> | undefined)?.catalog;
}

/**
 * A component's `t` for `locale` (default `'en'`), with `overrides` by key on top (default none) and English for any
 * key missing. English resolves at once; another locale suspends the calling component (React `use`) until its
 * catalog has loaded the first time, so wrap the caller in `<Suspense>` with the component's own skeleton: its users
 * never see English flash first. Later mounts in that locale render at once. Stable while its inputs are.
 */
export function useCatalog<K extends string>(
  source: CatalogSource<K>,
  locale: Locale = 'en',
  overrides?: Partial<Catalog<K>>,
): Translate<K> {
  // Always `use` for another locale (React expects the same calls when it retries a suspended render).
  const catalog = locale === 'en' ? source.en : use(entryFor(source, locale).promise);
  // English strings (a locale that failed to load) keep English plural rules.
  const rules = catalog === source.en ? 'en' : locale;
  return useMemo(
    () => createLocaleTranslator(rules, source.en, catalog, overrides),
    [rules, source, catalog, overrides],
  );
}
