import { createContext, useContext, type ReactNode } from 'react';
import type { PointInfo } from '../../client/knowledge/types';
import type { KnowledgeBaseTranslate } from './messages/catalog';
import type { KnowledgeDoc } from './types';
import type { KnowledgeBaseState } from './useKnowledgeBase';

/** Parts of the styled manager that take an extra class name. */
export type KnowledgeBaseClassKey =
  | 'root'
  | 'header'
  | 'uploader'
  | 'filters'
  | 'list'
  | 'row'
  | 'detail'
  | 'points'
  | 'point'
  | 'query'
  | 'result'
  | 'toast';

/** Extra class names by part. */
export type KnowledgeBaseClassNames = Partial<Record<KnowledgeBaseClassKey, string>>;

/** Render slots of the styled manager. */
export interface KnowledgeBaseSlots {
  /** Replaces the content of a document row (the row itself, its selection and keys stay). Default: name, type, status, chunks, tags, time. */
  renderDocRow?: ((item: KnowledgeDoc, context: { defaultRow: ReactNode }) => ReactNode) | undefined;
  /** Replaces a ranked chunk of "Try a query". Default: rank, scores, document, title and content. */
  renderResult?: ((point: PointInfo, context: { rank: number; defaultResult: ReactNode }) => ReactNode) | undefined;
}

/** What the styled parts share besides the state. */
export interface KnowledgeBaseUi extends KnowledgeBaseSlots {
  t: KnowledgeBaseTranslate;
  classNames: KnowledgeBaseClassNames;
  /** Formats epoch ms for display. */
  formatTime: (ms: number) => string;
}

/** The one context of the styled parts: the headless state and the ui. */
export interface KnowledgeBaseContextValue {
  state: KnowledgeBaseState;
  ui: KnowledgeBaseUi;
}

const KnowledgeBaseContext = createContext<KnowledgeBaseContextValue | null>(null);

/** Provides {@link KnowledgeBaseContextValue} to the parts. */
export const KnowledgeBaseProvider = KnowledgeBaseContext.Provider;

/** The nearest KnowledgeBase's state and ui; throws outside `<KnowledgeBase>`. */
export function useKnowledgeBaseContext(): KnowledgeBaseContextValue {
  const value = useContext(KnowledgeBaseContext);
  if (!value) throw new Error('KnowledgeBase parts must be rendered inside <KnowledgeBase>');
  return value;
}
