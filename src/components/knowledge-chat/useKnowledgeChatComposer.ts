import {
  useCallback,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { KnowledgeChatConversation } from './useKnowledgeChatConversation';

/** Attributes and handlers of the composer's form. */
export interface ComposerFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** Attributes and handlers of the composer's text area. */
export interface ComposerInputProps {
  ref: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  disabled: boolean;
  rows: number;
}

/** The composer: the draft, edit-and-resend of the last question, and its prop getters. */
export interface KnowledgeChatComposer {
  draft: string;
  setDraft(text: string): void;
  /** The draft replaces the last question when sent (after `startEdit()`). */
  editing: boolean;
  /** Puts the last question in the composer to edit and resend it. */
  startEdit(): void;
  cancelEdit(): void;
  /** Sends the draft (or resends it as the edited last question); ignored while an answer streams. */
  submit(): void;
  /** Whether the draft can be sent now. */
  canSubmit: boolean;
  /** Asks `question` right away (a suggested question). */
  ask(question: string): void;
  getFormProps(): ComposerFormProps;
  getInputProps(): ComposerInputProps;
}

/**
 * The composer of the KnowledgeChat: Enter sends, Shift+Enter adds a line (and Enter while composing with an input
 * method is left to it); the text area is disabled while an answer is being retrieved or streamed.
 */
export function useKnowledgeChatComposer(conversation: KnowledgeChatConversation): KnowledgeChatComposer {
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const { busy, unconfigured, send, editLast, lastTurn } = conversation;
  const canSubmit = !busy && !unconfigured && draft.trim() !== '';

  const submit = useCallback(() => {
    if (!canSubmit) return;
    if (editing) editLast(draft);
    else send(draft);
    setDraft('');
    setEditing(false);
  }, [canSubmit, draft, editLast, editing, send]);

  const startEdit = useCallback(() => {
    if (!lastTurn || busy) return;
    setDraft(lastTurn.question);
    setEditing(true);
    inputRef.current?.focus();
  }, [busy, lastTurn]);

  const cancelEdit = useCallback(() => {
    setEditing(false);
    setDraft('');
  }, []);

  const ask = useCallback(
    (question: string) => {
      if (busy || unconfigured) return;
      send(question);
    },
    [busy, send, unconfigured],
  );

  const getFormProps = useCallback(
    (): ComposerFormProps => ({
      onSubmit: (event) => {
        event.preventDefault();
        submit();
      },
    }),
    [submit],
  );

  const getInputProps = useCallback(
    (): ComposerInputProps => ({
      ref: inputRef,
      value: draft,
      onChange: (event) => setDraft(event.target.value),
      onKeyDown: (event) => {
        if (event.key === 'Escape' && editing) {
          event.preventDefault();
          cancelEdit();
          return;
        }
        if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
        event.preventDefault();
        submit();
      },
      disabled: busy || unconfigured,
      rows: Math.min(8, Math.max(2, draft.split('\n').length)),
    }),
    [busy, cancelEdit, draft, editing, submit, unconfigured],
  );

  return { draft, setDraft, editing, startEdit, cancelEdit, submit, canSubmit, ask, getFormProps, getInputProps };
}
