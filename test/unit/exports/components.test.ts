import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as components from '../../../src/components/index';
import * as knowledgeBase from '../../../src/components/knowledge-base/index';
import * as knowledgeChat from '../../../src/components/knowledge-chat/index';
import * as memoryViewer from '../../../src/components/memory-viewer/index';
import * as primitives from '../../../src/components/primitives/index';
import * as searchExplorer from '../../../src/components/search-explorer/index';

const PRIMITIVES = [
  'ConfirmButton',
  'CopyButton',
  'EmptyState',
  'ErrorNotice',
  'JsonView',
  'ScoreBar',
  'Skeleton',
  'describeError',
];

const names = (entry: object) => Object.keys(entry).sort();

describe('components entry points export exactly their public surface', () => {
  it('vikingdb-kit/components/search-explorer', () => {
    expect(names(searchExplorer)).toEqual(
      [
        'EXPLORER_MODES',
        'SearchExplorer',
        'loadSearchExplorerMessages',
        'searchExplorerEn',
        'toExplorerMode',
        'useSearchExplorer',
      ].sort(),
    );
  });

  it('vikingdb-kit/components/memory-viewer', () => {
    expect(names(memoryViewer)).toEqual(
      [
        'MEMORY_VIEWER_TABS',
        'MemoryViewer',
        'loadMemoryViewerMessages',
        'memoryViewerEn',
        'useMemoryViewer',
        'useSessionView',
      ].sort(),
    );
  });

  it('vikingdb-kit/components/knowledge-base', () => {
    expect(names(knowledgeBase)).toEqual(
      [
        'DEFAULT_STALLED_AFTER_MS',
        'DOC_STATES',
        'KNOWLEDGE_BASE_PANES',
        'KnowledgeBase',
        'knowledgeBaseEn',
        'loadKnowledgeBaseMessages',
        'useKnowledgeBase',
      ].sort(),
    );
  });

  it('vikingdb-kit/components: every component entry and the public primitives, nothing else', () => {
    const entries = [searchExplorer, memoryViewer, knowledgeBase, knowledgeChat, primitives] as Array<
      Record<string, unknown>
    >;
    expect(names(primitives)).toEqual(PRIMITIVES);
    const union = [...new Set(entries.flatMap(names))].sort();
    expect(names(components)).toEqual(union);
    for (const name of union) {
      const owner = entries.find((entry) => name in entry)!;
      expect(components[name as keyof typeof components], name).toBe(owner[name]);
    }
  });

  it('no file under src/components uses `export *`', () => {
    const root = new URL('../../../src/components/', import.meta.url);
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.tsx?$/.test(path))
      .filter((path) => /^export \* from/m.test(readFileSync(new URL(path, root), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
