import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createVikingClient, headerAuth, type VikingClient, type VikingClientOptions } from '../../src/client/index';
import { VikingProvider } from '../../src/hooks/index';
import { createVikingHandlers } from '../../src/msw/index';
import { parseLocalConfig } from '../../src/server/local/config/schema';

export const HOOKS_BASE_URL = 'http://engine.test';

/** A small config: `books` with 4-d vectors, and the memory collection `mem`. */
export const booksConfig = parseLocalConfig({
  collections: [
    {
      name: 'books',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [
        { name: 'title', type: 'string' },
        { name: 'year', type: 'int64' },
        { name: 'vector', type: 'vector', dim: 4 },
      ],
      indexes: [{ name: 'books_index', distance: 'cosine', scalarFields: ['title', 'year'] }],
    },
  ],
  memoryCollections: [
    {
      name: 'mem',
      projectName: 'default',
      eventTypes: [{ name: 'event_v1', fields: [{ name: 'summary', type: 'string' }] }],
      profileTypes: [{ name: 'profile_v1', fields: [{ name: 'user_profile', type: 'string' }] }],
    },
  ],
});

export interface Book {
  id: number;
  title: string;
  year: number;
  vector: number[];
}

export const BOOKS: Book[] = [
  { id: 1, title: 'Alpha', year: 2001, vector: [1, 0, 0, 0] },
  { id: 2, title: 'Beta', year: 2002, vector: [0.9, 0.1, 0, 0] },
  { id: 3, title: 'Gamma', year: 2003, vector: [0, 1, 0, 0] },
  { id: 4, title: 'Delta', year: 2004, vector: [0, 0, 1, 0] },
  { id: 5, title: 'Epsilon', year: 2005, vector: [0, 0, 0, 1] },
];

/**
 * One MSW server per test file running the local engine (fresh engine per test), plus a log of the requests
 * that reached it. Extra handlers added in a test take precedence.
 */
export function startEngineServer() {
  const server = setupServer();
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers(...createVikingHandlers({ config: booksConfig, baseUrl: HOOKS_BASE_URL }));
    requests.length = 0;
  });
  afterAll(() => server.close());
  server.resetHandlers(...createVikingHandlers({ config: booksConfig, baseUrl: HOOKS_BASE_URL }));
  return { server, requests };
}

export function testClient(options: Partial<VikingClientOptions> = {}): VikingClient {
  return createVikingClient({
    baseUrl: HOOKS_BASE_URL,
    auth: headerAuth({}),
    retry: { baseDelayMs: 1, maxRetries: 2 },
    ...options,
  });
}

/** Fresh QueryClient + providers for renderHook/render. */
export function createWrapper(client: VikingClient, queryClient = new QueryClient()) {
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <VikingProvider client={client}>{children}</VikingProvider>
      </QueryClientProvider>
    );
  }
  return { Wrapper, queryClient };
}

/** Requests whose path ends with `suffix`. */
export function requestsTo(requests: Request[], suffix: string): Request[] {
  return requests.filter((r) => new URL(r.url).pathname.endsWith(suffix));
}
