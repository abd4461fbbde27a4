import type { CatalogSource, Locale, Translate } from '../../i18n/types';
import { loadCatalog } from '../../i18n/useCatalog';
import { knowledgeChatEn, type KnowledgeChatMessageKey, type KnowledgeChatMessages } from './en';

/** Looks up a KnowledgeChat string and fills its placeholders. */
export type KnowledgeChatTranslate = Translate<KnowledgeChatMessageKey>;

/** The KnowledgeChat's strings: English bundled, zh-CN loaded on first use. */
export const knowledgeChatCatalog: CatalogSource<KnowledgeChatMessageKey> = {
  en: knowledgeChatEn,
  load: { 'zh-CN': () => import('./zh-CN').then((module) => module.knowledgeChatZhCN) },
};

/**
 * Loads the KnowledgeChat's strings for `locale` (English at once; zh-CN once per page, shared with the component).
 * Await it before rendering to skip the loading skeleton, e.g. in server rendering or tests.
 */
export function loadKnowledgeChatMessages(locale: Locale): Promise<KnowledgeChatMessages> {
  return loadCatalog(knowledgeChatCatalog, locale);
}
