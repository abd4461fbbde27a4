/**
 * What a web page the developer happens to open can do to the local server: nothing. Over real HTTP against an open
 * `createLocalServer` (no API key, as `vikingdb-kit serve` and `npm run dev` run it): a rebinding `Host` and a
 * cross-site "simple" request are refused before any handler runs, and the row they carried is not stored; the
 * requests the official SDKs send (no `Origin`, JSON) and the playground's (an allowed origin) still pass.
 */
import { describe, expect, it } from 'vitest';
import { createLocalServer } from '../../../src/server/local/createLocalServer';
import { parseLocalConfig } from '../../../src/server/local/config/schema';
import { bodyOf, rawHttp, rawSocket } from '../../support/rawHttp';
import { demoDoc, raw, serverForThisFile } from '../server/harness';

const fx = serverForThisFile();
const UPSERT = '/api/vikingdb/data/upsert';
const row = (id: number) => JSON.stringify({ collection_name: 'demo_docs', data: [demoDoc(id)] });

async function stored(id: number): Promise<boolean> {
  const answer = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', {
    collection_name: 'demo_docs',
    ids: [id],
  });
  expect(answer.status).toBe(200);
  return answer.body.result.fetch.length > 0;
}

describe('DNS rebinding: only loopback hosts are answered', () => {
  it('refuses a rebound Host with 403 naming allowedHosts, and stores nothing', async () => {
    const answer = await rawHttp(fx.server.port, {
      path: UPSERT,
      headers: { Host: `evil.example:${fx.server.port}`, 'Content-Type': 'application/json' },
      body: row(501),
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/allowedHosts/) });
    expect(answer.json.request_id).toBe(answer.headers['x-tt-logid']);
    expect(await stored(501)).toBe(false);
    const memory = await rawHttp(fx.server.port, {
      path: '/api/memory/search',
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(memory.status).toBe(403);
    expect(memory.json.code).toBe(1000002);
  });

  it('answers localhost, 127.0.0.1 and [::1] on any port', async () => {
    for (const host of ['localhost', `localhost:${fx.server.port}`, '127.0.0.1:1', '[::1]:8329', 'LOCALHOST.']) {
      const answer = await rawHttp(fx.server.port, {
        method: 'GET',
        path: '/api/vikingdb/Ping',
        headers: { Host: host },
      });
      expect(answer.status, host).toBe(200);
    }
  });

  it('answers the names in allowedHosts (and a dotted domain with its subdomains)', async () => {
    const server = await createLocalServer({
      port: 0,
      inMemory: true,
      log: false,
      allowedHosts: ['dev.example.com', '.lan.test'],
    });
    try {
      const status = async (host: string) =>
        (await rawHttp(server.port, { method: 'GET', path: '/api/vikingdb/Ping', headers: { Host: host } })).status;
      expect(await status('dev.example.com:8329')).toBe(200);
      expect(await status('lan.test')).toBe(200);
      expect(await status('box.lan.test')).toBe(200);
      expect(await status('example.com')).toBe(403);
      expect(await status('dev.example.com.evil.example')).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('cross-site requests: refused before any handler runs', () => {
  it('refuses a text/plain cross-origin POST (a no-cors "simple" request) with 403, and stores nothing', async () => {
    const answer = await rawHttp(fx.server.port, {
      path: UPSERT,
      headers: {
        Host: `127.0.0.1:${fx.server.port}`,
        Origin: 'https://evil.example',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      body: row(502),
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/cors/i) });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(await stored(502)).toBe(false);
  });

  it('refuses a foreign origin even with a JSON body, and its preflight', async () => {
    const post = await raw(fx.url, UPSERT, row(503), { headers: { Origin: 'https://evil.example' } });
    expect(post.status).toBe(403);
    expect(await stored(503)).toBe(false);
    const preflight = await rawHttp(fx.server.port, {
      method: 'OPTIONS',
      path: UPSERT,
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const sandboxed = await raw(fx.url, UPSERT, row(504), { headers: { Origin: 'null' } });
    expect(sandboxed.status).toBe(403);
    expect(await stored(504)).toBe(false);
  });

  it('answers 415 to a data call that is not JSON (text/plain, a form, or no Content-Type), and stores nothing', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await rawHttp(fx.server.port, {
        path: UPSERT,
        headers: { 'Content-Type': contentType },
        body: row(505),
      });
      expect(answer.status, contentType).toBe(415);
      expect(answer.json).toMatchObject({
        code: 'UnsupportedMediaType',
        message: expect.stringMatching(/application\/json/),
      });
    }
    const none = await rawHttp(fx.server.port, { path: UPSERT, body: row(505) });
    expect(none.status).toBe(415);
    const memory = await rawHttp(fx.server.port, {
      path: '/api/memory/search',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(memory.status).toBe(415);
    expect(memory.json.code).toBe(1000003);
    expect(await stored(505)).toBe(false);
  });

  it('still accepts what the SDKs send (no Origin, JSON with or without a charset) and the playground (an allowed origin)', async () => {
    const sdk = await rawHttp(fx.server.port, {
      path: UPSERT,
      headers: { 'Content-Type': 'application/json' },
      body: row(506),
    });
    expect(sdk.status).toBe(200);
    const java = await rawHttp(fx.server.port, {
      path: UPSERT,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: row(507),
    });
    expect(java.status).toBe(200);
    const playground = await raw(fx.url, UPSERT, row(508), { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(playground.status).toBe(200);
    expect(playground.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const ping = await rawHttp(fx.server.port, { method: 'GET', path: '/api/memory/ping' });
    expect(ping.status).toBe(200);
    for (const id of [506, 507, 508]) expect(await stored(id)).toBe(true);
  });

  it('corsOrigins (serve --cors-origin) opens the server to another origin, and only to it', async () => {
    const server = await createLocalServer({
      port: 0,
      inMemory: true,
      log: false,
      corsOrigins: ['https://app.example'],
    });
    try {
      const allowed = await raw(server.url, UPSERT, row(509), { headers: { Origin: 'https://app.example' } });
      expect(allowed.status).toBe(200);
      const local = await raw(server.url, UPSERT, row(510), { headers: { Origin: 'http://localhost:5173' } });
      expect(local.status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('every answer is an envelope of the path’s domain', () => {
  it('answers paths under /api/memory and /api/knowledge (trailing slash included) with integer codes', async () => {
    for (const path of ['/api/memory/', '/api/memory', '/api/memory/nope', '/api/knowledge/', '/api/knowledge/x/y']) {
      const answer = await raw(fx.url, path, {});
      expect(answer.status, path).toBe(404);
      expect(typeof answer.body.code, path).toBe('number');
    }
    const vector = await raw(fx.url, '/api/vikingdb/', {});
    expect(typeof vector.body.code).toBe('string');
  });

  it('answers CONNECT and TRACE with 405 and a request id instead of dropping the connection', async () => {
    const connect = await rawSocket(fx.server.port, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    expect(connect).toMatch(/^HTTP\/1\.1 405 /);
    expect(bodyOf(connect)).toMatchObject({ code: 'MethodNotAllowed', request_id: expect.any(String) });
    const trace = await rawSocket(
      fx.server.port,
      'TRACE /api/memory/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(bodyOf(trace)).toMatchObject({ code: 1000003 });
  });
});

describe('messages quote at most ~200 characters of any user value', () => {
  it('a 1 MiB collection name gives a short 404', async () => {
    const name = 'c'.repeat(1024 * 1024);
    const answer = await raw(fx.url, '/api/vikingdb/data/fetch_in_collection', { collection_name: name, ids: [1] });
    expect(answer.status).toBe(404);
    expect(answer.body.message.length).toBeLessThan(400);
    expect(answer.body.message).toContain('c'.repeat(200));
    expect(answer.body.message).toMatch(/more characters/);
  });

  it('a 1 MB field name (echoed twice) gives a message under 1 kB, and nothing is stored', async () => {
    const field = 'f'.repeat(1_000_000);
    const answer = await raw(fx.url, UPSERT, { collection_name: 'demo_docs', data: [{ ...demoDoc(511), [field]: 1 }] });
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(1024);
    expect(await stored(511)).toBe(false);
    const memory = await raw(fx.url, '/api/memory/session/info', {
      collection_name: 'x'.repeat(500_000),
      session_id: 's',
    });
    expect(memory.body.message.length).toBeLessThan(1024);
  });
});

describe('numbers that cannot be stored or scored', () => {
  it('refuses dense vectors with components beyond float32, naming the first bad index; nothing is null', async () => {
    const query = new Array(1024).fill(0.1);
    query[3] = 1e308;
    query[5] = -1e39;
    const search = await raw(fx.url, '/api/vikingdb/data/search/vector', {
      collection_name: 'vector',
      index_name: 'vector_index',
      dense_vector: query,
    });
    expect(search.status).toBe(400);
    expect(search.body).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringMatching(/^dense_vector\[3\] .*float32/),
    });
    const sort = await raw(fx.url, '/api/vikingdb/data/sort', {
      collection_name: 'demo_docs',
      index_name: 'demo_docs_index',
      ids: [506],
      query_vector: [1e308, ...new Array(255).fill(0)],
    });
    expect(sort.status).toBe(400);
    expect(sort.body.message).toMatch(/^query_vector\[0\] /);
    const upsert = await raw(fx.url, UPSERT, {
      collection_name: 'vector',
      data: [{ title: 'big', paragraph: 9001, score: 1, text: 't', vector: [3.5e38, ...new Array(1023).fill(0)] }],
    });
    expect(upsert.status).toBe(400);
    expect(upsert.body.message).toMatch(/vector\[0\] .*float32/);
  });

  it('scores the largest finite float32 vectors finitely with every distance', async () => {
    const big = 3.4e38;
    const vectors = [
      [big, -big, big, -big],
      [-big, big, 0, 1e-45],
      [big, big, big, big],
    ];
    const server = await createLocalServer({
      port: 0,
      inMemory: true,
      log: false,
      config: parseLocalConfig({
        collections: ['ip', 'cosine', 'l2'].map((distance) => ({
          name: `extreme_${distance}`,
          primaryKey: { name: 'id', type: 'int64' },
          fields: [{ name: 'v', type: 'vector', dim: 4 }],
          indexes: [{ name: `extreme_${distance}_index`, distance }],
        })),
      }),
    });
    try {
      for (const distance of ['ip', 'cosine', 'l2']) {
        const collection = `extreme_${distance}`;
        const up = await raw(server.url, UPSERT, {
          collection_name: collection,
          data: vectors.map((v, i) => ({ id: i + 1, v })),
        });
        expect(up.status, up.text).toBe(200);
        for (const query of vectors) {
          const answer = await raw(server.url, '/api/vikingdb/data/search/vector', {
            collection_name: collection,
            index_name: `${collection}_index`,
            dense_vector: query,
            limit: 3,
          });
          expect(answer.status, answer.text).toBe(200);
          for (const item of answer.body.result.data)
            expect(Number.isFinite(item.score), `${distance} ${answer.text}`).toBe(true);
          if (distance === 'cosine') expect(answer.body.result.data[0].score).toBeCloseTo(1, 5);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('refuses memory times outside epoch milliseconds 0 … year 9999, and stores nothing', async () => {
    const session = (time: number, id: string) => ({
      collection_name: 'sdk_test',
      session_id: id,
      messages: [{ role: 'user', content: 'I like tea' }],
      metadata: { default_user_id: 'time-user', time },
    });
    for (const time of [1e300, -1, 253_402_300_800_000]) {
      const answer = await raw(fx.url, '/api/memory/session/add', session(time, `bad-${time}`));
      expect(answer.status, String(time)).toBe(400);
      expect(answer.body).toMatchObject({
        code: 1000003,
        message: expect.stringMatching(/metadata\.time .*epoch milliseconds/),
      });
      const info = await raw(fx.url, '/api/memory/session/info', {
        collection_name: 'sdk_test',
        session_id: `bad-${time}`,
      });
      expect(info.status).toBe(404);
    }
    const filter = await raw(fx.url, '/api/memory/search', {
      collection_name: 'sdk_test',
      filter: { user_id: 'time-user', end_time: 1e300 },
    });
    expect(filter.status).toBe(400);
    const ok = await raw(fx.url, '/api/memory/session/add', session(253_402_300_799_999, 'good-time'));
    expect(ok.status).toBe(200);
  });
});
