import { loadCatalog } from '../../i18n/useCatalog';
import type { CatalogSource, Locale } from '../../i18n/types';
import { searchExplorerEn, type SearchExplorerMessageKey, type SearchExplorerMessages } from './en';

/** The SearchExplorer's strings: English bundled, zh-CN loaded on first use. */
export const searchExplorerCatalog: CatalogSource<SearchExplorerMessageKey> = {
  en: searchExplorerEn,
  load: { 'zh-CN': () => import('./zh-CN').then((module) => module.searchExplorerZhCN) },
};

/**
 * Loads the SearchExplorer's strings for `locale` (English at once; zh-CN once per page, shared with the component).
 * Await it before rendering to skip the loading skeleton, e.g. in server rendering or tests.
 */
export function loadSearchExplorerMessages(locale: Locale): Promise<SearchExplorerMessages> {
  return loadCatalog(searchExplorerCatalog, locale);
}
