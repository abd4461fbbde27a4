import { loadCatalog } from '../../i18n/useCatalog';
import type { CatalogSource, Locale } from '../../i18n/types';
import { memoryViewerEn, type MemoryViewerMessageKey, type MemoryViewerMessages } from './en';

/** The MemoryViewer's strings: English bundled, zh-CN loaded on first use. */
export const memoryViewerCatalog: CatalogSource<MemoryViewerMessageKey> = {
  en: memoryViewerEn,
  load: { 'zh-CN': () => import('./zh-CN').then((module) => module.memoryViewerZhCN) },
};

/**
 * Loads the MemoryViewer's strings for `locale` (English at once; zh-CN once per page, shared with the component).
 * Await it before rendering to skip the loading skeleton, e.g. in server rendering or tests.
 */
export function loadMemoryViewerMessages(locale: Locale): Promise<MemoryViewerMessages> {
  return loadCatalog(memoryViewerCatalog, locale);
}
