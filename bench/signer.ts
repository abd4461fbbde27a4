/**
 * V4 signer throughput: ours (one signer instance, so the derived key is cached) vs the `@volcengine/openapi`
 * signer on the same request, on Node (nodeCrypto and webCrypto backends) and in Chromium (webCrypto).
 * Ratios are volcengine time / our time per signature, paired per interleaved round, median round.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeCrypto } from '../src/client/auth/crypto/nodeCrypto';
import { webCrypto } from '../src/client/auth/crypto/webCrypto';
import { createV4Signer } from '../src/client/auth/signV4';
import { launchChromium } from './lib/chromium';
import { startLoopbackServer } from './lib/httpServer';
import { median, medianOfPairs } from './lib/median';
import { metric, type BenchResult, type Metric } from './lib/metric';
import { runRounds, series, type RoundsOptions } from './lib/rounds';
import { isMain, runStandalone } from './lib/standalone';
import { loadVolcengineSigner, sanityCheck, SIGN_INPUT, volcengineSign } from './signer/cases';
import type { SignerPageApi } from './signer/page';

type PageGlobal = { signerBench: SignerPageApi };

const ROUNDS: RoundsOptions = { rounds: 21, warmupRounds: 4, batchMs: 120 };

const log = (line: string) => console.log(`[signer] ${line}`);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const speedup = (volcengine: number[], ours: number[]) => medianOfPairs(volcengine, ours, (v, o) => v / o);

async function runNode(): Promise<{ metrics: Metric[]; details: Record<string, unknown> }> {
  const require = createRequire(import.meta.url);
  const Signer = loadVolcengineSigner(require('@volcengine/openapi/lib/base/sign.js'));
  const nodeSigner = createV4Signer(nodeCrypto);
  const webSigner = createV4Signer(webCrypto);
  log(`node sanity, nodeCrypto: ${(await sanityCheck(nodeSigner, Signer)).join('; ')}`);
  log(`node sanity, webCrypto: ${(await sanityCheck(webSigner, Signer)).join('; ')}`);

  const result = await runRounds(
    [
      { name: 'nodeCrypto', op: () => nodeSigner(SIGN_INPUT), async: true },
      { name: 'webCrypto', op: () => webSigner(SIGN_INPUT), async: true },
      // Informational: a new signer per call, so the signing key is derived every time.
      { name: 'nodeCrypto-uncached', op: () => createV4Signer(nodeCrypto)(SIGN_INPUT), async: true },
      { name: 'volcengine', op: () => volcengineSign(Signer, SIGN_INPUT) },
    ],
    ROUNDS,
  );
  const volc = series(result, 'volcengine');
  const perSig = Object.fromEntries(Object.keys(result.perOpMs).map((name) => [name, median(series(result, name))]));
  log(`node ${process.version}, per signature (median of ${ROUNDS.rounds} rounds):`);
  for (const [name, ms] of Object.entries(perSig)) log(`  ${name.padEnd(20)} ${us(ms)}`);

  const nodeRatio = speedup(volc, series(result, 'nodeCrypto'));
  const webRatio = speedup(volc, series(result, 'webCrypto'));
  const uncachedRatio = speedup(volc, series(result, 'nodeCrypto-uncached'));
  log(`  uncached nodeCrypto vs volcengine: ${uncachedRatio.toFixed(2)}×`);
  return {
    metrics: [
      metric('signer (node): nodeCrypto vs volcengine', nodeRatio, '×', { target: { op: '>=', value: 4 } }),
      metric('signer (node): nodeCrypto per signature', perSig['nodeCrypto']! * 1000, 'µs', {
        digits: 1,
        target: { op: '<=', value: 100 },
      }),
      metric('signer (node): webCrypto vs volcengine', webRatio, '×'),
    ],
    details: { perSignatureMs: perSig, ratios: { nodeRatio, webRatio, uncachedRatio }, iterations: result.iterations },
  };
}

/** Bundles bench/signer/page.ts for the browser; Node built-ins the volcengine signer touches are shimmed. */
async function bundlePage(): Promise<string> {
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const out = await build({
    entryPoints: [here('./signer/page.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    alias: { util: here('./signer/shims/util.ts') },
    inject: [here('./signer/shims/buffer.ts')],
    logLevel: 'error',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the signer page');
  return file.text;
}

async function runChromium(): Promise<{ metrics: Metric[]; details: Record<string, unknown> }> {
  const script = await bundlePage();
  const server = await startLoopbackServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><script src="/page.js"></script>');
    }
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    // 127.0.0.1 is a secure context, so crypto.subtle is available.
    await page.goto(`${server.url}/`);
    await page
      .waitForFunction(() => 'signerBench' in globalThis, undefined, { timeout: 10_000 })
      .catch(() => {
        throw new Error(`signer page did not load: ${pageErrors.map(String).join('; ') || 'no page error'}`);
      });
    // page.evaluate serialises its callback, so each one reaches the page API itself.
    const sanity = await page.evaluate(() => (globalThis as unknown as PageGlobal).signerBench.sanity());
    log(`chromium ${browser.version()} sanity: ${sanity.join('; ')}`);
    const result = await page.evaluate(
      (options) => (globalThis as unknown as PageGlobal).signerBench.run(options),
      ROUNDS,
    );

    const web = median(series(result, 'webCrypto'));
    const volc = median(series(result, 'volcengine'));
    const ratio = speedup(series(result, 'volcengine'), series(result, 'webCrypto'));
    log(`chromium, per signature (median of ${ROUNDS.rounds} rounds): webCrypto ${us(web)}, volcengine ${us(volc)}`);
    return {
      metrics: [metric('signer (chromium): webCrypto vs volcengine', ratio, '×', { target: { op: '>=', value: 3 } })],
      details: {
        chromium: browser.version(),
        perSignatureMs: { webCrypto: web, volcengine: volc },
        ratio,
        iterations: result.iterations,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const node = await runNode();
  const chromium = await runChromium();
  return {
    name: 'signer',
    metrics: [...node.metrics, ...chromium.metrics],
    details: { rounds: ROUNDS, request: { ...SIGN_INPUT }, node: node.details, chromium: chromium.details },
    durationMs: performance.now() - started,
  };
}

if (isMain(import.meta.url)) await runStandalone(run);
