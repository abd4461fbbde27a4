/** One editable field of a memory_info object. */
export interface InfoPair {
  /** Stable React key. */
  id: number;
  key: string;
  /** The value as typed (strings as they are, other values as JSON). */
  text: string;
  /** The original value's kind, used to read `text` back. */
  kind: 'string' | 'json';
}

/** The outcome of reading an editor's draft. */
export type InfoParse =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: 'invalidJson' | 'notObject' | 'duplicateKey'; detail: string };

/** memory_info as pretty JSON. */
export function infoToJson(info: Record<string, unknown>): string {
  return JSON.stringify(info, null, 2);
}

/** Parses JSON text that must hold an object. */
export function parseInfoJson(text: string): InfoParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'invalidJson', detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'notObject', detail: '' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** memory_info as editable pairs, ids from 0. */
export function infoToPairs(info: Record<string, unknown>): InfoPair[] {
  return Object.entries(info).map(([key, value], id) =>
    typeof value === 'string'
      ? { id, key, text: value, kind: 'string' }
      : { id, key, text: JSON.stringify(value), kind: 'json' },
  );
}

/** Reads pairs back into an object (`json` pairs that do not parse stay strings); blank keys are skipped. */
export function pairsToInfo(pairs: readonly InfoPair[]): InfoParse {
  const value: Record<string, unknown> = {};
  for (const pair of pairs) {
    const key = pair.key.trim();
    if (key === '') continue;
    if (Object.hasOwn(value, key)) return { ok: false, error: 'duplicateKey', detail: key };
    value[key] = pair.kind === 'json' ? parseJsonValue(pair.text) : pair.text;
  }
  return { ok: true, value };
}

function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** memory_info as one line of text for lists: string values joined, others as JSON. */
export function infoToText(info: Record<string, unknown>): string {
  return Object.values(info)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(' · ');
}
