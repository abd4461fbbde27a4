/**
 * Helpers of the knowledge contract tests: a config with a test collection (tags of every kind, small chunks) and a
 * `docsDir`, a document server on 127.0.0.1 serving the import fixtures, polling for background imports, and a
 * snapshot of a collection's docs and points that proves a refused request changed nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultConfig } from '../../../src/server/local/config/defaultConfig';
import { parseLocalConfig, type LocalConfig } from '../../../src/server/local/config/schema';
import { minimalPdf } from '../../support/minimalPdf';
import { raw, type RawAnswer } from './harness';

/** Locator of the test collection. */
export const KB = { collection_name: 'kb_test', project: 'default' };

/** The default config plus `kb_test` (chunks of 200 characters, overlap 20), a service over it, and limits. */
export function knowledgeTestConfig(docsDir: string, extra: Partial<LocalConfig['knowledgeImport']> = {}): LocalConfig {
  return parseLocalConfig({
    ...defaultConfig,
    knowledgeCollections: [
      ...defaultConfig.knowledgeCollections,
      {
        name: 'kb_test',
        projectName: 'default',
        resourceId: 'kb-test-resource',
        tagFields: [
          { name: 'category', type: 'string' },
          { name: 'year', type: 'int64' },
          { name: 'public', type: 'bool' },
        ],
        chunking: { size: 200, overlap: 20 },
        embedding: { model: 'bge-m3', dim: 64 },
      },
    ],
    knowledgeServices: [
      ...defaultConfig.knowledgeServices,
      {
        resourceId: 'kb_test_service',
        collection: 'kb_test',
        retrieval: {
          limit: 3,
          denseWeight: 0.5,
          retrieveCount: 10,
          rerankSwitch: true,
          rerankThreshold: 0,
          chunkDiffusionCount: 0,
          chunkGroup: false,
        },
      },
    ],
    knowledgeImport: {
      ...defaultConfig.knowledgeImport,
      docsDir,
      fetchTimeoutMs: 800,
      maxDocumentBytes: 64 * 1024,
      ...extra,
    },
  });
}

/** A Markdown document about lighthouses (two sections, several paragraphs). */
export const LIGHTHOUSE_MD = [
  '# Lighthouses',
  '',
  'A lighthouse is a tower with a bright lamp that guides ships at night. The keeper trims the wick every evening.',
  '',
  '## Fresnel lens',
  '',
  'The Fresnel lens focuses the lamp into a narrow beam that sailors can see from thirty kilometres away.',
  '',
  'Augustin Fresnel designed the lens in 1822 for the French lighthouse commission.',
  '',
  '## Colours',
  '',
  'Many lighthouses are painted with red and white stripes, the daymark, so sailors recognise them by day.',
].join('\n');

/** The bodies the document server answers, by path. */
export const DOC_SERVER_ROUTES: Record<string, { type: string; body: string | Uint8Array; status?: number }> = {
  '/guide.md': { type: 'text/markdown; charset=utf-8', body: LIGHTHOUSE_MD },
  '/page.html': {
    type: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html><head><title>Tea &amp; Coffee</title><style>p{color:red}</style></head><body>' +
      '<h1>Green tea</h1><p>Green tea is steamed or pan-fired to stop oxidation.</p><script>alert(1)</script>' +
      '<h2>Brewing</h2><p>Brew green tea at 80&nbsp;&deg;C for two minutes &#8212; never boiling.</p></body></html>',
  },
  '/manual.pdf': {
    type: 'application/pdf',
    body: minimalPdf([
      ['The harbour crane lifts containers.', 'Its operator checks the wind speed first.'],
      ['Page two explains the emergency stop button.'],
    ]),
  },
  '/photo.png': { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  '/big.txt': { type: 'text/plain', body: 'x'.repeat(70 * 1024) },
  '/missing.md': { type: 'text/plain', body: 'gone', status: 404 },
};

/** Starts the document server (plus `/slow`, which never answers). */
export async function startDocServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/slow') return; // never answers: the import times out
    const route = DOC_SERVER_ROUTES[request.url ?? ''];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(route.status ?? 200, { 'Content-Type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `data:` URI of a UTF-8 text. */
export function dataUri(text: string, type = 'text/markdown'): string {
  return `data:${type};base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

/** Polls `doc/info` until the doc leaves `processing` (status 2); returns its info. */
export async function waitForDoc(url: string, docId: string, locator: Record<string, string> = KB): Promise<RawAnswer> {
  for (let i = 0; i < 200; i++) {
    const answer = await raw(url, '/api/knowledge/doc/info', { ...locator, doc_id: docId });
    if (answer.status !== 200 || answer.body.data.status.process_status !== 2) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`doc ${docId} is still processing`);
}

/** Every doc and point of a collection (for "nothing changed" checks). */
export async function knowledgeSnapshot(url: string, locator: Record<string, string> = KB): Promise<unknown> {
  const docs = await raw(url, '/api/knowledge/doc/list', { ...locator });
  const points = await raw(url, '/api/knowledge/point/list', { ...locator });
  return { docs: docs.body.data, points: points.body.data };
}
