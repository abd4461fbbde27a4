import { createLocaleTranslator } from '../../i18n/createTranslator';
import { memoryViewerEn, type MemoryViewerMessages } from './en';
import type { Translate } from './format';
import { memoryViewerZhCN } from './zh-CN';

/** Locales the MemoryViewer ships strings for. */
export type MemoryViewerLocale = 'en' | 'zh-CN';

const BUNDLES: Readonly<Record<MemoryViewerLocale, MemoryViewerMessages>> = {
  en: memoryViewerEn,
  'zh-CN': memoryViewerZhCN,
};

/** `t` over the strings of `locale` (default `'en'`) with `overrides` on top (unknown keys are ignored). */
export function createMemoryViewerTranslate(
  locale: MemoryViewerLocale = 'en',
  overrides?: Partial<Record<string, string>>,
): Translate {
  return createLocaleTranslator<keyof MemoryViewerMessages>(locale, memoryViewerEn, BUNDLES[locale], overrides);
}
