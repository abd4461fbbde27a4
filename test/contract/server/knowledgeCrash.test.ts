/**
 * Knowledge crash test: a child process runs the real CLI server (lmdb); the parent adds large Markdown documents
 * (4 in flight) and points by hand over HTTP, SIGKILLs the child while imports are queued and running, and checks —
 * in the store as the kill left it, then after a restart — that every acknowledged doc and point survived, that
 * docs caught `processing` were finished (or marked failed) at restart, and that no doc was imported in part.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/server/local/config/defaultConfig';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { chunkSections } from '../../../src/server/local/engine/knowledge/parse/chunkSections';
import { parseMarkdown } from '../../../src/server/local/engine/knowledge/parse/parseMarkdown';
import { createLmdbStorage } from '../../../src/server/local/storage/lmdbStorage';
import { raw } from './harness';
import { dataUri } from './knowledgeHarness';
import { startServeProcess, type ServeProcess } from '../../support/serveProcess';

const IN_FLIGHT = 4;
const MIN_ACKED_DOCS = 12;
const KB = { collection_name: 'demo_kb', project: 'default' };

let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-kb-crash-'));
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A ~200 kB Markdown document whose text depends on `n` only. */
function docText(n: number): string {
  const sections = Array.from({ length: 150 }, (_, s) => {
    const paragraphs = Array.from({ length: 6 }, (_, p) =>
      `Document ${n} section ${s} paragraph ${p}: the ${['amber', 'basalt', 'cobalt'][p % 3]} archive keeps record code${n}x${s}x${p} for later audits.`.repeat(
        2,
      ),
    );
    return `## Section ${s}\n\n${paragraphs.join('\n\n')}`;
  });
  return `# Crash document ${n}\n\n${sections.join('\n\n')}\n`;
}

function expectedChunks(n: number): number {
  return chunkSections(parseMarkdown(docText(n)).sections, defaultConfig.knowledgeCollections[0]!.chunking).length;
}

async function startChild(): Promise<ServeProcess> {
  const started = await startServeProcess(dir);
  child = started.process;
  return started;
}

describe('knowledge imports under SIGKILL', () => {
  it(
    'keeps every acknowledged doc and point, and finishes interrupted imports at restart',
    { timeout: 60_000 },
    async () => {
      const { url, exited } = await startChild();
      const ackedDocs: number[] = [];
      const ackedPoints: Array<{ pointId: string; doc: number; content: string }> = [];
      const pointSent = new Set<number>();
      let killed = false;
      let next = 1;

      async function addDocs(): Promise<void> {
        while (!killed) {
          const n = next++;
          try {
            const answer = await raw(url, '/api/knowledge/doc/v2/add', {
              ...KB,
              doc_id: `crash-${n}`,
              uri: dataUri(docText(n)),
            });
            if (killed) return;
            expect(answer.status).toBe(200);
            ackedDocs.push(n);
            const content = `hand-written point for document ${n}`;
            pointSent.add(n);
            const point = await raw(url, '/api/knowledge/point/add', {
              ...KB,
              doc_id: `crash-${n}`,
              chunk_type: 'text',
              chunk_title: 'manual',
              content,
            });
            if (killed) return;
            expect(point.status).toBe(200);
            ackedPoints.push({ pointId: point.body.data.point_id, doc: n, content });
          } catch (error) {
            if (!killed) throw error;
            return;
          }
        }
      }
      // Kill right after the server said the newest acknowledged doc is still being imported.
      const killer = (async () => {
        while (ackedDocs.length < MIN_ACKED_DOCS) await new Promise((resolve) => setTimeout(resolve, 5));
        for (;;) {
          const newest = ackedDocs[ackedDocs.length - 1]!;
          const info = await raw(url, '/api/knowledge/doc/info', { ...KB, doc_id: `crash-${newest}` });
          if (info.body.data.status.process_status === 2) break;
        }
        killed = true;
        child!.kill('SIGKILL');
      })();
      await Promise.all([killer, ...Array.from({ length: IN_FLIGHT }, addDocs)]);
      expect(await exited).toBe('SIGKILL');

      // The store as the kill left it: every acknowledged doc and point is there; some imports were cut short.
      const store = await createLmdbStorage(dir, { readOnly: true });
      const docs = new Map(await store.load('knowledge/default/demo_kb/docs'));
      const points = new Map(await store.load('knowledge/default/demo_kb/points'));
      await store.close();
      for (const n of ackedDocs) expect(docs.has(`crash-${n}`), `doc crash-${n}`).toBe(true);
      for (const { pointId } of ackedPoints) expect(points.has(pointId), pointId).toBe(true);
      const interrupted = [...docs.values()].filter(
        (doc) => (doc as { status: { process_status: number } }).status.process_status === 2,
      );
      expect(interrupted.length).toBeGreaterThan(0);

      const restarted = await createLocalServer({ port: 0, dataDir: dir, log: false });
      try {
        let list: Array<{ doc_id: string; status: { process_status: number }; point_num: number }> = [];
        for (let i = 0; i < 600; i++) {
          list = (await raw(restarted.url, '/api/knowledge/doc/list', { ...KB })).body.data.doc_list;
          if (list.every((doc) => doc.status.process_status !== 2)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const byId = new Map(list.map((doc) => [doc.doc_id, doc]));
        for (const n of ackedDocs) {
          const doc = byId.get(`crash-${n}`)!;
          expect(doc, `doc crash-${n}`).toBeDefined();
          expect(doc.status.process_status, `doc crash-${n}`).toBe(0);
          const manual = ackedPoints.filter((point) => point.doc === n).length;
          // A point still in flight at the kill may have landed or not.
          const maybe = pointSent.has(n) && manual === 0 ? 1 : 0;
          // Imported whole: every chunk of the document, plus the acknowledged hand-written point.
          expect(doc.point_num, `points of crash-${n}`).toBeGreaterThanOrEqual(expectedChunks(n) + manual);
          expect(doc.point_num, `points of crash-${n}`).toBeLessThanOrEqual(expectedChunks(n) + manual + maybe);
        }
        for (const { pointId, content } of ackedPoints) {
          const info = await raw(restarted.url, '/api/knowledge/point/info', { ...KB, point_id: pointId });
          expect(info.body.data.content).toBe(content);
        }
        const last = ackedDocs[ackedDocs.length - 1]!;
        const found = await raw(restarted.url, '/api/knowledge/collection/search', {
          ...KB,
          query: `archive keeps record code${last}x1x0 for later audits`,
          limit: 1,
          dense_weight: 0,
        });
        expect(found.body.data.result_list[0].doc_info.doc_id).toBe(`crash-${last}`);
        console.log(
          `knowledge crash: ${ackedDocs.length} docs and ${ackedPoints.length} points acknowledged, ${interrupted.length} imports interrupted and finished at restart`,
        );
      } finally {
        await restarted.close();
      }
    },
  );
});
