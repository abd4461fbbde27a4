import { useMemo } from 'react';
import { createLocaleTranslator } from './createTranslator';
import { en } from './en';
import { messages } from './messages';
import type { Locale, Translate, Translations } from './types';

/** `t` for a locale (default `'en'`) with the caller's overrides on top; stable while its inputs are. */
export function useTranslator(locale: Locale = 'en', translations?: Translations): Translate {
  return useMemo(() => createLocaleTranslator(locale, en, messages[locale], translations), [locale, translations]);
}
