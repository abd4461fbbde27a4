import { useState } from 'react';
import type { MemoryLocator, MessageRole } from '../../client/memory/types';
import { useAddSession } from '../../hooks/index';
import { toErrorInfo } from './errorInfo';
import { compact } from './compact';
import { epochOfLocalInput } from './timeInput';
import type { MessageRef } from './types';

/** One message being written in the composer. */
export interface DraftMessage {
  /** Stable React key. */
  id: number;
  role: MessageRole;
  content: string;
}

/** The composer's metadata fields as typed (`time` is a `datetime-local` value; empty = now). */
export interface ComposerFields {
  sessionId: string;
  userId: string;
  userName: string;
  assistantId: string;
  assistantName: string;
  groupId: string;
  time: string;
}

/** State and actions of the add-session composer. */
export interface SessionComposer {
  fields: ComposerFields;
  messages: readonly DraftMessage[];
  /** Why the last submit was refused, if it was. */
  problem: MessageRef | undefined;
  isPending: boolean;
  setField: (name: keyof ComposerFields, value: string) => void;
  setMessage: (id: number, change: Partial<Omit<DraftMessage, 'id'>>) => void;
  /** Adds an empty message, alternating the role after the last one. */
  addMessage: () => void;
  removeMessage: (id: number) => void;
  /** Sends the session; on success resets the messages and returns the session id. */
  submit: () => Promise<string | undefined>;
}

/** Inputs of {@link useSessionComposer}. */
export interface SessionComposerOptions {
  collection: MemoryLocator;
  userId: string | undefined;
  assistantId: string | undefined;
  notify: (tone: 'info' | 'error', message: MessageRef) => void;
}

const firstMessages = (): DraftMessage[] => [
  { id: 0, role: 'user', content: '' },
  { id: 1, role: 'assistant', content: '' },
];

/** The add-session composer: messages with roles, metadata (user/assistant ids and names, group, time). */
export function useSessionComposer(options: SessionComposerOptions): SessionComposer {
  const addSession = useAddSession(options.collection);
  const [fields, setFields] = useState<ComposerFields>({
    sessionId: '',
    userId: options.userId ?? '',
    userName: '',
    assistantId: options.assistantId ?? '',
    assistantName: '',
    groupId: '',
    time: '',
  });
  // The viewer's user and assistant filters fill the composer's ids, and follow them when they change.
  const [filters, setFilters] = useState({ userId: options.userId, assistantId: options.assistantId });
  if (filters.userId !== options.userId || filters.assistantId !== options.assistantId) {
    setFilters({ userId: options.userId, assistantId: options.assistantId });
    setFields((current) => ({
      ...current,
      ...(filters.userId !== options.userId ? { userId: options.userId ?? '' } : {}),
      ...(filters.assistantId !== options.assistantId ? { assistantId: options.assistantId ?? '' } : {}),
    }));
  }
  const [messages, setMessages] = useState<readonly DraftMessage[]>(firstMessages);
  const [problem, setProblem] = useState<MessageRef | undefined>(undefined);

  return {
    fields,
    messages,
    problem,
    isPending: addSession.isPending,
    setField: (name, value) => setFields((current) => ({ ...current, [name]: value })),
    setMessage: (id, change) => {
      setMessages((list) => list.map((message) => (message.id === id ? { ...message, ...change } : message)));
      setProblem(undefined);
    },
    addMessage: () =>
      setMessages((list) => {
        const last = list.at(-1);
        const id = list.reduce((max, message) => Math.max(max, message.id), -1) + 1;
        return [...list, { id, role: last?.role === 'user' ? 'assistant' : 'user', content: '' }];
      }),
    removeMessage: (id) => setMessages((list) => (list.length > 1 ? list.filter((m) => m.id !== id) : list)),
    submit: async () => {
      const written = messages
        .filter((message) => message.content.trim() !== '')
        .map(({ role, content }) => ({ role, content }));
      if (written.length === 0) {
        setProblem({ key: 'composerNeedMessage' });
        return undefined;
      }
      setProblem(undefined);
      const sessionId = fields.sessionId.trim() || `session_${Date.now().toString(36)}`;
      const metadata = compact({
        defaultUserId: fields.userId.trim(),
        defaultUserName: fields.userName.trim(),
        defaultAssistantId: fields.assistantId.trim(),
        defaultAssistantName: fields.assistantName.trim(),
        groupId: fields.groupId.trim(),
        time: epochOfLocalInput(fields.time),
      });
      try {
        const result = await addSession.mutateAsync({ params: { sessionId, messages: written, metadata } });
        const count = (key: string) => (Array.isArray(result.data[key]) ? result.data[key].length : 0);
        options.notify('info', {
          key: 'composerAdded',
          values: { id: result.sessionId, events: count('event_ids'), profiles: count('profile_ids') },
        });
        setMessages(firstMessages());
        setFields((current) => ({ ...current, sessionId: '' }));
        return result.sessionId;
      } catch (error) {
        options.notify('error', { key: 'actionFailed', values: { message: toErrorInfo(error)?.message ?? '' } });
        return undefined;
      }
    },
  };
}
