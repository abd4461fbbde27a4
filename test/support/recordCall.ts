import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { expect } from 'vitest';

/** What one request looked like on the wire. */
export interface RecordedCall {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
  rawBody: string;
}

/**
 * Answers the next request to `path` with `response` (status 200 unless given) and records it.
 * Fails the test if any other path is called.
 */
export function answerOnce(server: SetupServer, path: string, response: unknown, status = 200) {
  const calls: RecordedCall[] = [];
  server.use(
    http.all(/.*/, async ({ request }) => {
      const url = new URL(request.url);
      const rawBody = await request.text();
      calls.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        headers: request.headers,
        body: rawBody ? (JSON.parse(rawBody) as unknown) : undefined,
        rawBody,
      });
      expect(url.pathname).toBe(path);
      return HttpResponse.json(response as Record<string, unknown>, { status });
    }),
  );
  return calls;
}
