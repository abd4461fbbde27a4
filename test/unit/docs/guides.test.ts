/**
 * The Storybook guides (`docs/guides/*.mdx`) and component pages (`src/components/**\/*.mdx`): their TypeScript blocks
 * compile against the package sources (see test/support/docCodeBlocks.ts), and every guide has some to check.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks, ROOT, typeCheckCodeBlocks } from '../../support/docCodeBlocks';

const guides = readdirSync(`${ROOT}docs/guides`)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => `docs/guides/${name}`);
const componentPages = readdirSync(`${ROOT}src/components`, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => `src/components/${name.replaceAll('\\', '/')}`);

describe('documentation pages', () => {
  it('has the five guides and a page per component', () => {
    expect(guides.length).toBeGreaterThanOrEqual(5);
    expect(componentPages.length).toBeGreaterThanOrEqual(2);
  });

  it.each(guides.filter((guide) => !guide.endsWith('/Introduction.mdx')))('%s has TypeScript to check', (guide) => {
    expect(codeBlocks(guide).length).toBeGreaterThan(0);
  });

  it('compile against the package sources', () => {
    const blocks = [...guides, ...componentPages].flatMap((page) => codeBlocks(page));
    expect(typeCheckCodeBlocks(blocks)).toEqual([]);
  }, 180_000);
});
