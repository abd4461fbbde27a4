/**
 * The body text of the responses {@link sendOnce} read, kept beside them so the transport does not decode a second
 * copy of what it already has in memory.
 */
const bodies = new WeakMap<Response, string>();

/** Notes that `response`'s body is `text`. */
export function rememberBody(response: Response, text: string): void {
  bodies.set(response, text);
}

/** `response`'s body text: the one {@link rememberBody} kept, else read from a copy (the response stays unread). */
export async function bodyTextOf(response: Response): Promise<string> {
  return bodies.get(response) ?? response.clone().text();
}
