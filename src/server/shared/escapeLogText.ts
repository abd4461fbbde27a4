/**
 * Log lines carry request paths, methods and ids that a caller chose. Written raw, a path with `%0d%0a` (decoded to
 * CR LF) forges a second log line, and `%1b` injects terminal escape sequences. Every such value goes through
 * {@link escapeLogText}, so one request is always exactly one line of printable text.
 */

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides that reorder text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\xNN` or `\uNNNN`; a backslash is doubled so escapes are unambiguous. */
export function escapeLogText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
