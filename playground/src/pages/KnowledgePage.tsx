import { useId } from 'react';
import { KnowledgeBase } from 'vikingdb-kit/components/knowledge-base';
import { KnowledgeChat } from 'vikingdb-kit/components/knowledge-chat';
import { usePlaygroundText, type PlaygroundTextKey } from '../i18n/playgroundText';
import { useLocale } from '../settings/useSetting';
import { setUrlParams, useUrlState } from '../url/useUrlState';
import { KNOWN_KNOWLEDGE } from './knownIndexes';

/** The page's heading and picker already name the knowledge base: the components' own headers stay for screen readers. */
const HIDDEN_HEADER = { header: 'visually-hidden' };

/** The chat model of the collection + model mode, for a knowledge base without a service. */
const CHAT_MODEL = 'Doubao-1-5-pro-32k';

const SUGGESTIONS: readonly PlaygroundTextKey[] = ['suggestionPlayground', 'suggestionProxy', 'suggestionKnowledge'];

const PANES = [
  { id: 'chat', label: 'knowledgeChatTab' },
  { id: 'manager', label: 'knowledgeManagerTab' },
] as const satisfies ReadonlyArray<{ id: string; label: PlaygroundTextKey }>;

type Pane = (typeof PANES)[number]['id'];

/**
 * The Knowledge page: the KnowledgeChat over a knowledge base (through its service when it has one) on the left and
 * the KnowledgeBase manager on the right; on narrow screens they are two tabs. The knowledge base, the open document
 * and the tab live in the URL; a citation's "open" action opens its document in the manager.
 */
export default function KnowledgePage() {
  const [collection] = useUrlState('kb', KNOWN_KNOWLEDGE[0]?.name ?? 'demo_kb');
  const [docId] = useUrlState('doc', '');
  const [paneParam, setPane] = useUrlState('pane', 'chat');
  const pane: Pane = paneParam === 'manager' ? 'manager' : 'chat';
  const [locale] = useLocale();
  const { t } = usePlaygroundText();
  const id = useId();
  const known = KNOWN_KNOWLEDGE.find((kb) => kb.name === collection);
  const locator = { collection_name: collection, project_name: known?.projectName ?? 'default' };
  const openDoc = (next: string | null) => setUrlParams({ doc: next ?? undefined }, true);
  const chatSource = known?.service ? { service: known.service } : { collection: locator, model: CHAT_MODEL };
  return (
    <section aria-labelledby="knowledge-title" className="knowledge-page">
      <h1 id="knowledge-title">{t('knowledge')}</h1>
      <div className="pickers">
        <label>
          {t('knowledgeCollection')}{' '}
          <select value={collection} onChange={(e) => setUrlParams({ kb: e.target.value, doc: undefined }, true)}>
            {KNOWN_KNOWLEDGE.map((kb) => (
              <option key={kb.name} value={kb.name}>
                {kb.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="knowledge-tabs" role="tablist" aria-label={t('knowledgeViews')}>
        {PANES.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`${id}-tab-${item.id}`}
            aria-controls={`${id}-pane-${item.id}`}
            aria-selected={pane === item.id}
            tabIndex={pane === item.id ? 0 : -1}
            onClick={() => setPane(item.id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              const next = item.id === 'chat' ? 'manager' : 'chat';
              setPane(next);
              document.getElementById(`${id}-tab-${next}`)?.focus();
            }}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <div className="knowledge-layout" data-pane={pane}>
        <div
          className="knowledge-pane knowledge-pane--chat"
          id={`${id}-pane-chat`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-chat`}
        >
          <KnowledgeChat
            key={collection}
            {...chatSource}
            locale={locale}
            classNames={HIDDEN_HEADER}
            suggestedQuestions={SUGGESTIONS.map((key) => t(key))}
            onOpenDocument={(doc) => {
              setUrlParams({ doc, pane: 'manager' }, true);
            }}
          />
        </div>
        <div
          className="knowledge-pane knowledge-pane--manager"
          id={`${id}-pane-manager`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-manager`}
        >
          <KnowledgeBase
            key={collection}
            collection={locator}
            locale={locale}
            classNames={HIDDEN_HEADER}
            selectedDocId={docId === '' ? null : docId}
            onSelectDoc={openDoc}
          />
        </div>
      </div>
    </section>
  );
}
