import type { ComponentProps, ReactElement } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  MemoryViewer,
  SearchExplorer,
  useSearchExplorer,
  type ExplorerMode,
  type MemoryViewerProps,
  type SearchExplorerProps,
  type SearchExplorerState,
} from '../../src/components/index';

describe('components typing', () => {
  it('SearchExplorer needs a collection and an index', () => {
    expectTypeOf<ComponentProps<typeof SearchExplorer>>().toEqualTypeOf<SearchExplorerProps>();
    expectTypeOf(SearchExplorer).toBeCallableWith({ collection: 'docs', index: 'docs_index' });
    expectTypeOf(SearchExplorer).toBeCallableWith({
      collection: 'docs',
      index: 'docs_index',
      initialQuery: { mode: 'text', text: 'coffee' },
      searchOnMount: true,
    });
    expectTypeOf(SearchExplorer).returns.toExtend<ReactElement>();
    // @ts-expect-error the index is required
    SearchExplorer({ collection: 'docs' });
    // @ts-expect-error unknown search mode
    SearchExplorer({ collection: 'docs', index: 'i', initialQuery: { mode: 'fuzzy' } });
  });

  it('useSearchExplorer is the headless state behind it', () => {
    expectTypeOf(useSearchExplorer).returns.toEqualTypeOf<SearchExplorerState>();
    expectTypeOf<'multiModal' | 'vector' | 'random'>().toExtend<ExplorerMode>();
    // @ts-expect-error 'text' is only a deprecated alias in initialQuery and URLs, not a mode
    expectTypeOf<'text'>().toExtend<ExplorerMode>();
  });

  it('MemoryViewer needs a memory collection', () => {
    expectTypeOf<ComponentProps<typeof MemoryViewer>>().toEqualTypeOf<MemoryViewerProps>();
    expectTypeOf(MemoryViewer).toBeCallableWith({ collection: 'memories', initialTab: 'search' });
    // @ts-expect-error the collection is required
    MemoryViewer({});
  });
});
