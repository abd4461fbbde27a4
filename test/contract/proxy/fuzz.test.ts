/**
 * The fuzz suite through the signing proxy: every malformed body of `test/support/fuzzBodies.ts` goes client → proxy
 * (node:http adapter, AK/SK) → local server verifying the signature, at least 2,000 per run. Every answer — the
 * proxy's own or the server's passed through — must be a non-5xx envelope of the path's domain with a request id and
 * a message of at most 1 kB, and both servers must still answer afterwards.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeListener, createSigningProxy } from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import { FUZZ_BODIES, FuzzTally, fuzzProperties, fuzzSender } from '../../support/fuzzBodies';

const KEYS = { accessKeyId: 'AKLTproxyFuzz', secretAccessKey: 'proxy-fuzz-secret' };

let local: LocalServer;
let proxyServer: Server;
let proxyUrl: string;
const tally = new FuzzTally();
const send = fuzzSender(() => proxyUrl, tally);

beforeAll(async () => {
  local = await createLocalServer({ port: 0, inMemory: true, verifySignature: KEYS, log: false });
  const proxy = createSigningProxy({ credentials: KEYS, vector: { url: local.url }, memory: { url: local.url } });
  proxyServer = createServer(createNodeListener(proxy));
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  console.log(`fuzz (through the signing proxy): ${tally}`);
  proxyServer.closeAllConnections();
  await new Promise((resolve) => proxyServer.close(resolve));
  await local.close();
});

describe('fuzzed request bodies through the signing proxy', () => {
  fuzzProperties(send);

  it('both servers still answer, and the answers were really signed and checked', async () => {
    expect(tally.requests).toBeGreaterThanOrEqual(FUZZ_BODIES);
    expect(tally.statuses.get(401) ?? 0).toBe(0);
    expect(tally.statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect((await fetch(`${proxyUrl}/api/vikingdb/Ping`)).status).toBe(200);
    expect((await fetch(`${local.url}/api/memory/ping`)).status).toBe(200);
  });
});
