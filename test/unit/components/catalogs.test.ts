import { readdirSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocaleTranslator } from '../../../src/components/i18n/formatMessage';

const COMPONENTS = new URL('../../../src/components/', import.meta.url);

/** Every folder under src/components that has a `messages/` catalog (each component and the primitives). */
const owners = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/messages/en.ts`, COMPONENTS)))
  .map((entry) => entry.name)
  .sort();

/** The one exported catalog object of a `messages/<locale>.ts` module. */
async function catalogOf(owner: string, locale: string): Promise<Record<string, string>> {
  const module = (await import(new URL(`${owner}/messages/${locale}.ts`, COMPONENTS).href)) as Record<string, unknown>;
  const objects = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
  expect(objects, `${owner}/messages/${locale}.ts exports one catalog`).toHaveLength(1);
  return objects[0] as Record<string, string>;
}

/** The names a string fills: `{name}` and `{name, plural, …}`. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((match) => match[1]!))].sort();
}

describe('message catalogs', () => {
  it('are found for the primitives and every component', () => {
    expect(owners).toEqual(expect.arrayContaining(['memory-viewer', 'primitives', 'search-explorer']));
  });

  it.each(owners)('%s: zh-CN has exactly the keys of en, each with the same placeholders', async (owner) => {
    const en = await catalogOf(owner, 'en');
    const zhCN = await catalogOf(owner, 'zh-CN');
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(typeof text, key).toBe('string');
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]!), key).toEqual(placeholders(text));
    }
  });

  it.each(owners)('%s: every string of every locale fills all its placeholders', async (owner) => {
    for (const locale of ['en', 'zh-CN']) {
      const catalog = await catalogOf(owner, locale);
      const t = createLocaleTranslator(locale, catalog);
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(catalog)), fc.integer({ min: 0, max: 1_000_000 }), (key, n) => {
          const values = Object.fromEntries(placeholders(catalog[key]!).map((name) => [name, n]));
          const text = t(key, values);
          // No `{name}` left unfilled and no plural syntax left behind.
          expect(text, `${locale} ${key}`).not.toMatch(/\{\w+(\}|,)/);
          expect(text, `${locale} ${key}`).not.toContain('#');
        }),
        { numRuns: 200 },
      );
    }
  });

  it('a component catalog holds the primitives’ keys too', async () => {
    const primitives = Object.keys(await catalogOf('primitives', 'en'));
    for (const owner of owners.filter((name) => name !== 'primitives')) {
      for (const locale of ['en', 'zh-CN']) {
        expect(Object.keys(await catalogOf(owner, locale)), `${owner} ${locale}`).toEqual(
          expect.arrayContaining(primitives),
        );
      }
    }
  });
});
