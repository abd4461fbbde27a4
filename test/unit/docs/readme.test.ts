/** The README's TypeScript blocks compile against the package sources (see test/support/docCodeBlocks.ts). */
import { describe, expect, it } from 'vitest';
import { codeBlocks, typeCheckCodeBlocks } from '../../support/docCodeBlocks';

const blocks = codeBlocks('README.md');

describe('README code blocks', () => {
  it('has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(8);
  });

  it('compile against the package sources', () => {
    expect(typeCheckCodeBlocks(blocks)).toEqual([]);
  }, 120_000);
});
