import type { MemoryViewerMessages } from './en';

/** Values that fill `{name}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A translate function: the string of `key` with its placeholders filled. */
export type Translate = (key: keyof MemoryViewerMessages, values?: MessageValues) => string;
