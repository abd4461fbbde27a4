import { en } from './en';
import type { Locale, Messages } from './types';
import { zhCN } from './zh-CN';

/** The shipped string tables, by locale. */
export const messages: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };
