/** MSW overrides used by the SearchExplorer stories (errors, latency, a 10,000-row answer). */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';

const SEARCH = '*/api/vikingdb/data/search/:mode';

/** Every search hangs (loading state). */
export const hangSearches: RequestHandler[] = [http.post(SEARCH, () => delay('infinite'))];

/** Every API call answers 401 like VikingDB does for a bad key. */
export const unauthorized: RequestHandler[] = [
  http.all('*/api/*', () =>
    HttpResponse.json(
      { code: 'AuthenticationFailed', message: 'The API key is invalid or expired.', request_id: 'rid-401-3f9a2c' },
      { status: 401, headers: { 'X-Tt-Logid': 'rid-401-3f9a2c' } },
    ),
  ),
];

/** Every API call answers 429 (the stories' client does not retry). */
export const rateLimited: RequestHandler[] = [
  http.all('*/api/*', () =>
    HttpResponse.json(
      {
        code: 'TooManyRequests',
        message: 'Request rate exceeds the quota of this index.',
        request_id: 'rid-429-77be01',
      },
      { status: 429, headers: { 'X-Tt-Logid': 'rid-429-77be01', 'Retry-After': '2' } },
    ),
  ),
];

/** Every API call fails before a response, as a CORS refusal does in a browser. */
export const networkFailure: RequestHandler[] = [http.all('*/api/*', () => HttpResponse.error())];

/** The first search answers normally; later ones hang, so the previous results stay on screen (stale). */
export function slowAfterFirstSearch(): RequestHandler[] {
  let calls = 0;
  return [
    http.post('*/api/vikingdb/data/search/multi_modal', async () => {
      calls += 1;
      if (calls > 1) await delay('infinite');
      // Returning nothing hands the request on to the next handler: the demo engine.
      return undefined;
    }),
  ];
}

const WORDS = ['vector', 'filter', 'memory', 'embedding', 'rerank', 'hiking', 'coffee', 'tea', 'city', 'react'];

/** Searches answer with `count` rows (ids 1..count), scores descending. */
export function manyRows(count = 10_000): RequestHandler[] {
  const data = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    fields: {
      title: `Synthetic row ${i + 1}: ${WORDS[i % WORDS.length]} notes`,
      lang: i % 3 === 0 ? 'zh' : 'en',
      year: 2015 + (i % 10),
      rating: Math.round(((i * 37) % 50) + 1) / 10,
    },
    score: 1 - i / count,
    ann_score: 1 - i / count,
  }));
  return [
    http.post(SEARCH, () =>
      HttpResponse.json(
        {
          code: 'Success',
          message: 'The API call was executed successfully.',
          request_id: 'rid-10k-demo',
          api: 'SearchVikingdbIndex',
          result: { data, total_return_count: data.length, filter_matched_count: data.length },
        },
        { headers: { 'X-Tt-Logid': 'rid-10k-demo' } },
      ),
    ),
  ];
}
