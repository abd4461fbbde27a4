import { cx } from '../primitives/cx';
import { CitationDetails, documentName } from './CitationDetails';
import { useKnowledgeChatContext } from './KnowledgeChatContext';
import type { KnowledgeChatCitation, KnowledgeChatTurn } from './types';

/**
 * An inline `[n]` marker of an answer as a chip: focus or click opens the cited chunk's details next to it (Escape or
 * moving focus away closes them). Spans only, so it fits inside paragraphs, list items and table cells.
 */
export function CitationChip({ citation, turn }: { citation: KnowledgeChatCitation; turn: KnowledgeChatTurn }) {
  const { state, ui } = useKnowledgeChatContext();
  const { citations } = state;
  const { number } = citation;
  const open = citations.isOpen(turn.id, number);
  return (
    <span className="vdb-chat-anchor" {...citations.getAnchorProps(turn.id, number)}>
      <button
        {...citations.getChipProps(turn.id, number)}
        className={cx('vdb-chat-chip', open && 'vdb-chat-chip--open', ui.classNames.citation)}
        aria-label={ui.t('citation', { number, name: documentName(citation) ?? ui.t('untitledDocument') })}
      >
        {number}
      </button>
      {open ? (
        <span {...citations.getDetailsProps(turn.id, number)} className="vdb-chat-popover">
          <CitationDetails citation={citation} turn={turn} />
        </span>
      ) : null}
    </span>
  );
}
