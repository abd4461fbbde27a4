import { createContext, useContext, type ReactNode } from 'react';
import type { Translate } from '../i18n/types';
import type { SearchExplorerMessageKey } from './messages/en';
import type { SearchExplorerClassNames } from './classNames';
import type { ExplorerMessage, ExplorerRow } from './explorerTypes';
import type { SearchExplorerState } from './useSearchExplorer';

/** What a row slot is told about its row. */
export interface RowRenderState {
  index: number;
  active: boolean;
  selected: boolean;
}

/** Renders a row's content (inside the row's open button, so keep it inline). */
export type RenderRow = (row: ExplorerRow, state: RowRenderState) => ReactNode;

/** Renders the detail panel's body for the selected row (header and close button stay). */
export type RenderDetail = (row: ExplorerRow, explorer: SearchExplorerState) => ReactNode;

/** What the styled parts share besides the explorer's state: strings, class names, slots and formatters. */
export interface SearchExplorerUi {
  /** The explorer's strings in the chosen locale. */
  t: Translate<SearchExplorerMessageKey>;
  /** Translates a message the headless hook returned. */
  say: (message: ExplorerMessage) => string;
  /** Extra class names by part. */
  classNames: SearchExplorerClassNames;
  /** Renders a result row's content. Default: title, id and field chips. */
  renderRow: RenderRow | undefined;
  /** Renders the detail panel's body. Default: fields table / JSON. */
  renderDetail: RenderDetail | undefined;
  /** Height of the result list in px. */
  listHeight: number;
}

/** The value of {@link SearchExplorerProvider}. */
export interface SearchExplorerContextValue {
  state: SearchExplorerState;
  ui: SearchExplorerUi;
}

const SearchExplorerContext = createContext<SearchExplorerContextValue | undefined>(undefined);

/** Gives the explorer's parts its state and UI (the `<SearchExplorer>` shell renders it). */
export function SearchExplorerProvider({
  value,
  children,
}: {
  value: SearchExplorerContextValue;
  children?: ReactNode;
}) {
  return <SearchExplorerContext.Provider value={value}>{children}</SearchExplorerContext.Provider>;
}

/** The nearest {@link SearchExplorerProvider}'s value; throws outside one (a part used without its shell). */
export function useSearchExplorerContext(): SearchExplorerContextValue {
  const value = useContext(SearchExplorerContext);
  if (!value)
    throw new Error('SearchExplorer parts must be rendered inside <SearchExplorer> (no SearchExplorerProvider above).');
  return value;
}
