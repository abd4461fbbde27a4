/**
 * The Storybook docs as built (`npm run docs:storybook` first, which `npm run test:package` runs): the build itself
 * fails on an MDX page that does not compile or a docs page attached twice; here, every component with stories has
 * its docs page (autodocs or its own MDX) with a props table, and the guides are all there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface IndexEntry {
  id: string;
  title: string;
  type: 'story' | 'docs';
  importPath: string;
  tags?: string[];
}

const index = JSON.parse(readFileSync(new URL('../../docs-site/storybook/index.json', import.meta.url), 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const entries = Object.values(index.entries);
const docs = entries.filter((entry) => entry.type === 'docs');
const assetsDir = new URL('../../docs-site/storybook/assets/', import.meta.url);
const assets = readdirSync(assetsDir)
  .filter((name) => name.endsWith('.js'))
  .map((name) => readFileSync(new URL(name, assetsDir), 'utf8'));
const componentTitles = [...new Set(entries.filter((entry) => entry.type === 'story').map((entry) => entry.title))];

describe('Storybook docs build', () => {
  it('has components to document', () => {
    expect(componentTitles).toEqual(
      expect.arrayContaining([
        'Components/SearchExplorer',
        'Components/MemoryViewer',
        'Components/KnowledgeChat',
        'Components/KnowledgeBase',
        'Primitives/ScoreBar',
      ]),
    );
  });

  it.each(componentTitles)('%s has a docs page', (title) => {
    expect(docs.find((entry) => entry.title === title)).toBeDefined();
  });

  it('has the introduction and the five guides', () => {
    expect(docs.map((entry) => entry.title)).toEqual(
      expect.arrayContaining([
        'Introduction',
        'Guides/Getting started',
        'Guides/Local server',
        'Guides/Signing proxy',
        'Guides/Knowledge chat',
        'Guides/Coming from the Python SDK',
      ]),
    );
  });

  it.each(componentTitles)('%s has a props table read from its TypeScript types', (title) => {
    const name = title.split('/').at(-1)!;
    // react-docgen-typescript's output, attached to the component in the built bundle: its props, one at least.
    const docgen = new RegExp(`displayName:.${name}.,[^]{0,600}?props:\\{\\w`);
    expect(assets.some((code) => docgen.test(code))).toBe(true);
  });
});
