import { getResponse, type RequestHandler } from 'msw';

/**
 * A `fetch` that answers from MSW `handlers` directly (no service worker), for a client under test. It rejects like a
 * real fetch when no response arrives (no handler, or MSW's `HttpResponse.error()`). `onRequest` (default none) sees
 * each request first.
 */
export function handlersFetch(
  handlers: readonly RequestHandler[],
  onRequest?: (request: Request) => void | Promise<void>,
): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    await onRequest?.(request);
    const response = await getResponse([...handlers], request);
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
}
