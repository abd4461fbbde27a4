import { describe, expect, it } from 'vitest';
import { f } from '../../../src/client';
import { createLocaleTranslator } from '../../../src/components/i18n/formatMessage';
import { memoryViewerEn } from '../../../src/components/memory-viewer/messages/en';
import { memoryViewerZhCN } from '../../../src/components/memory-viewer/messages/zh-CN';
import { buildFilter, draftFromFilter } from '../../../src/components/search-explorer/filterDraft';
import { histogram } from '../../../src/components/search-explorer/histogram';
import { inferFields } from '../../../src/components/search-explorer/inferFields';
import { searchExplorerEn as en } from '../../../src/components/search-explorer/messages/en';
import { searchExplorerZhCN as zhCN } from '../../../src/components/search-explorer/messages/zh-CN';
import { parseVector } from '../../../src/components/search-explorer/parseVector';
import { projectPca } from '../../../src/components/search-explorer/pca';
import { toPrimaryKey } from '../../../src/components/search-explorer/useSearchExplorer';

describe('filter builder model', () => {
  const fields = [
    { name: 'lang', type: 'string' as const },
    { name: 'year', type: 'int64' as const },
  ];

  it('round-trips every operator through the builder tree', () => {
    const filter = f.and(
      f.must('lang', ['en', 'zh']),
      f.mustNot('year', [2020]),
      f.range('year', { gte: 2015, lt: 2024 }),
      f.rangeOut('year', { gt: 2030, lte: 2000 }),
      f.or(f.geoCircle(['pos_x', 'pos_y'], [1, 2], 30), f.must('lang', ['fr'])),
    );
    const draft = draftFromFilter(filter);
    expect(draft).toBeDefined();
    expect(buildFilter(draft!, fields)).toEqual({ filter, problems: [] });
  });

  it('leaves out unfinished conditions and unwraps a single one', () => {
    const draft = draftFromFilter(f.and(f.must('lang', ['en']), f.range('year', { gte: 1 })))!;
    const first = draft.children[0]!;
    const unfinished = { ...first, key: 'x', field: '' };
    expect(buildFilter({ ...draft, children: [first, unfinished] }, fields).filter).toEqual(f.must('lang', ['en']));
  });

  it('reports bounds that are not numbers', () => {
    const draft = draftFromFilter(f.range('year', { gte: 1 }))!;
    const child = draft.children[0]!;
    if (child.kind !== 'condition') throw new Error('expected a condition');
    const bad = { ...draft, children: [{ ...child, lower: 'abc' }] };
    expect(buildFilter(bad, fields).problems).toHaveLength(1);
  });

  it('cannot show a range with both gt and gte', () => {
    expect(draftFromFilter({ op: 'range', field: 'year', gt: 1, gte: 2 })).toBeUndefined();
  });
});

describe('helpers', () => {
  it('parses pasted vectors', () => {
    expect(parseVector('[0.1, -2, 3e-2]')).toEqual([0.1, -2, 0.03]);
    expect(parseVector('1 2\n3')).toEqual([1, 2, 3]);
    expect(parseVector('1, x')).toBeUndefined();
    expect(parseVector('  ')).toBeUndefined();
  });

  it('reads primary keys', () => {
    expect(toPrimaryKey(' 42 ')).toBe(42);
    expect(toPrimaryKey('99999999999999999999')).toBe('99999999999999999999');
    expect(toPrimaryKey('doc-1')).toBe('doc-1');
  });

  it('projects points that differ along one axis onto the first component', () => {
    const points = projectPca([
      { id: 1, vector: [0, 0, 0] },
      { id: 2, vector: [1, 0, 0] },
      { id: 3, vector: [2, 0, 0] },
    ]);
    expect(points.map((p) => Math.abs(p.x))).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(0, 6),
      expect.closeTo(1, 6),
    ]);
    for (const p of points) expect(p.y).toBeCloseTo(0, 6);
  });

  it('bins scores', () => {
    const bins = histogram([0, 0.5, 1, 1], 2);
    expect(bins.map((b) => b.count)).toEqual([1, 3]);
    expect(histogram([])).toEqual([]);
  });

  it('guesses field types from rows', () => {
    expect(inferFields([{ fields: { a: 1, b: 1.5, c: 'x', d: ['t'] } }, { fields: { a: 2.5 } }])).toEqual([
      { name: 'a', type: 'float32' },
      { name: 'b', type: 'float32' },
      { name: 'c', type: 'string' },
      { name: 'd', type: 'list<string>' },
    ]);
  });

  it('translates with overrides and placeholders', () => {
    const t = createLocaleTranslator('zh-CN', en, zhCN, { 'query.submit': 'Go' });
    expect(t('query.submit')).toBe('Go');
    expect(t('results.count', { count: 3 })).toBe('3 条结果');
  });

  it('picks plural forms with Intl.PluralRules of the locale', () => {
    const english = createLocaleTranslator('en', en);
    expect(english('results.count', { count: 1 })).toBe('1 result');
    expect(english('results.count', { count: 0 })).toBe('0 results');
    expect(english('results.count', { count: 20 })).toBe('20 results');
    expect(english('insights.histogramSummary', { min: 0, max: 1, count: 1 })).toBe(
      'Scores from 0 to 1 across 1 result.',
    );
    const chinese = createLocaleTranslator('zh-CN', en, zhCN);
    expect(chinese('results.count', { count: 1 })).toBe('1 条结果');
    expect(chinese('results.count', { count: 2 })).toBe('2 条结果');
    // Exact matches come first; a missing category falls back to `other`; text without a number stays as written.
    const custom = createLocaleTranslator('en', en, {
      'results.count': '{count, plural, =0 {nothing} one {a single row} other {# rows}}',
    });
    expect([0, 1, 7].map((count) => custom('results.count', { count }))).toEqual(['nothing', 'a single row', '7 rows']);
    expect(custom('results.count', { count: 'many' })).toBe(
      '{count, plural, =0 {nothing} one {a single row} other {# rows}}',
    );
    const memory = createLocaleTranslator('en', memoryViewerEn);
    expect(memory('composerAdded', { id: 's', events: 1, profiles: 2 })).toBe(
      'Session s added: 1 event and 2 profiles derived.',
    );
    expect(memory('triggerDone', { count: 1 })).toBe('Profile update finished: 1 profile rebuilt.');
    expect(createLocaleTranslator('zh-CN', memoryViewerEn, memoryViewerZhCN)('searchResults', { count: 1 })).toBe(
      '1 条结果',
    );
  });
});
