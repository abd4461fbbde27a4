import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knowledgeCorpusText } from '../../../../scripts/write-knowledge-corpus';

describe('src/server/local/seed/knowledgeCorpus.ts', () => {
  it('holds the current README.md and docs/*.md (run `npm run corpus` after editing them)', () => {
    const file = readFileSync(new URL('../../../../src/server/local/seed/knowledgeCorpus.ts', import.meta.url), 'utf8');
    expect(file).toBe(knowledgeCorpusText());
  });
});
