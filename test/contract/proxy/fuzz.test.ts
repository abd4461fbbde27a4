/**
 * The fuzz suite through the signing proxy: every malformed body of `test/support/fuzzBodies.ts` goes client → proxy
 * (node:http adapter, AK/SK) → local server verifying the signature, at least 2,000 per run. Every answer — the
 * proxy's own or the server's passed through — must be a non-5xx envelope of the path's domain with a request id and
 * a message of at most 1 kB, and both servers must still answer afterwards.
 */
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeListener, createSigningProxy } from '../../../src/server';
import { createLocalServer, type LocalServer } from '../../../src/server/local/createLocalServer';
import {
  ALL_PATHS,
  checkAnswer,
  FuzzTally,
  mutate,
  mutationArb,
  randomBodyArb,
  TEMPLATE_GROUPS,
} from '../../support/fuzzBodies';

const KEYS = { accessKeyId: 'AKLTproxyFuzz', secretAccessKey: 'proxy-fuzz-secret' };
/** Runs per template group (seven groups, plus twice as many random bodies): 300 → 2,700 bodies. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

let local: LocalServer;
let proxyServer: Server;
let proxyUrl: string;
const tally = new FuzzTally();

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

async function sendAndCheck(path: string, body: string | Uint8Array): Promise<void> {
  const response = await fetch(`${proxyUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body as BodyInit,
  });
  const text = await response.text();
  tally.add(response.status);
  checkAnswer(path, response, text);
}

describe('fuzzed request bodies through the signing proxy', () => {
  it.each(TEMPLATE_GROUPS)(
    '%s: mutations of valid bodies never get a 5xx',
    { timeout: 60_000 },
    async (_n, templates) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...templates),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async ([path, template], mutations) => {
            await sendAndCheck(path, mutate(template, mutations));
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it('random JSON, random text and random bytes on every path never get a 5xx', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_PATHS), randomBodyArb, async (path, body) => {
        await sendAndCheck(path, body);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('both servers still answer, and the answers were really signed and checked', async () => {
    expect(tally.requests).toBeGreaterThanOrEqual(9 * RUNS);
    expect(tally.statuses.get(401) ?? 0).toBe(0);
    expect(tally.statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect((await fetch(`${proxyUrl}/api/vikingdb/Ping`)).status).toBe(200);
    expect((await fetch(`${local.url}/api/memory/ping`)).status).toBe(200);
  });
});
