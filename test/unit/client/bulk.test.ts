import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiKey, BulkWriteError, createVikingClient, type BulkProgress } from '../../../src/client/index.node';
import { startMswServer } from '../../support/mswServer';

const server = startMswServer();
const client = createVikingClient({ baseUrl: 'http://vikingdb.test', auth: apiKey('k'), retry: { maxRetries: 0 } });
const ok = (result: unknown) => ({ code: 'Success', message: 'ok', request_id: 'r', result });

interface Row {
  id: number;
  title: string;
}
const rows: Row[] = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, title: `row ${i + 1}` }));

/** Stores upserted rows; fails batches whose first id is in `failFirstIds` with a 400. Tracks concurrency. */
function upsertServer(failFirstIds: number[] = [], delayMs = 5) {
  const stored = new Map<number, Row>();
  const state = { inFlight: 0, maxInFlight: 0, requests: 0 };
  server.use(
    http.post('http://vikingdb.test/api/vikingdb/data/upsert', async ({ request }) => {
      state.requests++;
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      const body = (await request.json()) as { data: Row[] };
      await new Promise((r) => setTimeout(r, delayMs));
      state.inFlight--;
      if (failFirstIds.includes(body.data[0]!.id)) {
        return HttpResponse.json({ code: 'InvalidParameter', message: 'bad row', request_id: 'bad' }, { status: 400 });
      }
      for (const row of body.data) stored.set(row.id, row);
      return HttpResponse.json(ok({ token_usage: {} }));
    }),
  );
  return { stored, state };
}

describe('upsertAll', () => {
  it('writes every row in batches of ≤ 100 with bounded concurrency and reports progress', async () => {
    const { stored, state } = upsertServer();
    const progress: BulkProgress[] = [];
    const result = await client.vector
      .collection<Row>('demo')
      .upsertAll(rows, { batchSize: 40, concurrency: 3, onProgress: (p) => progress.push(p) });
    expect(result.written).toBe(250);
    expect(result.batches).toBe(7);
    expect(result.requestIds).toHaveLength(7);
    expect(stored.size).toBe(250);
    expect(stored.get(250)).toEqual({ id: 250, title: 'row 250' });
    expect(state.maxInFlight).toBeLessThanOrEqual(3);
    expect(state.maxInFlight).toBeGreaterThan(1);
    expect(progress).toHaveLength(7);
    expect(progress.at(-1)).toEqual({ written: 250, failed: 0, total: 250, batchesDone: 7, batchesTotal: 7 });
  });

  it('stops at the first failed batch and says which rows were written, failed and never sent', async () => {
    const { stored } = upsertServer([101]);
    const error = await client.vector
      .collection<Row>('demo')
      .upsertAll(rows, { batchSize: 50, concurrency: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkWriteError);
    const e = error as BulkWriteError;
    expect(e.writtenRows).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(e.failedBatches).toHaveLength(1);
    expect(e.failedBatches[0]!.rows).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
    expect(e.failedBatches[0]!.error.status).toBe(400);
    expect(e.unsentRows).toEqual(Array.from({ length: 100 }, (_, i) => 150 + i));
    expect(e.uncertainRows).toEqual([]);
    expect(e.message).toMatch(/100 rows written, 50 failed, 100 not sent/);
    // What the error says was written is exactly what the server holds.
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual(e.writtenRows.map((i) => rows[i]!.id));
  });

  it('goes on after a failure with continueOnError', async () => {
    const { stored } = upsertServer([1, 201]);
    const e = (await client.vector
      .collection<Row>('demo')
      .upsertAll(rows, { batchSize: 100, concurrency: 2, continueOnError: true })
      .catch((x: unknown) => x)) as BulkWriteError;
    expect(e.writtenRows).toHaveLength(100);
    expect(e.failedBatches.map((b) => b.rows[0])).toEqual(expect.arrayContaining([0, 200]));
    expect(e.unsentRows).toEqual([]);
    expect(stored.size).toBe(100);
  });

  it('stops sending when aborted and reports rows in flight as uncertain', async () => {
    upsertServer([], 40);
    const controller = new AbortController();
    const pending = client.vector
      .collection<Row>('demo')
      .upsertAll(rows, { batchSize: 10, concurrency: 2, signal: controller.signal })
      .catch((x: unknown) => x);
    setTimeout(() => controller.abort(), 60);
    const e = (await pending) as BulkWriteError;
    expect(e).toBeInstanceOf(BulkWriteError);
    const accounted = [...e.writtenRows, ...e.uncertainRows, ...e.unsentRows].sort((a, b) => a - b);
    expect(accounted).toEqual(rows.map((_, i) => i));
    expect(e.unsentRows.length).toBeGreaterThan(100);
    expect(e.message).toMatch(/aborted/);
  });

  it('rejects a batch size over 100 before sending anything', async () => {
    const { state } = upsertServer();
    await expect(client.vector.collection<Row>('demo').upsertAll(rows, { batchSize: 101 })).rejects.toThrow(
      /batchSize/,
    );
    expect(state.requests).toBe(0);
  });
});

describe('fetchMany', () => {
  it('splits ids into batches and merges results in order', async () => {
    const batches: number[][] = [];
    server.use(
      http.post('http://vikingdb.test/api/vikingdb/data/fetch_in_collection', async ({ request }) => {
        const { ids } = (await request.json()) as { ids: number[] };
        batches.push(ids);
        return HttpResponse.json(
          ok({
            fetch: ids.filter((id) => id % 2 === 0).map((id) => ({ id, fields: {} })),
            ids_not_exist: ids.filter((id) => id % 2),
          }),
        );
      }),
    );
    const ids = Array.from({ length: 230 }, (_, i) => i + 1);
    const result = await client.vector.collection('demo').fetchMany(ids, { concurrency: 2 });
    expect(batches.map((b) => b.length).sort()).toEqual([100, 100, 30]);
    expect(result.items.map((r) => r.id)).toEqual(ids.filter((id) => id % 2 === 0));
    expect(result.idsNotExist).toEqual(ids.filter((id) => id % 2));
  });
});

describe('scan', () => {
  const all = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, fields: { n: i + 1 }, score: i + 1 }));

  it('pages through scalar search by offset until a short page', async () => {
    const offsets: number[] = [];
    server.use(
      http.post('http://vikingdb.test/api/vikingdb/data/search/scalar', async ({ request }) => {
        const body = (await request.json()) as { offset: number; limit: number; field: string; order: string };
        offsets.push(body.offset);
        expect(body).toMatchObject({ field: 'n', order: 'asc' });
        return HttpResponse.json(ok({ data: all.slice(body.offset, body.offset + body.limit) }));
      }),
    );
    const seen: number[] = [];
    for await (const row of client.vector
      .index('demo', 'idx')
      .scan({ pageSize: 10, orderBy: { field: 'n', order: 'asc' } })) {
      seen.push(row.id as number);
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect(offsets).toEqual([0, 10, 20]);
  });

  it('uses random search without orderBy, skips repeated ids, and stops when aborted', async () => {
    server.use(
      http.post('http://vikingdb.test/api/vikingdb/data/search/random', async ({ request }) => {
        const body = (await request.json()) as { offset: number; limit: number };
        const page = all.slice(body.offset, body.offset + body.limit);
        return HttpResponse.json(ok({ data: body.offset === 10 ? [all[0], ...page.slice(1)] : page }));
      }),
    );
    const seen: number[] = [];
    for await (const row of client.vector.index('demo', 'idx').scan({ pageSize: 10 })) seen.push(row.id as number);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(22);

    const controller = new AbortController();
    const partial: number[] = [];
    const run = async () => {
      for await (const row of client.vector.index('demo', 'idx').scan({ pageSize: 10, signal: controller.signal })) {
        partial.push(row.id as number);
        if (partial.length === 5) controller.abort(new Error('enough'));
      }
    };
    await expect(run()).rejects.toThrow('enough');
    expect(partial).toEqual([1, 2, 3, 4, 5]);
  });
});
