import { highlightTerms, termsOf } from './highlightTerms';
import { useKnowledgeChatCitationContext } from './KnowledgeChatContext';
import type { KnowledgeChatCitation } from './types';

/** The document name a citation shows. */
export function documentName(citation: KnowledgeChatCitation): string | undefined {
  const { reference } = citation;
  return reference.docInfo?.docName ?? reference.docInfo?.title ?? reference.docInfo?.docId;
}

/** The score a citation shows: the rerank score when there is one, else the retrieval score. */
export function citationScore(citation: KnowledgeChatCitation): number | undefined {
  return citation.reference.rerankScore ?? citation.reference.score;
}

/** A cited chunk in full: its text with the question's words highlighted, its document's tags, "open" action. */
export function CitationDetails({
  citation,
  turnId,
  question,
}: {
  citation: KnowledgeChatCitation;
  turnId: string;
  question: string;
}) {
  const { ui, onOpenDocument: open } = useKnowledgeChatCitationContext();
  const { t } = ui;
  const { reference } = citation;
  const tags = reference.docInfo?.docMeta ?? [];
  const docId = reference.docInfo?.docId;
  const score = citationScore(citation);
  const details = (
    <>
      <span className="vdb-chat-details__head">
        <span className="vdb-chat-details__doc">{documentName(citation) ?? t('untitledDocument')}</span>
        {reference.chunkTitle ? <span className="vdb-chat-details__title">{reference.chunkTitle}</span> : null}
        {score !== undefined ? (
          <span className="vdb-chat-details__score">{t('score', { score: ui.formatNumber(score, 3) })}</span>
        ) : null}
      </span>
      <span className="vdb-chat-details__text">{highlightTerms(reference.content ?? '', termsOf(question))}</span>
      {tags.length > 0 ? (
        <span className="vdb-chat-details__tags" aria-label={t('tags')}>
          {tags.map((tag, i) => (
            <span key={i} className="vdb-chat-tag">
              {tag.fieldName}: {String(tag.fieldValue ?? '')}
            </span>
          ))}
        </span>
      ) : null}
      {open && docId ? (
        <button
          type="button"
          className="vdb-button vdb-button--small vdb-chat-details__open"
          onClick={() => open(docId, reference.pointId)}
        >
          {t('openDocument')}
        </button>
      ) : null}
    </>
  );
  return ui.renderCitation ? ui.renderCitation(citation, { turnId, question, defaultDetails: details }) : details;
}
