import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { KnowledgeMessage, PointInfo, VikingClient } from '../../client/index';
import { useVikingClient } from '../../hooks/index';
import type { KnowledgeChatTurn, KnowledgeChatUsage, UseKnowledgeChatOptions } from './types';

/** The conversation: its turns, the one streaming, and what can be done to them. */
export interface KnowledgeChatConversation {
  turns: readonly KnowledgeChatTurn[];
  /** The last turn, when there is one. */
  lastTurn: KnowledgeChatTurn | undefined;
  /** An answer is being retrieved or streamed: only `stop()` acts. */
  busy: boolean;
  /** Neither `service` nor `collection` + `model` was given: nothing can be asked. */
  unconfigured: boolean;
  /** Asks a question (ignored while `busy` or when blank). */
  send(question: string): void;
  /** Aborts the answer in flight (the request, through any proxy, to the model); what arrived stays. */
  stop(): void;
  /** Asks the last question again, replacing its answer (also the retry of a failed turn). */
  regenerate(): void;
  /** Replaces the last question with `question` and asks it, replacing its answer. */
  editLast(question: string): void;
  /** Stops any answer and forgets the conversation. */
  clear(): void;
}

/** The default instructions of collection mode, after the numbered references. */
export const DEFAULT_SYSTEM_PROMPT =
  'Answer the question from the numbered references above only. After each claim, cite the reference it comes from ' +
  'by its number in brackets, like [1]. If the references do not answer the question, say so.';

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Token counts from a chunk's `usage` / `token_usage` object (`prompt_tokens`, `completion_tokens`, `total_tokens`). */
function readUsage(value: unknown): KnowledgeChatUsage | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const usage = {
    promptTokens: num(record['prompt_tokens']),
    completionTokens: num(record['completion_tokens']),
    totalTokens: num(record['total_tokens']),
  };
  return Object.values(usage).some((count) => count !== undefined) ? usage : undefined;
}

/** Calls `callback` at the next animation frame (a timer where there are no frames); returns its cancel. */
function nextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(callback, 16);
  return () => clearTimeout(timer);
}

/** One chunk of an answer, whichever endpoint sent it. */
interface AnswerChunk {
  text: string;
  reasoning: string;
  usage?: KnowledgeChatUsage | undefined;
}

/** Where an answer comes from: citations first (when known), then the chunks. */
interface AnswerSource {
  references(): Promise<PointInfo[] | undefined>;
  chunks(): AsyncIterable<AnswerChunk & { references?: PointInfo[] | undefined }>;
}

/** The history a service expects: the earlier questions and their (done or stopped) answers, then the question. */
function historyOf(turns: readonly KnowledgeChatTurn[], question: string): KnowledgeMessage[] {
  const messages: KnowledgeMessage[] = [];
  for (const turn of turns) {
    if (turn.answer === '' || (turn.status !== 'done' && turn.status !== 'stopped')) continue;
    messages.push({ role: 'user', content: turn.question }, { role: 'assistant', content: turn.answer });
  }
  messages.push({ role: 'user', content: question });
  return messages;
}

function referenceText(number: number, point: PointInfo): string {
  const title = point.chunkTitle ?? point.docInfo?.docName;
  return `[${number}] ${title ? `${title}\n` : ''}${point.content ?? ''}`;
}

function answerSource(
  client: VikingClient,
  options: UseKnowledgeChatOptions,
  history: KnowledgeMessage[],
  question: string,
  signal: AbortSignal,
): AnswerSource | undefined {
  const { service, collection, model } = options;
  if (service) {
    return {
      references: async () => undefined,
      async *chunks() {
        const stream = await client.knowledge.serviceChat(
          { serviceResourceId: service, messages: history, queryParam: options.queryParam, stream: true },
          { signal },
        );
        for await (const chunk of stream) {
          yield {
            text: chunk.generatedAnswer,
            reasoning: chunk.reasoningContent,
            references: chunk.references,
            usage: readUsage(chunk.raw['usage']) ?? readUsage(chunk.tokenUsage),
          };
        }
      },
    };
  }
  if (collection === undefined || !model) return undefined;
  let found: PointInfo[] = [];
  return {
    async references() {
      const result = await client.knowledge
        .collection(collection)
        .searchKnowledge({ limit: 5, ...options.retrieval, query: question }, { signal });
      found = result.items;
      return found;
    },
    async *chunks() {
      // One system message per retrieved chunk, numbered as the answer cites it, then the instructions.
      const messages: KnowledgeMessage[] = [
        ...found.map((point, i) => ({ role: 'system', content: referenceText(i + 1, point) })),
        { role: 'system', content: options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT },
        ...history,
      ];
      const stream = await client.knowledge.chatCompletion(
        { ...options.chatParams, model, messages, stream: true },
        { signal },
      );
      for await (const chunk of stream) {
        yield { text: chunk.generatedAnswer, reasoning: chunk.reasoningContent, usage: readUsage(chunk.usage) };
      }
    },
  };
}

/**
 * The conversation of the KnowledgeChat: streams each answer (service chat, or `search_knowledge` then a chat
 * completion with the retrieved chunks in the prompt), committing the growing text at most once per animation frame
 * (as a transition, rendered in interruptible slices), and measures time to first chunk and total. The request aborts on `stop()`, on `clear()`, and on unmount.
 */
export function useKnowledgeChatConversation(options: UseKnowledgeChatOptions): KnowledgeChatConversation {
  const client = useVikingClient();
  const [turns, setTurnState] = useState<KnowledgeChatTurn[]>([]);
  const turnsRef = useRef(turns);
  const optionsRef = useRef(options);
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const nextId = useRef(0);
  useEffect(() => {
    optionsRef.current = options;
  });

  const setTurns = useCallback((next: (turns: KnowledgeChatTurn[]) => KnowledgeChatTurn[]) => {
    turnsRef.current = next(turnsRef.current);
    setTurnState(turnsRef.current);
  }, []);

  const run = useCallback(
    async (id: string, question: string, earlier: readonly KnowledgeChatTurn[]) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const started = performance.now();
      const pending: KnowledgeChatTurn = {
        id,
        question,
        answer: '',
        reasoning: '',
        citations: [],
        usage: undefined,
        status: 'retrieving',
        error: undefined,
        firstChunkMs: undefined,
        totalMs: undefined,
      };
      let cancelFrame: (() => void) | undefined;
      const live = () => controllerRef.current === controller;
      const show = () => {
        const snapshot = { ...pending };
        setTurns((list) => list.map((turn) => (turn.id === id ? snapshot : turn)));
      };
      const commit = (end?: 'done' | 'stopped' | 'error') => {
        if (!live()) return;
        if (!end) {
          cancelFrame ??= nextFrame(() => {
            cancelFrame = undefined;
            // A transition: React renders the growing answer in short slices, so the page stays responsive.
            if (live()) startTransition(show);
          });
          return;
        }
        cancelFrame?.();
        pending.status = end;
        pending.totalMs = Math.round(performance.now() - started);
        controllerRef.current = undefined;
        show();
      };
      setTurns((list) => [...list.filter((turn) => turn.id !== id), pending]);
      const source = answerSource(
        client,
        optionsRef.current,
        historyOf(earlier, question),
        question,
        controller.signal,
      );
      try {
        if (!source) throw new Error('KnowledgeChat needs a `service`, or a `collection` and a `model`.');
        const found = await source.references();
        if (found) {
          pending.citations = found.map((reference, i) => ({ number: i + 1, reference }));
          show();
        }
        for await (const chunk of source.chunks()) {
          if (!live()) return;
          // The references arrive once, before the answer's text: their numbers never change while it streams.
          if (chunk.references && pending.citations.length === 0)
            pending.citations = chunk.references.map((reference, i) => ({ number: i + 1, reference }));
          if (chunk.text !== '' || chunk.reasoning !== '') {
            pending.firstChunkMs ??= Math.round(performance.now() - started);
            pending.status = 'streaming';
          }
          pending.answer += chunk.text;
          pending.reasoning += chunk.reasoning;
          if (chunk.usage) pending.usage = chunk.usage;
          commit();
        }
        commit(controller.signal.aborted ? 'stopped' : 'done');
      } catch (error) {
        if (!controller.signal.aborted) pending.error = error;
        commit(controller.signal.aborted ? 'stopped' : 'error');
      }
    },
    [client, setTurns],
  );

  const busy = turns.some((turn) => turn.status === 'retrieving' || turn.status === 'streaming');

  const send = useCallback(
    (question: string) => {
      const text = question.trim();
      if (text === '' || controllerRef.current) return;
      const id = `turn-${nextId.current++}`;
      void run(id, text, turnsRef.current);
    },
    [run],
  );

  const rerun = useCallback(
    (question?: string) => {
      const list = turnsRef.current;
      const last = list.at(-1);
      if (!last || controllerRef.current) return;
      const text = question?.trim() || last.question;
      void run(last.id, text, list.slice(0, -1));
    },
    [run],
  );
  const regenerate = useCallback(() => rerun(), [rerun]);
  const editLast = useCallback((question: string) => rerun(question), [rerun]);

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const clear = useCallback(() => {
    const controller = controllerRef.current;
    controllerRef.current = undefined;
    controller?.abort();
    setTurns(() => []);
  }, [setTurns]);

  useEffect(
    () => () => {
      const controller = controllerRef.current;
      controllerRef.current = undefined;
      controller?.abort();
    },
    [],
  );

  const unconfigured = !options.service && (options.collection === undefined || !options.model);
  return { turns, lastTurn: turns.at(-1), busy, unconfigured, send, stop, regenerate, editLast, clear };
}
