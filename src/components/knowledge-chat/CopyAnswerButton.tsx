import { useEffect, useState } from 'react';
import { useKnowledgeChatContext } from './KnowledgeChatContext';

/** Copies an answer's Markdown to the clipboard and says so (politely) for 1.5 s. */
export function CopyAnswerButton({ text }: { text: string }) {
  const { t } = useKnowledgeChatContext().ui;
  const [status, setStatus] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <button type="button" className="vdb-button vdb-button--small" onClick={() => void copy()}>
      <span aria-live="polite">
        {status === 'done' ? t('copied') : status === 'failed' ? t('copyFailed') : t('copy')}
      </span>
    </button>
  );
}
