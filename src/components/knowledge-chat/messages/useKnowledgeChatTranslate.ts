import { useEffect, useMemo, useState } from 'react';
import { createLocaleTranslator } from '../../i18n/createTranslator';
import type { Locale, MessageValues } from '../../i18n/types';
import { knowledgeChatEn, type KnowledgeChatMessageKey, type KnowledgeChatMessages } from './en';

/** Looks up a KnowledgeChat string and fills its placeholders. */
export type KnowledgeChatTranslate = (key: KnowledgeChatMessageKey, values?: MessageValues) => string;

type Catalog = Readonly<KnowledgeChatMessages>;

const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Catalog>>> = {
  'zh-CN': () => import('./zh-CN').then((module) => module.knowledgeChatZhCN),
};
const loaded = new Map<Locale, Catalog>([['en', knowledgeChatEn]]);
const loading = new Map<Locale, Promise<Catalog>>();

function load(locale: Exclude<Locale, 'en'>): Promise<Catalog> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = LOADERS[locale]().then((catalog) => {
      loaded.set(locale, catalog);
      return catalog;
    });
    loading.set(locale, promise);
  }
  return promise;
}

/**
 * `t` of the KnowledgeChat for `locale` with `overrides` on top. English is bundled; another locale's catalog loads on
 * demand (a dynamic `import()`, cached), English showing until it arrives.
 */
export function useKnowledgeChatTranslate(
  locale: Locale,
  overrides: Partial<KnowledgeChatMessages> | undefined,
): KnowledgeChatTranslate {
  const [, setLoads] = useState(0);
  const catalog = loaded.get(locale);
  useEffect(() => {
    if (catalog !== undefined || locale === 'en') return;
    let live = true;
    void load(locale).then(() => live && setLoads((n) => n + 1));
    return () => {
      live = false;
    };
  }, [locale, catalog]);
  return useMemo(
    () => createLocaleTranslator(catalog ? locale : 'en', knowledgeChatEn, catalog, overrides),
    [locale, catalog, overrides],
  );
}
