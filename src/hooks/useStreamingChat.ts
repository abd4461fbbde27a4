import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServiceChatReference, StreamChunkBase } from '../client';
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

/** The current turn, as rendered. */
interface Turn {
  answer: string;
  reasoning: string;
  references: ServiceChatReference[];
  usage: Record<string, unknown> | undefined;
  status: ChatStatus;
  error: Error | undefined;
}

const IDLE: Turn = { answer: '', reasoning: '', references: [], usage: undefined, status: 'idle', error: undefined };

/**
 * The streaming chat state machine shared by the chat hooks. Text deltas are gathered outside React and committed at
 * most once per animation frame, so a fast stream renders once per frame, not once per token. The request aborts on
 * `stop()`, on a new `send`/`regenerate`, and on unmount.
 */
export function useStreamingChat(open: OpenChatStream, initialMessages: readonly ChatMessage[] = []): StreamingChat {
  const [messages, setMessageState] = useState<ChatMessage[]>(() => [...initialMessages]);
  const [turn, setTurn] = useState<Turn>(IDLE);
  const messagesRef = useRef(messages);
  const openRef = useRef(open);
  const controllerRef = useRef<AbortController | undefined>(undefined);
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
      const controller = new AbortController();
      controllerRef.current = controller;
      const pending: Turn = { ...IDLE, status: 'streaming' };
      let cancelFrame: (() => void) | undefined;
      /** Renders `pending` now (`end` set: the turn is over) or at the next frame. */
      const commit = (end?: ChatStatus) => {
        if (controllerRef.current !== controller) return;
        if (end) {
          cancelFrame?.();
          pending.status = end;
          if (end !== 'error' && pending.answer !== '') {
            setMessages((list) => [...list, { role: 'assistant', content: pending.answer }]);
          }
          controllerRef.current = undefined;
          setTurn({ ...pending });
        } else {
          cancelFrame ??= nextFrame(() => {
            cancelFrame = undefined;
            if (controllerRef.current === controller) setTurn({ ...pending });
          });
        }
      };
      controller.signal.addEventListener('abort', () => cancelFrame?.());
      setTurn({ ...pending });
      try {
        for await (const chunk of await openRef.current(history, controller.signal)) {
          if (controllerRef.current !== controller) return;
          pending.answer += chunk.generatedAnswer;
          pending.reasoning += chunk.reasoningContent;
          if (chunk.references) pending.references = chunk.references;
          if (chunk.usage) pending.usage = chunk.usage;
          commit();
        }
        commit(controller.signal.aborted ? 'stopped' : 'done');
      } catch (reason) {
        // The client throws its error classes; a caller's `open` could throw anything.
        if (!controller.signal.aborted) pending.error = reason as Error;
        commit(controller.signal.aborted ? 'stopped' : 'error');
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
    const lastUser = list.findLastIndex((message) => message.role === 'user');
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
    },
    [],
  );

  return { messages, ...turn, send, stop, regenerate, setMessages };
}
