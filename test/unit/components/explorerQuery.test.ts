import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { f } from '../../../src/client';
import { requestFor } from '../../../src/components/search-explorer/explorerRequest';
import {
  DEFAULT_QUERY,
  EXPLORER_MODES,
  queryFrom,
  toExplorerMode,
} from '../../../src/components/search-explorer/explorerTypes';

const target = { collection: 'docs', index: 'docs_index' };
const common = { filter: undefined, outputFields: undefined, limit: 10, integerIds: false };

describe('explorer modes', () => {
  it('names every mode like the API path, and reads the deprecated "text" as multiModal', () => {
    expect(EXPLORER_MODES).toEqual(['multiModal', 'vector', 'id', 'keywords', 'scalar', 'random']);
    for (const mode of EXPLORER_MODES) expect(toExplorerMode(mode)).toBe(mode);
    expect(toExplorerMode('text')).toBe('multiModal');
    expect(toExplorerMode('fuzzy')).toBeUndefined();
    expect(toExplorerMode(undefined)).toBeUndefined();
  });

  it('starts an initial query with mode "text" in multiModal mode, keeping every input given', () => {
    expect(queryFrom({ mode: 'text', text: 'tea', scalarOrder: 'asc' })).toEqual({
      ...DEFAULT_QUERY,
      mode: 'multiModal',
      text: 'tea',
      scalarOrder: 'asc',
    });
    expect(queryFrom(undefined)).toEqual(DEFAULT_QUERY);
  });

  it('never loses an input it is given, whatever the mode name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (mode, text, id) => {
        const query = queryFrom({ mode: mode as 'text', text, id });
        expect(query.text).toBe(text);
        expect(query.id).toBe(id);
        expect(EXPLORER_MODES).toContain(query.mode);
      }),
    );
  });
});

describe('explorer search requests', () => {
  it('sends a multiModal search for the text, trimmed, with the filter and output fields', () => {
    const filter = f.must('lang', ['en']);
    const request = requestFor(
      target,
      { ...DEFAULT_QUERY, text: '  coffee  ' },
      { ...common, filter, outputFields: ['title'] },
    );
    expect(request).toEqual({
      ...target,
      limit: 10,
      filter,
      outputFields: ['title'],
      mode: 'multiModal',
      text: 'coffee',
    });
  });

  it('sends nothing while the input is missing or malformed', () => {
    expect(requestFor(target, { ...DEFAULT_QUERY, text: '   ' }, common)).toBeUndefined();
    expect(requestFor(target, { ...DEFAULT_QUERY, mode: 'vector', vector: 'a, b' }, common)).toBeUndefined();
    expect(requestFor(target, { ...DEFAULT_QUERY, mode: 'scalar' }, common)).toBeUndefined();
    expect(requestFor(target, { ...DEFAULT_QUERY, mode: 'id', id: 'abc' }, { ...common, integerIds: true })).toBe(
      undefined,
    );
  });

  it('sends an id as a number when it is an integer, else as a string key', () => {
    expect(requestFor(target, { ...DEFAULT_QUERY, mode: 'id', id: '42' }, common)).toMatchObject({ id: 42 });
    expect(requestFor(target, { ...DEFAULT_QUERY, mode: 'id', id: 'doc-1' }, common)).toMatchObject({ id: 'doc-1' });
  });
});
