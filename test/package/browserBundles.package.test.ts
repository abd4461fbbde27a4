/**
 * What must never reach a browser, checked on the built package (`npm run build` first): every browser entry bundled
 * as an app's bundler would (browser conditions, peers external) pulls in neither classic zod nor a Node built-in.
 * The guard itself is tested too, on entries that do. Sizes are size-limit's job (`npm run size`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../bench/lib/browserBundle';

/** The components with their own entry and stylesheet. */
const COMPONENTS = ['search-explorer', 'memory-viewer'];

const BROWSER_ENTRIES = [
  'vikingdb-kit/client',
  'vikingdb-kit/hooks',
  'vikingdb-kit/components',
  ...COMPONENTS.map((name) => `vikingdb-kit/components/${name}`),
  'vikingdb-kit/msw',
];

describe('browser entries of the built package', () => {
  it.each(BROWSER_ENTRIES)('%s: no classic zod, no Node built-in', async (entry) => {
    const bundle = await bundleForBrowser({ source: `export * from ${JSON.stringify(entry)};` });
    expect(Object.keys(bundle.inputs).some((path) => path.startsWith('dist/'))).toBe(true);
    expect(bundle.classicZod).toEqual([]);
    expect(bundle.nodeImports).toEqual([]);
  });

  it('vikingdb-kit/client resolves to the browser build (WebCrypto), not the node one', async () => {
    const bundle = await bundleForBrowser({ source: `export * from 'vikingdb-kit/client';` });
    expect(bundle.files).toContain('dist/client/index.js');
    expect(bundle.files).not.toContain('dist/client/index.node.js');
  });

  it('./hooks adds at most 5 kB (gzip) for vector and memory and 4 kB for knowledge to the whole client', async () => {
    const client = await bundleForBrowser({ source: `export * from 'vikingdb-kit/client';` });
    const both = await bundleForBrowser({
      source: `export * from 'vikingdb-kit/client';\nexport * from 'vikingdb-kit/hooks';`,
    });
    const knowledge = await bundleForBrowser({
      source:
        `export * from 'vikingdb-kit/client';\n` +
        `export { useChatCompletion, useServiceChat, useKnowledgeSearch, useCollectionSearch, useDocs, useInfiniteDocs, ` +
        `useDoc, usePoints, useInfinitePoints, usePoint, useAddDoc, useUpdateDoc, useUpdateDocMeta, useDeleteDoc, ` +
        `useAddPoint, useUpdatePoint, useDeletePoint, useKnowledgeRerank } from 'vikingdb-kit/hooks';`,
    });
    const knowledgeHooks = knowledge.gzipBytes - client.gzipBytes;
    expect(knowledgeHooks).toBeLessThanOrEqual(4000);
    expect(both.gzipBytes - client.gzipBytes).toBeLessThanOrEqual(5000 + knowledgeHooks);
  });
});

describe('component entries', () => {
  it.each(COMPONENTS)('vikingdb-kit/components/%s ships no other component', async (name) => {
    const bundle = await bundleForBrowser({ source: `export * from 'vikingdb-kit/components/${name}';` });
    const chunks = Object.keys(bundle.inputs).filter((path) => path.startsWith('dist/'));
    for (const other of COMPONENTS.filter((each) => each !== name)) {
      expect(chunks.filter((path) => path.includes(other))).toEqual([]);
    }
    expect(chunks.some((path) => path.includes(name))).toBe(true);
  });

  it.each(COMPONENTS)('vikingdb-kit/components/%s loads its zh-CN strings on demand only', async (name) => {
    const source = `export * from 'vikingdb-kit/components/${name}';`;
    const first = await bundleForBrowser({ source, firstLoadOnly: true });
    const all = await bundleForBrowser({ source });
    const chinese = (inputs: Record<string, number>) => Object.keys(inputs).filter((path) => path.includes('zh-CN'));
    expect(chinese(first.inputs)).toEqual([]);
    expect(chinese(all.inputs).length).toBeGreaterThan(0);
    expect(first.gzipBytes).toBeLessThan(all.gzipBytes);
  });

  it.each(COMPONENTS)('vikingdb-kit/components/%s.css is the base plus its own rules only', (name) => {
    const css = readFileSync(new URL(`../../dist/components/${name}.css`, import.meta.url), 'utf8');
    expect(css).toContain('--vdb-bg:');
    expect(css).toContain("[data-theme='dark']");
    const own: Record<string, string> = { 'search-explorer': '.vdb-query {', 'memory-viewer': '.vdb-memory {' };
    for (const [component, selector] of Object.entries(own)) {
      expect(css.includes(`${selector}`), `${name}.css has ${selector}`).toBe(component === name);
    }
  });

  it('vikingdb-kit/components/styles.css holds every component', () => {
    const css = readFileSync(new URL('../../dist/components/styles.css', import.meta.url), 'utf8');
    expect(css).not.toContain('@import');
    for (const name of COMPONENTS) {
      const own = readFileSync(new URL(`../../src/components/${name}/${name}.css`, import.meta.url), 'utf8');
      expect(css).toContain(own);
    }
  });
});

describe('the guard', () => {
  it('reports a Node built-in', async () => {
    const bundle = await bundleForBrowser({
      source: `import { createHash } from 'node:crypto';\nconsole.log(createHash);`,
    });
    expect(bundle.nodeImports).toEqual(['node:crypto']);
  });

  it('reports classic zod', async () => {
    const bundle = await bundleForBrowser({ source: `import { z } from 'zod';\nconsole.log(z.string());` });
    expect(bundle.classicZod.length).toBeGreaterThan(0);
  });

  it('accepts zod/mini', async () => {
    const bundle = await bundleForBrowser({ source: `import * as z from 'zod/mini';\nconsole.log(z.string());` });
    expect(bundle.classicZod).toEqual([]);
  });
});
