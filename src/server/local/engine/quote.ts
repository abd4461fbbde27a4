/**
 * Quoting user input inside error messages. A message names the value that is wrong, but a caller can send a 1 MiB
 * collection name or field name: echoing it whole would make the error as large as the input (and a log line that
 * long). Every user value in a message goes through {@link quote}; {@link limitMessage} bounds the whole message as a
 * last resort.
 */

/** How many characters of one user value a message quotes: 200. */
export const MAX_QUOTED_CHARS = 200;
/** The longest error message the local server sends: 1000 characters. */
export const MAX_MESSAGE_CHARS = 1000;

/** `text` cut to `max` characters (never inside a surrogate pair), with how much was left out. */
export function shorten(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…(${text.length - end} more characters)`;
}

/** A user value for a message: strings in single quotes, anything else as JSON; at most ~200 characters. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `'${shorten(value)}'`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return shorten(text);
}

/** A whole message bounded to {@link MAX_MESSAGE_CHARS}. */
export function limitMessage(message: string): string {
  return shorten(message, MAX_MESSAGE_CHARS);
}
