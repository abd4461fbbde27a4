import { memo } from 'react';
import { cx } from '../primitives/cx';
import { CitationDetails, documentName } from './CitationDetails';
import { useKnowledgeChatCitationContext } from './KnowledgeChatContext';
import type { KnowledgeChatCitation } from './types';

/**
 * An inline `[n]` marker of an answer as a chip: focus or click opens the cited chunk's details next to it (Escape or
 * moving focus away closes them). Spans only, so it fits inside paragraphs, list items and table cells.
 */
export const CitationChip = memo(function CitationChip({
  citation,
  turnId,
  question,
}: {
  citation: KnowledgeChatCitation;
  turnId: string;
  question: string;
}) {
  const { citations, ui } = useKnowledgeChatCitationContext();
  const { number } = citation;
  const open = citations.isOpen(turnId, number);
  return (
    <span className="vdb-chat-anchor" {...citations.getAnchorProps(turnId, number)}>
      <button
        {...citations.getChipProps(turnId, number)}
        className={cx('vdb-chat-chip', open && 'vdb-chat-chip--open', ui.classNames.citation)}
        aria-label={ui.t('citation', { number, name: documentName(citation) ?? ui.t('untitledDocument') })}
      >
        {number}
      </button>
      {open ? (
        <span {...citations.getDetailsProps(turnId, number)} className="vdb-chat-popover">
          <CitationDetails citation={citation} turnId={turnId} question={question} />
        </span>
      ) : null}
    </span>
  );
});
