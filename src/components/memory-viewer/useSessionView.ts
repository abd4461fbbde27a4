import type { MemoryLocator, SessionInfo } from '../../client/memory/types';
import { useSessionInfo } from '../../hooks/index';
import { viewStateOf, type ViewState } from './viewState';

/** One session of the timeline. */
export interface SessionView {
  sessionId: string;
  view: ViewState;
  session: SessionInfo | undefined;
  refetch: () => void;
}

/** Loads one session (`useSessionInfo`) for the timeline; `empty` when it has no messages. */
export function useSessionView(collection: MemoryLocator, sessionId: string): SessionView {
  const query = useSessionInfo({ collection, sessionId });
  return {
    sessionId,
    view: viewStateOf(query, query.data?.messages.length ?? 0),
    session: query.data,
    refetch: () => void query.refetch(),
  };
}
