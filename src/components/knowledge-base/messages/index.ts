import { useEffect, useMemo, useState } from 'react';
import { createLocaleTranslator } from '../../i18n/createTranslator';
import type { Locale, MessageValues } from '../../i18n/types';
import { knowledgeBaseEn, type KnowledgeBaseMessageKey, type KnowledgeBaseMessages } from './en';

/** `t` of the KnowledgeBase: the string of `key` with its placeholders filled. */
export type KnowledgeBaseTranslate = (key: KnowledgeBaseMessageKey, values?: MessageValues) => string;

/** Catalogs already loaded, by locale (English is bundled). */
const loaded = new Map<Locale, KnowledgeBaseMessages>([['en', knowledgeBaseEn]]);

/** Loads the catalog of `locale` on demand (a dynamic import, cached), so English apps never ship the others. */
export async function loadKnowledgeBaseMessages(locale: Locale): Promise<KnowledgeBaseMessages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const { knowledgeBaseZhCN } = await import('./zh-CN');
  loaded.set(locale, knowledgeBaseZhCN);
  return knowledgeBaseZhCN;
}

/**
 * `t` for `locale` with `overrides` on top. Until a non-English catalog has loaded, its keys read in English (the
 * component re-renders when it arrives).
 */
export function useKnowledgeBaseTranslate(
  locale: Locale,
  overrides: Partial<KnowledgeBaseMessages> | undefined,
): KnowledgeBaseTranslate {
  const [catalog, setCatalog] = useState<{ locale: Locale; messages: KnowledgeBaseMessages } | undefined>(() => {
    const cached = loaded.get(locale);
    return cached ? { locale, messages: cached } : undefined;
  });
  useEffect(() => {
    let live = true;
    void loadKnowledgeBaseMessages(locale).then((messages) => {
      if (live) setCatalog((current) => (current?.messages === messages ? current : { locale, messages }));
    });
    return () => {
      live = false;
    };
  }, [locale]);
  const messages = catalog?.locale === locale ? catalog.messages : undefined;
  return useMemo(
    () => createLocaleTranslator<KnowledgeBaseMessageKey>(locale, knowledgeBaseEn, messages, overrides),
    [locale, messages, overrides],
  );
}
