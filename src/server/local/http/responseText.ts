/**
 * The JSON text of the responses the HTTP layer builds, kept beside them, so a Node server can write that text
 * itself (see `writeNodeResponse.ts`) instead of reading it back through the response's web stream. A response that
 * middleware replaced, or a streamed one, has no entry and is sent the standard way.
 */
const texts = new WeakMap<Response, string>();

/** A response whose body is `text`, noted as such. */
export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/** The body text {@link textResponse} noted for `response`, if any. */
export function responseTextOf(response: Response): string | undefined {
  return texts.get(response);
}
