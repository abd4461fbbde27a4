/**
 * The model backends wired through the local server: a vectorized collection embedded by a fake OpenAI-compatible
 * server end to end (createLocalServer + HTTP upsert + multi-modal search), startup checks, failures, flags and env.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli';
import type { CliIo } from '../../../../src/server/cli/CliIo';
import { parseLocalConfig, type LocalConfigInput } from '../../../../src/server/local/config/schema';
import { createLocalServer } from '../../../../src/server/local/createLocalServer';
import { createOpenAiEmbedder } from '../../../../src/server/local/embedder/openAiEmbedder';
import {
  createModelBackends,
  mergeModelSettings,
  modelSettingsFromEnv,
} from '../../../../src/server/local/modelBackends';
import { dataDirHolder, LOCK_FILE } from '../../../../src/server/local/storage/dataDirLock';
import { EMBEDDING_FILE } from '../../../../src/server/local/storage/embeddingMarker';
import { closedPortUrl, fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from './fakeOpenAiServer';

let fake: FakeOpenAiServer;
let dir: string;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ dim: 8 });
  dir = await mkdtemp(join(tmpdir(), 'vikingdb-models-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function notesConfig(dim: number | undefined): LocalConfigInput {
  return {
    collections: [
      {
        name: 'notes',
        primaryKey: { name: 'id', type: 'int64' },
        fields: [
          { name: 'body', type: 'text' },
          ...(dim === undefined ? [] : [{ name: 'embedding', type: 'vector' as const, dim }]),
        ],
        vectorize: { textField: 'body', model: 'bge-m3', ...(dim === undefined ? {} : { vectorField: 'embedding' }) },
        indexes: [{ name: 'notes_index', distance: 'cosine' }],
      },
    ],
  };
}

/** The parts of answers these tests read. */
interface Answer {
  message: string;
  result: { fetch: Array<{ fields: Record<string, unknown> }>; data: Array<{ id: unknown; dense: number[] }> };
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; json: Answer }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Answer };
}

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
}

const ROWS = [
  { id: 1, body: 'apple pie recipe' },
  { id: 2, body: 'rocket engine design' },
  { id: 3, body: 'ocean tide tables' },
];

describe('a vectorized collection embedded by an OpenAI-compatible server', () => {
  it('stores the server vectors on upsert and searches by meaning over HTTP', async () => {
    const server = await createLocalServer({
      config: parseLocalConfig(notesConfig(8)),
      inMemory: true,
      port: 0,
      log: false,
      models: { embedder: { url: fake.url, model: 'fake-embed' } },
    });
    try {
      expect(server.models.embedder).toBe(`openai-compatible fake-embed (8 dims) at ${fake.url}/embeddings`);
      fake.requests.length = 0;
      const upsert = await post(server.url, '/api/vikingdb/data/upsert', { collection_name: 'notes', data: ROWS });
      expect(upsert.status).toBe(200);
      expect(fake.requests.map((r) => r.body)).toEqual([{ model: 'fake-embed', input: ROWS.map((r) => r.body) }]);

      const fetched = await post(server.url, '/api/vikingdb/data/fetch_in_collection', {
        collection_name: 'notes',
        ids: [1],
      });
      const stored = fetched.json.result.fetch[0]!.fields['embedding'] as number[];
      const expected = unit(fakeEmbedding('apple pie recipe', 8));
      stored.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));

      // "banana" shares no word (and few letters) with "apple pie recipe": only the server's vectors relate them.
      for (const [query, id] of [
        ['banana', 1],
        ['moon launch', 2],
        ['waves of the sea', 3],
      ] as const) {
        const search = await post(server.url, '/api/vikingdb/data/search/multi_modal', {
          collection_name: 'notes',
          index_name: 'notes_index',
          text: query,
          limit: 1,
        });
        expect(search.status).toBe(200);
        expect(search.json.result.data[0]!.id, query).toBe(id);
      }
      expect(fake.requests.at(-1)!.body).toEqual({ model: 'fake-embed', input: ['waves of the sea'] });
    } finally {
      await server.close();
    }
  });

  it('a collection declared with another dimension is a startup error naming it (and leaves no lock)', async () => {
    const dataDir = join(dir, 'mismatch');
    await expect(
      createLocalServer({
        config: parseLocalConfig(notesConfig(16)),
        dataDir,
        port: 0,
        log: false,
        models: { embedder: { url: fake.url, model: 'fake-embed' } },
      }),
    ).rejects.toThrow(
      /The embedding model fake-embed at http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings gives 8-dimensional vectors, but the config says otherwise:\n- collections\.0\.fields \(embedding\)\.dim: collection 'notes' is declared with 16 dimensions\nSet those dims to 8/,
    );
    await expect(readFile(join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  it('a knowledge collection of another dimension is a startup error naming it (omitting it means 256)', async () => {
    const config = parseLocalConfig({
      knowledgeCollections: [
        { name: 'kb_sized', embedding: { dim: 16 } },
        { name: 'kb_default' },
        { name: 'kb_fit', embedding: { dim: 8 } },
      ],
    });
    await expect(
      createLocalServer({
        config,
        inMemory: true,
        port: 0,
        log: false,
        models: { embedder: { url: fake.url, model: 'fake-embed' } },
      }),
    ).rejects.toThrow(
      /gives 8-dimensional vectors, but the config says otherwise:\n- knowledgeCollections\.0\.embedding\.dim: knowledge collection 'kb_sized' has 16 dimensions\n- knowledgeCollections\.1\.embedding\.dim: knowledge collection 'kb_default' has 256 dimensions \(the default when omitted\)\nSet those dims to 8/,
    );
  });

  it('the built-in default config follows the model dimension in demo_kb too: a doc imports and is found', async () => {
    const server = await createLocalServer({
      inMemory: true,
      port: 0,
      log: false,
      models: { embedder: { url: fake.url, model: 'fake-embed' } },
    });
    try {
      const kb = { collection_name: 'demo_kb', project: 'default' };
      const text = '# Tides\n\nThe ocean tide rises twice a day.';
      const added = await post(server.url, '/api/knowledge/doc/v2/add', {
        ...kb,
        doc_id: 'tides',
        uri: `data:text/markdown;base64,${Buffer.from(text).toString('base64')}`,
      });
      expect(added.status).toBe(200);
      let status: unknown = 2;
      for (let i = 0; i < 200 && status === 2; i++) {
        const info = (await post(server.url, '/api/knowledge/doc/info', { ...kb, doc_id: 'tides' }))
          .json as unknown as {
          data: { status: { process_status: number; failed_reason?: string } };
        };
        status = info.data.status.process_status;
        if (status === 2) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(0);
      const found = (await post(server.url, '/api/knowledge/collection/search_knowledge', {
        ...kb,
        name: 'demo_kb',
        query: 'sea wave',
        limit: 1,
      })) as unknown as { status: number; json: { data: { result_list: Array<{ doc_info: { doc_id: string } }> } } };
      expect(found.status).toBe(200);
      expect(found.json.data.result_list[0]!.doc_info.doc_id).toBe('tides');
    } finally {
      await server.close();
    }
  });

  it('an embedder from createOpenAiEmbedder passed as an object is checked the same way', async () => {
    const embedder = await createOpenAiEmbedder({ url: fake.url, model: 'fake-embed' });
    await expect(
      createLocalServer({
        config: parseLocalConfig(notesConfig(16)),
        inMemory: true,
        port: 0,
        log: false,
        embedder,
        // Replaced by the object: never probed (it would fail).
        models: { embedder: { url: 'http://127.0.0.1:9/v1', model: 'unused' } },
      }),
    ).rejects.toThrow(/gives 8-dimensional vectors, but the config says otherwise/);
  });

  it('the built-in default config follows the model dimension', async () => {
    const server = await createLocalServer({
      inMemory: true,
      port: 0,
      log: false,
      models: { embedder: { url: fake.url, model: 'fake-embed' } },
    });
    try {
      const upsert = await post(server.url, '/api/vikingdb/data/upsert', {
        collection_name: 'text',
        data: [{ title: 'a', paragraph: 1, score: 1, text: 'apple' }],
      });
      expect(upsert.status).toBe(200);
      const embedding = await post(server.url, '/api/vikingdb/embedding', {
        dense_model: { name: 'bge-m3' },
        data: [{ text: 'pear' }],
      });
      expect(embedding.json.result.data[0]!.dense).toHaveLength(8);
    } finally {
      await server.close();
    }
  });

  it('a server that is down is a startup error naming its URL', async () => {
    const down = await closedPortUrl();
    await expect(
      createLocalServer({ inMemory: true, port: 0, log: false, models: { embedder: { url: down, model: 'm' } } }),
    ).rejects.toThrow(`embedding server (model m) at ${down}/embeddings failed: connection refused`);
  });

  it('an embedding server failing after start answers 503 naming the URL, stores nothing, and the server keeps going', async () => {
    const server = await createLocalServer({
      config: parseLocalConfig(notesConfig(undefined)),
      inMemory: true,
      port: 0,
      log: false,
      models: { embedder: { url: fake.url, model: 'fake-embed' } },
    });
    try {
      fake.embeddingFailure = 500;
      const failed = await post(server.url, '/api/vikingdb/data/upsert', { collection_name: 'notes', data: ROWS });
      expect(failed.status).toBe(503);
      expect(failed.json.message).toContain(
        `embedding server (model fake-embed) at ${fake.url}/embeddings failed: HTTP 500`,
      );
      fake.embeddingFailure = undefined;
      const fetched = await post(server.url, '/api/vikingdb/data/fetch_in_collection', {
        collection_name: 'notes',
        ids: [1, 2, 3],
      });
      expect(fetched.json.result.fetch).toEqual([]);
      const retried = await post(server.url, '/api/vikingdb/data/upsert', { collection_name: 'notes', data: ROWS });
      expect(retried.status).toBe(200);
    } finally {
      fake.embeddingFailure = undefined;
      await server.close();
    }
  });
});

describe('model settings: flags, environment, config', () => {
  it('reads the environment, and flags override it key by key', () => {
    const env = modelSettingsFromEnv({
      VIKINGDB_EMBEDDING_URL: 'http://env:1/v1',
      VIKINGDB_EMBEDDING_MODEL: 'env-embed',
      VIKINGDB_LLM_URL: 'http://env:2/v1',
      VIKINGDB_LLM_MODEL: 'env-chat',
      VIKINGDB_LLM_API_KEY_ENV: 'ARK_KEY',
    });
    expect(mergeModelSettings(env, { embedder: { model: 'flag-embed' }, llm: {} })).toEqual({
      embedder: { url: 'http://env:1/v1', model: 'flag-embed' },
      llm: { url: 'http://env:2/v1', model: 'env-chat', apiKeyEnv: 'ARK_KEY' },
    });
    expect(() => modelSettingsFromEnv({ VIKINGDB_EMBEDDER: 'bert' })).toThrow(
      'VIKINGDB_EMBEDDER must be one of hashing, openai-compatible, not "bert"',
    );
  });

  it('names what is missing, and reads API keys from the variables the settings name', async () => {
    const config = parseLocalConfig({});
    await expect(createModelBackends(config, { embedder: { kind: 'openai-compatible' } }, {})).rejects.toThrow(
      'the openai-compatible embedder needs a URL: --embedding-url, VIKINGDB_EMBEDDING_URL or embedder.url',
    );
    await expect(createModelBackends(config, { llm: { url: fake.url } }, {})).rejects.toThrow(
      'the llm needs a model: --llm-model, VIKINGDB_LLM_MODEL or llm.model',
    );
    await expect(
      createModelBackends(config, { embedder: { url: fake.url, model: 'm', apiKeyEnv: 'EMBED_KEY' } }, {}),
    ).rejects.toThrow('embedder: the environment variable EMBED_KEY (named by apiKeyEnv) is not set');
    // An explicit hashing kind wins over a URL; the defaults are the offline backends.
    expect(await createModelBackends(config, { embedder: { kind: 'hashing', url: fake.url } }, {})).toEqual({});

    fake.requests.length = 0;
    const configured = parseLocalConfig({
      embedder: { url: fake.url, model: 'cfg-embed', apiKeyEnv: 'EMBED_KEY' },
      llm: { url: fake.url, model: 'cfg-chat', apiKeyEnv: 'CHAT_KEY' },
    });
    const backends = await createModelBackends(configured, {}, { EMBED_KEY: 'sk-e', CHAT_KEY: 'sk-c' });
    expect(backends.embedder?.model).toBe('cfg-embed');
    expect(fake.requests[0]!.headers['authorization']).toBe('Bearer sk-e');
    expect(backends.chatModel?.name).toBe('cfg-chat');
    for await (const _ of backends.chatModel!.stream({ messages: [{ role: 'user', content: 'hi' }] })) break;
    expect(fake.requests.at(-1)!.headers['authorization']).toBe('Bearer sk-c');
  });

  it('serve takes the flags and prints the backends it uses', async () => {
    let stop!: (signal: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => err.push(text),
      stderrIsTTY: false,
      env: { VIKINGDB_LLM_MODEL: 'env-chat' },
      waitForStop: () => stopped,
    };
    const running = runCli(
      [
        'serve',
        '--port',
        '0',
        '--in-memory',
        '--quiet',
        '--embedding-url',
        fake.url,
        '--embedding-model',
        'fake-embed',
        '--llm-url',
        fake.url,
      ],
      io,
    );
    for (let i = 0; i < 200 && !err.join('').includes('chat:'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(err.join('')).toContain(`  embed:  openai-compatible fake-embed (8 dims) at ${fake.url}/embeddings\n`);
    expect(err.join('')).toContain(`  chat:   llm env-chat at ${fake.url}/chat/completions\n`);
    stop('SIGTERM');
    expect(await running).toBe(0);

    const bad: string[] = [];
    expect(await runCli(['serve', '--embedder', 'bert'], { ...io, stderr: (t) => bad.push(t) })).toBe(2);
    expect(bad.join('')).toContain('--embedder must be one of hashing, openai-compatible, not "bert"');
  });
});

describe('a data directory remembers its embedder', () => {
  function quietIo(env: Record<string, string> = {}) {
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => err.push(text),
      stderrIsTTY: false,
      env,
      waitForStop: () => new Promise(() => undefined),
    };
    return { io, err: () => err.join('') };
  }

  it('refuses to start with another embedder than the one that wrote the vectors', async () => {
    const dataDir = join(dir, 'hashing-dir');
    await (await createLocalServer({ port: 0, dataDir, log: false })).close();
    expect(JSON.parse(await readFile(join(dataDir, EMBEDDING_FILE), 'utf8'))).toEqual({ kind: 'hashing' });
    await expect(
      createLocalServer({ port: 0, dataDir, log: false, models: { embedder: { url: fake.url, model: 'fake-embed' } } }),
    ).rejects.toThrow(
      `the data directory ${dataDir} holds vectors of the hashing embedder, not of fake-embed (8 dims); vectors of different models do not mix`,
    );
    expect(await dataDirHolder(dataDir)).toBeUndefined();
  });

  it('import --data embeds with the recorded model, and serve without it is refused with the flags to use', async () => {
    const dataDir = join(dir, 'fake-dir');
    const configFile = join(dir, 'notes.config.json');
    await writeFile(configFile, JSON.stringify(notesConfig(undefined)));
    const first = await createLocalServer({
      port: 0,
      dataDir,
      config: configFile,
      log: false,
      models: { embedder: { url: fake.url, model: 'fake-embed' } },
    });
    await first.close();
    expect(JSON.parse(await readFile(join(dataDir, EMBEDDING_FILE), 'utf8'))).toEqual({
      kind: 'openai-compatible',
      model: 'fake-embed',
      dim: 8,
      url: `${fake.url}/embeddings`,
    });

    const rows = join(dir, 'notes.jsonl');
    await writeFile(rows, '{"id": 7, "body": "pear tart"}\n');
    fake.requests.length = 0;
    const imported = quietIo();
    expect(
      await runCli(['import', rows, '--collection', 'notes', '--data', dataDir, '--config', configFile], imported.io),
      imported.err(),
    ).toBe(0);
    expect(fake.requests.map((r) => r.body)).toEqual([
      { model: 'fake-embed', input: ['dimension probe'] },
      { model: 'fake-embed', input: ['pear tart'] },
    ]);

    const served = quietIo();
    expect(await runCli(['serve', '--port', '0', '--data', dataDir, '--config', configFile], served.io)).toBe(1);
    expect(served.err()).toContain(
      `holds vectors of fake-embed (8 dims), not of the hashing embedder; vectors of different models do not mix: ` +
        `use another data directory for this embedder, or start with --embedding-url ${fake.url}/embeddings --embedding-model fake-embed`,
    );
  });
});
