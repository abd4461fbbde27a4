export { en, type MessageKey } from './en';
export { zhCN } from './zh-CN';
export { messages } from './messages';
export { createTranslator, createLocaleTranslator } from './createTranslator';
export { useTranslator } from './useTranslator';
export { TranslatorProvider, useT } from './TranslatorContext';
export type { Locale, Messages, Translations, Translate, MessageValues } from './types';
