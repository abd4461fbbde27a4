import { useEffect, useMemo, useState } from 'react';
import { createLocaleTranslator } from '../../i18n/createTranslator';
import { en as sharedEn, type MessageKey } from '../../i18n/en';
import type { Locale, MessageValues, Translate } from '../../i18n/types';
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

/** The two `t`s of the KnowledgeBase: its own strings, and the shared primitives' (error notice, confirm button). */
export interface KnowledgeBaseTranslators {
  t: KnowledgeBaseTranslate;
  primitivesT: Translate;
}

/**
 * The translators for `locale` with `overrides` on top. Until a non-English catalog has loaded, its keys read in English (the
 * component re-renders when it arrives).
 */
export function useKnowledgeBaseTranslators(
  locale: Locale,
  overrides: Partial<Record<KnowledgeBaseMessageKey | MessageKey, string>> | undefined,
): KnowledgeBaseTranslators {
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
    () => ({
      t: createLocaleTranslator<KnowledgeBaseMessageKey>(locale, knowledgeBaseEn, messages, overrides),
      // The primitives' keys come from this catalog, so the other components' strings are never loaded here.
      primitivesT: createLocaleTranslator<MessageKey>(locale, sharedEn, messages ?? knowledgeBaseEn, overrides),
    }),
    [locale, messages, overrides],
  );
}
