import { Suspense, useMemo } from 'react';
import type { Locale } from '../i18n/types';
import { useCatalog } from '../i18n/useCatalog';
import { PrimitiveTextProvider } from '../primitives/PrimitiveText';
import { Skeleton } from '../primitives/Skeleton';
import { cx } from '../primitives/cx';
import { Composer } from './Composer';
import {
  KnowledgeChatCitationProvider,
  KnowledgeChatProvider,
  type KnowledgeChatClassKey,
  type KnowledgeChatSlots,
  type KnowledgeChatUi,
} from './KnowledgeChatContext';
import type { KnowledgeChatMessages } from './messages/en';
import { knowledgeChatCatalog } from './messages/catalog';
import { Transcript } from './Transcript';
import type { UseKnowledgeChatOptions } from './types';
import { useKnowledgeChat } from './useKnowledgeChat';

/** Props of {@link KnowledgeChat}: the options of {@link useKnowledgeChat}, the UI's language, classes and slots. */
export interface KnowledgeChatProps extends UseKnowledgeChatOptions, KnowledgeChatSlots {
  /** Language of the built-in strings (other than English loaded on demand, a skeleton showing meanwhile). Default `'en'`. */
  locale?: Locale | undefined;
  /** Replaces any string by key. Default: none. */
  messages?: Partial<KnowledgeChatMessages> | undefined;
  /** Extra class names by part. Default: none. */
  classNames?: Partial<Record<KnowledgeChatClassKey, string>> | undefined;
  /** Accessible name (and visible title) of the chat. Default: the `title` string. */
  title?: string | undefined;
}

const NO_CLASS_NAMES: Partial<Record<KnowledgeChatClassKey, string>> = {};

/**
 * A chat over a knowledge base: streamed Markdown answers with numbered citations (inline chips that open on click
 * and on focus, and the sources listed under each answer), reasoning, stop / regenerate / edit / copy / clear, token
 * usage and latency. Asks a knowledge `service`, or searches `collection` and asks `model`. Needs
 * `QueryClientProvider` + `VikingProvider` above it and `vikingdb-kit/components/knowledge-chat.css`. With a `locale`
 * other than `'en'` it shows a skeleton until that locale's strings have loaded (once per page).
 *
 * @example <KnowledgeChat service="kb-service-123" suggestedQuestions={['What is VikingDB?']} />
 */
export function KnowledgeChat(props: KnowledgeChatProps) {
  return (
    <Suspense
      fallback={
        <section className={cx('vdb-root', 'vdb-chat', props.classNames?.root)}>
          <Skeleton label="" />
        </section>
      }
    >
      <KnowledgeChatView {...props} />
    </Suspense>
  );
}

function KnowledgeChatView(props: KnowledgeChatProps) {
  const {
    locale = 'en',
    messages,
    classNames = NO_CLASS_NAMES,
    title,
    renderEmpty,
    renderCitation,
    ...options
  } = props;
  const t = useCatalog(knowledgeChatCatalog, locale, messages);
  const state = useKnowledgeChat(options, t);
  const ui = useMemo<KnowledgeChatUi>(() => {
    const formats = new Map<number, Intl.NumberFormat>();
    return {
      t,
      locale,
      classNames,
      renderEmpty,
      renderCitation,
      formatNumber: (value, digits = 0) => {
        let format = formats.get(digits);
        if (!format) {
          format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
          formats.set(digits, format);
        }
        return format.format(value);
      },
    };
  }, [t, locale, classNames, renderEmpty, renderCitation]);
  const value = useMemo(() => ({ state, ui }), [state, ui]);
  const { citations, onOpenDocument } = state;
  const citationValue = useMemo(() => ({ citations, ui, onOpenDocument }), [citations, ui, onOpenDocument]);
  const heading = title ?? t('title');
  return (
    <PrimitiveTextProvider value={t}>
      <KnowledgeChatProvider value={value}>
        <KnowledgeChatCitationProvider value={citationValue}>
          <section className={cx('vdb-root', 'vdb-chat', classNames.root)} aria-label={heading} lang={locale}>
            <header className={cx('vdb-chat-header', classNames.header)}>
              <h2 className="vdb-chat-title">{heading}</h2>
            </header>
            <Transcript />
            <p className="vdb-sr-only" role="status" aria-live="polite" aria-atomic="true">
              {state.announcement}
            </p>
            <Composer />
          </section>
        </KnowledgeChatCitationProvider>
      </KnowledgeChatProvider>
    </PrimitiveTextProvider>
  );
}
