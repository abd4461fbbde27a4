/**
 * Reads the text of a FullModalData item (`{text?, image?, video?, full_modal_seq?}`) for the local embedder, which
 * handles text only: image/video parts → 400 naming the path; an item without text → 400 MissingParameter.
 */
import { isJsonObject } from '../../BodyReader';
import { invalid, missing } from '../../EngineError';

export function readModalText(item: unknown, path: string): string {
  if (typeof item === 'string') return item;
  if (!isJsonObject(item)) throw invalid(`${path} must be an object like {"text": "..."}`);
  for (const key of ['image', 'video'] as const) {
    if (item[key] !== undefined && item[key] !== null && item[key] !== '')
      throw invalid(`${path}.${key}: the local embedder handles text only`);
  }
  const parts: string[] = [];
  if (item['text'] !== undefined && item['text'] !== null) {
    if (typeof item['text'] !== 'string') throw invalid(`${path}.text must be a string`);
    parts.push(item['text']);
  }
  const sequence = item['full_modal_seq'];
  if (sequence !== undefined && sequence !== null) {
    if (!Array.isArray(sequence)) throw invalid(`${path}.full_modal_seq must be an array`);
    sequence.forEach((part, i) => parts.push(readModalText(part, `${path}.full_modal_seq[${i}]`)));
  }
  if (parts.length === 0) throw missing(`${path}.text`);
  return parts.join('\n');
}
