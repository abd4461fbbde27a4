/**
 * The built-in chat model: offline and deterministic, it answers by QUOTING — it never writes text of its own
 * beyond a fixed lead-in. It scores every sentence of the retrieved chunks (`request.context`; without context, the
 * earlier messages, e.g. a prompt that embeds references) by the share of the question's tokens it contains, keeps
 * the best few, and streams them one sentence per delta, each followed by its reference number (`[2]`). Its `name`
 * says what it is, so no answer pretends to come from a language model.
 */
import { tokenize } from '../embedder/tokenize';
import type { ChatContextChunk, ChatModel, ChatModelEvent, ChatModelRequest } from './ChatModel';

/** The name answers of the extractive model report in `model`. */
export const EXTRACTIVE_MODEL_NAME = 'local-extractive (vikingdb-kit, quotes retrieved chunks; not an LLM)';

/** Options of {@link createExtractiveChatModel}. */
export interface ExtractiveChatModelOptions {
  /** Most sentences quoted. Default 3. */
  maxSentences?: number;
}

interface Candidate {
  text: string;
  index: number;
  score: number;
  order: number;
}

/** Words too common to say what a question is about (ignored when matching). */
const STOPWORDS = new Set(
  (
    'a an and are as at be by can do does for from how i in is it its me my of on or that the this to was what when ' +
    'where which who why will with you your 的 了 是 在 吗 什么 怎么'
  ).split(' '),
);

const SENTENCE = /[^.!?。！？\n]+(?:[.!?。！？]+|$)/gu;

function sentencesOf(chunk: ChatContextChunk): string[] {
  const text = chunk.content.replace(/```[\s\S]*?```/g, ' ');
  return (text.match(SENTENCE) ?? [])
    .map((sentence) =>
      sentence
        .replace(/^[#>*\-\s|]+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((sentence) => sentence.length >= 12 && /[\p{L}\p{N}]/u.test(sentence));
}

function lastUserText(request: ChatModelRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--)
    if (request.messages[i]!.role === 'user') return request.messages[i]!.content;
  return request.messages.at(-1)?.content ?? '';
}

function contextOf(request: ChatModelRequest): ChatContextChunk[] {
  if (request.context) return [...request.context];
  const lastUser = request.messages.findLastIndex((message) => message.role === 'user');
  return request.messages
    .filter((_, i) => i !== lastUser)
    .map((message, i) => ({ index: i + 1, content: message.content }));
}

function countTokens(text: string): number {
  return tokenize(text).length;
}

/** Creates the extractive model. */
export function createExtractiveChatModel(options: ExtractiveChatModelOptions = {}): ChatModel {
  const maxSentences = options.maxSentences ?? 3;
  return {
    kind: 'extractive',
    name: EXTRACTIVE_MODEL_NAME,
    async *stream(request): AsyncIterable<ChatModelEvent> {
      const question = lastUserText(request);
      const wanted = new Set(tokenize(question).filter((token) => !STOPWORDS.has(token)));
      const candidates: Candidate[] = [];
      let order = 0;
      for (const chunk of contextOf(request)) {
        for (const text of sentencesOf(chunk)) {
          const tokens = new Set(tokenize(text));
          let hits = 0;
          for (const token of wanted) if (tokens.has(token)) hits++;
          const score = wanted.size > 0 ? hits / wanted.size + hits / (tokens.size + 8) : 0;
          candidates.push({ text, index: chunk.index, score, order: order++ });
        }
      }
      const best = candidates
        .filter((candidate) => candidate.score > 0)
        .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.order - b.order))
        .slice(0, maxSentences)
        .sort((a, b) => a.order - b.order);
      const deltas =
        best.length === 0
          ? ['The local extractive model found no sentence in the references that matches the question.']
          : [
              'From the references: ',
              ...best.map((candidate, i) => `${i > 0 ? ' ' : ''}${candidate.text} [${candidate.index}]`),
            ];
      let completion = 0;
      for (const delta of deltas) {
        if (request.signal?.aborted) return;
        completion += countTokens(delta);
        yield { type: 'content', text: delta };
        // Let other requests (and an abort) in between deltas.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      const prompt = request.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
      yield {
        type: 'usage',
        usage: { promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion },
      };
    },
  };
}
