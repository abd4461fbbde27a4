import type { MessageKey } from './en';

/** The locales shipped with the components. */
export type Locale = 'en' | 'zh-CN';

/** A complete set of component strings. */
export type Messages = Readonly<Record<MessageKey, string>>;

/** Strings to replace, by key. Missing keys keep the locale's string. */
export type Translations = Partial<Messages>;

/** Values for the `{name}` placeholders of a string. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Looks up a string and fills its placeholders. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;
