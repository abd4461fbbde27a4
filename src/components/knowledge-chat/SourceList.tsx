import { cx } from '../primitives/cx';
import { citationScore, CitationDetails, documentName } from './CitationDetails';
import { useKnowledgeChatContext } from './KnowledgeChatContext';
import type { KnowledgeChatTurn } from './types';

const CITED = /\[(\d{1,3})\]/g;

/** The numbers an answer cites. */
function citedNumbers(answer: string): Set<number> {
  return new Set([...answer.matchAll(CITED)].map((match) => Number(match[1])));
}

/**
 * The sources of an answer, under it: every retrieved chunk, numbered as the answer cites it (so the list never
 * reorders while the answer streams), with its document name, chunk title and score; the cited ones marked. Each
 * opens its full details like an inline chip does.
 */
export function SourceList({ turn, index }: { turn: KnowledgeChatTurn; index: number }) {
  const { state, ui } = useKnowledgeChatContext();
  const { t, formatNumber } = ui;
  const { citations } = state;
  if (turn.citations.length === 0) return null;
  const cited = citedNumbers(turn.answer);
  return (
    <section
      className={cx('vdb-chat-sources', ui.classNames.sources)}
      aria-label={t('sourcesLabel', { turn: index + 1 })}
    >
      <h3 className="vdb-chat-sources__title">{t('sources', { count: turn.citations.length })}</h3>
      <ol className="vdb-chat-sources__list">
        {turn.citations.map((citation) => {
          const open = citations.isOpen(turn.id, citation.number, 'list');
          const score = citationScore(citation);
          return (
            <li
              key={citation.number}
              className={cx('vdb-chat-source', cited.has(citation.number) && 'vdb-chat-source--cited')}
              {...citations.getAnchorProps(turn.id, citation.number, 'list')}
            >
              <button {...citations.getChipProps(turn.id, citation.number, 'list')} className="vdb-chat-source__button">
                <span className="vdb-chat-chip" aria-hidden="true">
                  {citation.number}
                </span>
                <span className="vdb-chat-source__doc">{documentName(citation) ?? t('untitledDocument')}</span>
                {citation.reference.chunkTitle ? (
                  <span className="vdb-chat-source__title">{citation.reference.chunkTitle}</span>
                ) : null}
                {score !== undefined ? (
                  <span className="vdb-chat-source__score">{t('score', { score: formatNumber(score, 3) })}</span>
                ) : null}
                {cited.has(citation.number) ? <span className="vdb-chat-source__cited">{t('cited')}</span> : null}
              </button>
              {open ? (
                <div
                  {...citations.getDetailsProps(turn.id, citation.number, 'list')}
                  className="vdb-chat-source__details"
                >
                  <CitationDetails citation={citation} turnId={turn.id} question={turn.question} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
