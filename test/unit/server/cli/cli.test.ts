import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import { createLocalEngine } from '../../../../src/server/local/engine/createLocalEngine';
import { defaultConfig } from '../../../../src/server/local/config/defaultConfig';
import { createLmdbStorage } from '../../../../src/server/local/storage/lmdbStorage';
import { fakeCliIo } from '../../../support/fakeCliIo';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vikingdb-kit CLI', () => {
  it('prints help for the program and each command', async () => {
    for (const argv of [['--help'], ['serve', '--help'], ['seed', '-h'], ['import', '--help'], ['docs', '--help']]) {
      const { io, text } = fakeCliIo();
      expect(await runCli(argv, io)).toBe(0);
      expect(text().out).toMatch(/^Usage: vikingdb-kit/);
    }
  });

  it('exits 2 with a pointer to --help on usage errors', async () => {
    for (const argv of [
      [],
      ['nope'],
      ['serve', '--port', 'abc'],
      ['serve', '--bogus'],
      ['serve', '--verify-signature'],
      ['seed', '--dataset', 'other'],
      ['import'],
      ['import', 'rows.jsonl'],
    ]) {
      const { io } = fakeCliIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
    }
    const { io, text } = fakeCliIo();
    await runCli(['serve', '--verify-signature'], io);
    expect(text().err).toMatch(/VIKINGDB_AK and VIKINGDB_SK[\s\S]*vikingdb-kit serve --help/);
  });

  it('serve: listens, answers, and closes gracefully with exit 0 on a stop signal', async () => {
    const { io, stop, out, text } = fakeCliIo({ VIKINGDB_AK: 'AKLTcli', VIKINGDB_SK: 'cli-secret' });
    const running = runCli(['serve', '--port', '0', '--in-memory', '--api-key', 'cli-key', '--verify-signature'], io);
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /listening on (http:\/\/\S+)/.exec(text().err)?.[1];
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text().err).toContain('auth:   API key or V4 signature');
    expect((await fetch(`${url!}/api/vikingdb/Ping`)).status).toBe(200);
    const unsigned = await fetch(`${url!}/api/vikingdb/data/upsert`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(text().err).toMatch(/SIGTERM: finishing requests in flight and closing…\nclosed\n$/);
    expect(out()).toMatch(/GET \/api\/vikingdb\/Ping 200/);
    expect(out()).not.toContain('cli-key');
    expect(out()).not.toContain('cli-secret');
  });

  it('import: loads JSON Lines into a data directory in batches, then stops at a bad line with its number', async () => {
    const data = join(dir, 'data');
    const file = join(dir, 'rows.jsonl');
    const rows = Array.from({ length: 205 }, (_, i) => JSON.stringify({ id: i + 1, title: `t${i}`, body: `row ${i}` }));
    await writeFile(file, `${rows.join('\n')}\n\n`);
    const ok = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], ok.io)).toBe(0);
    expect(ok.text().err).toContain(`imported 205 rows into demo_docs (${data})`);

    const storage = await createLmdbStorage(data);
    const engine = await createLocalEngine({ config: defaultConfig, storage });
    const answer = await engine.handle({
      method: 'POST',
      path: '/api/vikingdb/data/fetch_in_collection',
      body: JSON.stringify({ collection_name: 'demo_docs', ids: [1, 205, 999] }),
      requestId: 'check',
    });
    await engine.close();
    expect(answer.status).toBe(200);
    expect(answer.body['result']).toMatchObject({ ids_not_exist: [999] });

    await writeFile(file, `${rows[0]!}\nnot json\n`);
    const bad = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], bad.io)).toBe(1);
    expect(bad.text().err).toMatch(/rows\.jsonl:2 is not JSON/);

    await writeFile(file, `${JSON.stringify({ id: 1, nope: 1 })}\n`);
    const refused = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'missing_collection', '--data', data], refused.io)).toBe(1);
    expect(refused.text().err).toMatch(/import failed at .*lines 1\+ \(batch 1\) after 0 rows: NotFound/);
  });

  it('import: reads CSV; a CSV with a broken row imports nothing and names every bad line', async () => {
    const data = join(dir, 'csv-data');
    const file = join(dir, 'rows.csv');
    await writeFile(
      file,
      'id,title,body,year,tags\n1,"Tea, green",about tea,2020,"[""a"",""b""]"\n2,Coffee,about coffee,2021,[]\n',
    );
    const ok = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], ok.io), ok.text().err).toBe(0);
    expect(ok.text().err).toContain(`imported 2 rows into demo_docs (${data})`);
    expect(await fetchTitles(data, [1, 2])).toEqual({ 1: 'Tea, green', 2: 'Coffee' });

    await writeFile(file, 'id,title,body,year\n3,Fine,ok,2022\n4,"Broken quote,ok,2023\n5,Swallowed,ok,2024\n');
    const broken = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], broken.io)).toBe(1);
    expect(broken.text().err).toContain('1 line cannot be read; nothing was imported');
    expect(broken.text().err).toContain(`${file}:3: a quoted cell is not closed`);

    await writeFile(file, 'id,title,body,year\n6,Extra,ok,2022,surplus\n7,Short\n8,Fine,ok,2020\n');
    const cells = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], cells.io)).toBe(1);
    expect(cells.text().err).toContain(`${file}:2: Too many fields: expected 4 fields but parsed 5`);
    expect(cells.text().err).toContain(`${file}:3: Too few fields: expected 4 fields but parsed 2`);
    expect(await fetchTitles(data, [3, 4, 5, 6, 7, 8])).toEqual({});
  });

  it('import: a refused row is named by its file line, not only by its place in the batch', async () => {
    const data = join(dir, 'line-data');
    const file = join(dir, 'lines.jsonl');
    const good = (id: number) => JSON.stringify({ id, title: `t${id}` });
    await writeFile(file, [good(1), '', good(2), '', JSON.stringify({ id: 3, year: 'not a year' })].join('\n'));
    const { io, text } = fakeCliIo();
    expect(await runCli(['import', file, '--collection', 'demo_docs', '--data', data], io)).toBe(1);
    expect(text().err).toContain(`data[2]`);
    expect(text().err).toContain(`(${file}:5)`);
  });

  it('serve: a taken port says so and how to pick another', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const { io, text } = fakeCliIo();
      expect(await runCli(['serve', '--port', String(port), '--in-memory'], io)).toBe(1);
      expect(text().err).toMatch(
        /EADDRINUSE.*the port is taken \(another server\?\); pass --port N \(0 = any free port\)/,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('config errors list the allowed values, and an unknown top-level key suggests the right one', async () => {
    const config = join(dir, 'bad.config.json');
    await writeFile(
      config,
      JSON.stringify({
        colections: [],
        collections: [{ name: 'c', fields: [{ name: 'x', type: 'strng' }], indexes: [{ name: 'i', distance: 'dot' }] }],
      }),
    );
    const { io, text } = fakeCliIo();
    expect(await runCli(['serve', '--in-memory', '--port', '0', '--config', config], io)).toBe(1);
    const err = text().err;
    expect(err).toContain(`- colections: unknown key (did you mean 'collections'?)`);
    expect(err).toContain(
      `- collections.0.fields.0.type: "strng" is not allowed; use one of "int64", "float32", "string", "bool", "list<string>", "list<int64>", "vector", "sparse_vector", "text"`,
    );
    expect(err).toContain(`- collections.0.indexes.0.distance: "dot" is not allowed; use one of "ip", "cosine", "l2"`);
  });
});

/** The titles stored for `ids` in a data directory (missing ids left out). */
async function fetchTitles(data: string, ids: number[]): Promise<Record<number, string>> {
  const storage = await createLmdbStorage(data);
  const engine = await createLocalEngine({ config: defaultConfig, storage });
  try {
    const answer = await engine.handle({
      method: 'POST',
      path: '/api/vikingdb/data/fetch_in_collection',
      body: JSON.stringify({ collection_name: 'demo_docs', ids }),
      requestId: 'check',
    });
    const items = (answer.body['result'] as { fetch: Array<{ id: number; fields: { title: string } }> }).fetch;
    return Object.fromEntries(items.map((item) => [item.id, item.fields.title]));
  } finally {
    await engine.close();
  }
}
