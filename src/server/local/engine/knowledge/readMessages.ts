/**
 * Reads chat `messages` (knowledge api doc §3.5/§3.6): `{role: string, content}` where `content` is a string or an
 * array of multimodal parts (`{type: "text", text}` parts are joined; image parts are accepted and skipped).
 */
import { isJsonObject } from '../BodyReader';
import { invalid } from '../EngineError';
import type { ChatModelMessage } from '../../llm/ChatModel';

function contentText(raw: unknown, path: string): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    return raw
      .map((part, i) => {
        if (!isJsonObject(part)) throw invalid(`${path}[${i}] must be a content part object`);
        if (part['type'] === 'text' || typeof part['text'] === 'string') {
          if (typeof part['text'] !== 'string') throw invalid(`${path}[${i}].text must be a string`);
          return part['text'];
        }
        return '';
      })
      .filter((text) => text !== '')
      .join('\n');
  }
  if (raw === undefined || raw === null) return '';
  throw invalid(`${path} must be a string or an array of content parts`);
}

/** Reads a messages array at `path`. */
export function readMessages(raw: unknown[], path: string): ChatModelMessage[] {
  return raw.map((item, i) => {
    const at = `${path}[${i}]`;
    if (!isJsonObject(item)) throw invalid(`${at} must be an object {role, content}`);
    const role = item['role'];
    if (typeof role !== 'string' || role === '') throw invalid(`${at}.role must be a non-empty string`);
    return { role, content: contentText(item['content'], `${at}.content`) };
  });
}

/** The text of the last `user` message (the question), `''` when there is none. */
export function lastUserMessage(messages: readonly ChatModelMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'user') return messages[i]!.content;
  return '';
}

/**
 * The text retrieval searches with in a conversation: the question, preceded by up to two earlier user turns, so a
 * follow-up ("and its default?") still finds what the conversation is about.
 */
export function conversationalQuery(query: string, history: readonly ChatModelMessage[]): string {
  const users = history.filter((message) => message.role === 'user').map((message) => message.content);
  if (users.at(-1) === query) users.pop();
  return [...users.slice(-2), query].filter((part) => part.trim() !== '').join('\n');
}
