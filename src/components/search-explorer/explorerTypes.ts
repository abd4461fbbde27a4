import type { AnyFields, PrimaryKey, SearchItem } from '../../client/vector/types';
import type { MessageValues } from '../i18n/types';
import type { SearchExplorerMessageKey } from './messages/en';

/** The explorer's search modes, named like the API's search paths (`multiModal` is the text search). */
export type ExplorerMode = 'vector' | 'multiModal' | 'id' | 'keywords' | 'scalar' | 'random';

/** A mode as a caller or a URL may name it: `'text'` is the deprecated name of `'multiModal'`. */
export type ExplorerModeName = ExplorerMode | 'text';

/** Every mode, in the order the mode switch shows them. */
export const EXPLORER_MODES: readonly ExplorerMode[] = ['multiModal', 'vector', 'id', 'keywords', 'scalar', 'random'];

/** The mode a name stands for (`'text'` → `'multiModal'`), or `undefined` for an unknown name. */
export function toExplorerMode(name: string | undefined): ExplorerMode | undefined {
  if (name === 'text') return 'multiModal';
  return EXPLORER_MODES.find((mode) => mode === name);
}

/** What the query inputs hold (all modes at once, so switching modes keeps what was typed). */
export interface ExplorerQuery {
  mode: ExplorerMode;
  /** Pasted vector text (JSON array or separated numbers). */
  vector: string;
  /** The text of a `multiModal` search. */
  text: string;
  id: string;
  keywords: string;
  scalarField: string;
  scalarOrder: 'asc' | 'desc';
}

/** Query inputs to start with; `mode` may use the deprecated name `'text'`. */
export type ExplorerQueryInit = Partial<Omit<ExplorerQuery, 'mode'>> & { mode?: ExplorerModeName | undefined };

/** Empty inputs, `multiModal` mode, descending sort. */
export const DEFAULT_QUERY: ExplorerQuery = {
  mode: 'multiModal',
  vector: '',
  text: '',
  id: '',
  keywords: '',
  scalarField: '',
  scalarOrder: 'desc',
};

/** The default query with `init` on top (an unknown mode keeps the default). */
export function queryFrom(init: ExplorerQueryInit | undefined): ExplorerQuery {
  const { mode, ...inputs } = init ?? {};
  const defined = Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_QUERY, ...defined, mode: toExplorerMode(mode) ?? DEFAULT_QUERY.mode };
}

/** A result row. */
export type ExplorerRow = SearchItem<AnyFields>;

/** What the results area shows. */
export type ExplorerStatus = 'idle' | 'loading' | 'error' | 'empty' | 'success';

/** A string of the explorer's catalog with its values: the hook names it, the styled parts translate it. */
export interface ExplorerMessage {
  key: SearchExplorerMessageKey;
  values?: MessageValues | undefined;
}

/** A short announcement for the live region (restored, failed). */
export interface ExplorerNotice extends ExplorerMessage {
  kind: 'deleted' | 'restored' | 'error';
  /** Increases with each notice, so a repeated text is announced again. */
  id: number;
}

/** `'42'` → 42 (when a safe integer), else the text. */
export function toPrimaryKey(text: string): PrimaryKey {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** Whether the text is an integer (what an int64 key takes). */
export const isIntegerText = (text: string): boolean => /^-?\d+$/.test(text.trim());

/** Whether two keys name the same row (`7` and `'7'` do); `undefined` matches nothing. */
export const sameId = (a: PrimaryKey | undefined, b: PrimaryKey | undefined): boolean =>
  a !== undefined && String(a) === String(b);
