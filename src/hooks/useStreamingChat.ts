import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServiceChatReference, StreamChunkBase } from '../client/knowledge/types';
import { nextFrame } from './nextFrame';

/** One turn of a chat. */
export interface ChatMessage {
  role: 'user' | 'assistant' | 'system' | (string & {});
  content: string;
}

/**
 * Where a chat is: `idle` before the first `send`; `streaming` while an answer arrives; `done` when it ended;
 * `stopped` after `stop()` (or a newer `send`); `error` when the request failed (see `error`).
 */
export type ChatStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/** The state and actions of {@link useChatCompletion} and {@link useServiceChat}. */
export interface StreamingChat {
  /** The conversation: the user's turns, and each finished (or stopped) answer as an `assistant` turn. */
  messages: ChatMessage[];
  /** The answer of the current (or last) turn, growing while `status` is `streaming`. */
  answer: string;
  /** Its reasoning text (`reasoning_content` deltas), when the model sends any. */
  reasoning: string;
  /** The references the service retrieved for the current turn (service chat's `result_list`); `[]` otherwise. */
  references: ServiceChatReference[];
  /** Token usage of the current turn, when the service reported it. */
  usage: Record<string, unknown> | undefined;
  status: ChatStatus;
  /** Why the last turn failed (`status` `error`). */
  error: Error | undefined;
  /** Adds a user turn and streams the answer to the whole conversation. Stops an answer still streaming first. */
  send(text: string): void;
  /** Aborts the request in flight; what arrived so far stays as the answer (`status` `stopped`). */
  stop(): void;
  /** Asks again for the last user turn, replacing the answer that followed it. */
  regenerate(): void;
  /** Replaces the conversation (e.g. to edit a turn, or to clear it with `[]`). */
  setMessages(next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void;
}

/** A chunk as the chat state reads it; service chat chunks carry references, chat completion chunks usage. */
type AnyChunk = StreamChunkBase & {
  references?: ServiceChatReference[] | undefined;
  usage?: Record<string, unknown> | undefined;
};

/** Opens the answer stream for a conversation. */
export type OpenChatStream = (messages: ChatMessage[], signal: AbortSignal) => Promise<AsyncIterable<AnyChunk>>;

interface Live {
  answer: string;
  reasoning: string;
  references: ServiceChatReference[];
  usage: Record<string, unknown> | undefined;
}

const EMPTY: Live = { answer: '', reasoning: '', references: [], usage: undefined };

/**
 * The streaming chat state machine shared by the chat hooks. Text deltas are gathered outside React and committed at
 * most once per animation frame, so a fast stream renders once per frame, not once per token. The request aborts on
 * `stop()`, on a new `send`/`regenerate`, and on unmount.
 */
export function useStreamingChat(open: OpenChatStream, initialMessages: readonly ChatMessage[] = []): StreamingChat {
  const [messages, setMessageState] = useState<ChatMessage[]>(() => [...initialMessages]);
  const [live, setLive] = useState<Live>(EMPTY);
  const [status, setStatus] = useState<ChatStatus>('idle');
  const [error, setError] = useState<Error | undefined>(undefined);
  const messagesRef = useRef(messages);
  const openRef = useRef(open);
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const cancelFrameRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    openRef.current = open;
  });

  const setMessages = useCallback((next: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])) => {
    messagesRef.current = typeof next === 'function' ? next(messagesRef.current) : next;
    setMessageState(messagesRef.current);
  }, []);

  const run = useCallback(
    async (history: ChatMessage[]) => {
      controllerRef.current?.abort();
      cancelFrameRef.current?.();
      cancelFrameRef.current = undefined;
      const controller = new AbortController();
      controllerRef.current = controller;
      const current = () => controllerRef.current === controller;
      const pending: Live = { ...EMPTY };
      const commit = () => {
        cancelFrameRef.current?.();
        cancelFrameRef.current = undefined;
        setLive({ ...pending });
      };
      const schedule = () => {
        cancelFrameRef.current ??= nextFrame(() => {
          cancelFrameRef.current = undefined;
          if (current()) setLive({ ...pending });
        });
      };
      const finish = (end: ChatStatus) => {
        commit();
        if (end !== 'error' && pending.answer !== '') {
          setMessages((list) => [...list, { role: 'assistant', content: pending.answer }]);
        }
        setStatus(end);
        controllerRef.current = undefined;
      };

      setLive(EMPTY);
      setError(undefined);
      setStatus('streaming');
      try {
        const stream = await openRef.current(history, controller.signal);
        for await (const chunk of stream) {
          if (!current()) return;
          pending.answer += chunk.generatedAnswer;
          pending.reasoning += chunk.reasoningContent;
          if (chunk.references) pending.references = chunk.references;
          if (chunk.usage) pending.usage = chunk.usage;
          schedule();
        }
        if (current()) finish(controller.signal.aborted ? 'stopped' : 'done');
      } catch (reason) {
        if (!current()) return;
        if (controller.signal.aborted) {
          finish('stopped');
        } else {
          setError(reason instanceof Error ? reason : new Error(String(reason)));
          finish('error');
        }
      }
    },
    [setMessages],
  );

  const send = useCallback(
    (text: string) => {
      const history = [...messagesRef.current, { role: 'user', content: text }];
      setMessages(history);
      void run(history);
    },
    [run, setMessages],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const regenerate = useCallback(() => {
    const list = messagesRef.current;
    let lastUser = list.length - 1;
    while (lastUser >= 0 && list[lastUser]!.role !== 'user') lastUser--;
    if (lastUser < 0) return;
    const history = list.slice(0, lastUser + 1);
    setMessages(history);
    void run(history);
  }, [run, setMessages]);

  useEffect(
    () => () => {
      const controller = controllerRef.current;
      controllerRef.current = undefined;
      controller?.abort();
      cancelFrameRef.current?.();
    },
    [],
  );

  return { messages, ...live, status, error, send, stop, regenerate, setMessages };
}
