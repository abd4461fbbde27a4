import { loadCatalog } from '../../i18n/useCatalog';
import type { CatalogSource, Locale, Translate } from '../../i18n/types';
import { knowledgeBaseEn, type KnowledgeBaseMessageKey, type KnowledgeBaseMessages } from './en';

/** `t` of the KnowledgeBase: the string of a key with its placeholders filled. */
export type KnowledgeBaseTranslate = Translate<KnowledgeBaseMessageKey>;

/** The KnowledgeBase's strings: English bundled, zh-CN loaded on first use. */
export const knowledgeBaseCatalog: CatalogSource<KnowledgeBaseMessageKey> = {
  en: knowledgeBaseEn,
  load: { 'zh-CN': () => import('./zh-CN').then((module) => module.knowledgeBaseZhCN) },
};

/**
 * Loads the KnowledgeBase's strings for `locale` (English at once; zh-CN once per page, shared with the component).
 * Await it before rendering to skip the loading skeleton, e.g. in server rendering or tests.
 */
export function loadKnowledgeBaseMessages(locale: Locale): Promise<KnowledgeBaseMessages> {
  return loadCatalog(knowledgeBaseCatalog, locale);
}
