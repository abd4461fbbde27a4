/**
 * Server-level crash test: a child process runs the real CLI server (`vikingdb-kit serve --data DIR`, lmdb), the
 * parent streams upserts over HTTP (4 in flight) and records which batches were acknowledged, SIGKILLs the child at
 * a random moment, restarts a server on the same directory and checks that every acknowledged row is present and
 * intact — in the collection and in the rebuilt index — and that no batch landed only in part.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVikingClient, f, headerAuth, type AnyFields } from '../../../src/client/index.node';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { demoDoc } from './harness';
import { startServeProcess, type ServeProcess } from '../../support/serveProcess';

const BATCH = 5;
const IN_FLIGHT = 4;
const MIN_ACKED_BATCHES = 25;

let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-http-crash-'));
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** The row `id` of batch `batch` (content recomputable by the checker). */
function crashRow(batch: number, id: number): AnyFields {
  return demoDoc(id, { title: `batch ${batch} row ${id}`, tags: [`b${batch}`, '行'], year: batch, rating: id / 7 });
}

async function startChild(): Promise<ServeProcess> {
  const started = await startServeProcess(dir);
  child = started.process;
  return started;
}

describe('HTTP server under SIGKILL', () => {
  it('keeps every acknowledged upsert across a kill -9 and a restart', { timeout: 60_000 }, async () => {
    const { url, exited } = await startChild();
    const client = createVikingClient({
      baseUrl: url,
      auth: headerAuth({}),
      retry: { maxRetries: 0 },
      timeoutMs: 5000,
    });
    const docs = client.vector.collection('demo_docs');
    const acked: number[] = [];
    const sent: number[] = [];
    let killed = false;
    let nextBatch = 1;

    const killAfter = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acked.length >= MIN_ACKED_BATCHES) {
          clearInterval(check);
          setTimeout(
            () => {
              killed = true;
              child!.kill('SIGKILL');
              resolve();
            },
            Math.floor(Math.random() * 200),
          );
        }
      }, 5);
    });

    async function stream(): Promise<void> {
      while (!killed) {
        const batch = nextBatch++;
        sent.push(batch);
        const rows = Array.from({ length: BATCH }, (_, i) => crashRow(batch, batch * BATCH + i));
        try {
          await docs.upsert(rows);
          if (!killed) acked.push(batch);
        } catch {
          if (!killed) throw new Error(`batch ${batch} failed before the kill`);
          return;
        }
      }
    }
    await Promise.all([killAfter, ...Array.from({ length: IN_FLIGHT }, stream)]);
    expect(await exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(MIN_ACKED_BATCHES);

    const restarted = await createLocalServer({ port: 0, dataDir: dir, log: false });
    try {
      const again = createVikingClient({ baseUrl: restarted.url, auth: headerAuth({}), retry: { maxRetries: 0 } });
      const ids = sent.flatMap((batch) => Array.from({ length: BATCH }, (_, i) => batch * BATCH + i));
      const fetched = await again.vector.collection('demo_docs').fetchMany(ids);
      const present = new Map(fetched.items.map((item) => [Number(item.id), item.fields]));
      const landed: number[] = [];
      for (const batch of sent) {
        const rows = Array.from({ length: BATCH }, (_, i) => batch * BATCH + i);
        const found = rows.filter((id) => present.has(id));
        if (acked.includes(batch)) expect(found, `acknowledged batch ${batch}`).toEqual(rows);
        else expect([0, BATCH], `unacknowledged batch ${batch} landed only in part`).toContain(found.length);
        if (found.length === BATCH) landed.push(batch);
        for (const id of found) {
          const { id: _id, ...fields } = crashRow(batch, id);
          expect(present.get(id)).toEqual(fields);
        }
      }
      console.log(
        `crash: ${acked.length} batches acknowledged, ${sent.length - acked.length} in flight at the kill, ${landed.length} landed`,
      );
      // The index was rebuilt from storage: it holds exactly the rows that landed, searchable.
      const index = again.vector.index('demo_docs', 'demo_docs_index');
      expect((await index.aggregate()).agg).toEqual({ __TOTAL__: landed.length * BATCH });
      const last = acked[acked.length - 1]!;
      const hits = await index.search.random({ filter: f.must('tags', [`b${last}`]), limit: 100 });
      expect(hits.items.map((hit) => hit.id).sort()).toEqual(
        Array.from({ length: BATCH }, (_, i) => last * BATCH + i).sort(),
      );
    } finally {
      await restarted.close();
    }
  });
});
