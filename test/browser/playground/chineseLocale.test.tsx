import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadMemoryViewerMessages } from '../../../src/components/memory-viewer/index';
import { loadSearchExplorerMessages } from '../../../src/components/search-explorer/index';
import { ActivityPage } from '../../../playground/src/pages/ActivityPage';
import { ConnectionPage } from '../../../playground/src/pages/ConnectionPage';
import { DataPage } from '../../../playground/src/pages/DataPage';
import ExplorerPage from '../../../playground/src/pages/ExplorerPage';
import MemoryPage from '../../../playground/src/pages/MemoryPage';
import { OverviewPage } from '../../../playground/src/pages/OverviewPage';
import { LOCALES, useLocale, type PlaygroundLocale } from '../../../playground/src/settings/useSetting';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  window.localStorage.removeItem('vikingdb-playground:lang');
  window.sessionStorage.clear();
  window.history.replaceState(null, '', window.location.pathname);
});

/** The header's language choice, as the playground keeps it (URL and localStorage). */
function LanguageChoice() {
  const [locale, setLocale] = useLocale();
  return (
    <select aria-label="Language" value={locale} onChange={(e) => setLocale(e.target.value as PlaygroundLocale)}>
      {LOCALES.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </select>
  );
}

/** Renders the page in English, checks an English label is there, then switches to Simplified Chinese. */
async function renderInChinese(page: ReactNode, englishHeading: string) {
  const view = renderPage(
    <>
      <LanguageChoice />
      {page}
    </>,
  );
  await screen.findByRole('heading', { level: 1, name: englishHeading });
  // The components' Chinese strings load on demand: wait for them inside the act(), so React retries the render they
  // suspended before the checks below.
  await act(async () => {
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    await Promise.all([loadSearchExplorerMessages('zh-CN'), loadMemoryViewerMessages('zh-CN')]);
  });
  expect(new URL(window.location.href).searchParams.get('lang')).toBe('zh-CN');
  return view;
}

/** The page's text, every English label of `labels` gone from it. */
function expectNoEnglish(labels: readonly string[]) {
  const text = document.body.textContent ?? '';
  const labelled = [...document.querySelectorAll('[aria-label], [placeholder]')].map(
    (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''}`,
  );
  for (const label of labels) {
    expect(text, label).not.toContain(label);
    expect(labelled.join('\n'), label).not.toContain(label);
  }
}

describe('the playground in Simplified Chinese', () => {
  it('Overview: headings, facts, field tables, buttons and the totals', async () => {
    await renderInChinese(<OverviewPage />, 'Overview');
    screen.getByRole('heading', { level: 1, name: '概览' });
    screen.getByRole('heading', { level: 2, name: '向量集合' });
    screen.getByRole('heading', { level: 2, name: '记忆集合' });
    const demo = screen.getByRole('article', { name: 'demo_docs / demo_docs_index' });
    const fields = await within(demo).findByRole('table', { name: 'demo_docs 的字段' });
    expect(
      within(fields)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['字段', '类型', '索引用途']);
    expect(within(fields).getByRole('rowheader', { name: 'id' }).closest('tr')!.textContent).toBe(
      'idint64主键、可过滤',
    );
    within(demo).getByText('数据条数');
    within(demo).getByText('向量维度');
    within(demo).getByRole('button', { name: '在检索页打开 demo_docs / demo_docs_index' });
    const memory = screen.getByRole('table', { name: '记忆集合' });
    expect(
      within(memory)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['集合', '事件类型', '画像类型', '']);
    expect(within(memory).getAllByRole('button', { name: /^在记忆页打开 / }).length).toBeGreaterThan(0);
    screen.getByText(/^\d+ 个索引，\d+ 个记忆集合（本地服务的默认配置）。$/);
    expectNoEnglish([
      'Overview',
      'Vector collections',
      'Memory collections',
      'Open in Explorer',
      'Open in Memory',
      'in the Explorer',
      'Fields of',
      'primary key',
      'filterable',
      'Vector dimension',
      'Event types',
      'default config',
      'indexes',
    ]);
  });

  it('Explorer: the heading, the index picker and the schema', async () => {
    await renderInChinese(<ExplorerPage />, 'Explorer');
    screen.getByRole('heading', { level: 1, name: '检索' });
    screen.getByRole('combobox', { name: '集合 / 索引' });
    await screen.findByText('demo_docs 的表结构');
    screen.getByText(/^demo_docs \/ demo_docs_index：cosine 距离，向量维度 256$/);
    expectNoEnglish(['Explorer', 'Collection / index', 'Schema of', 'distance, vector dimension', 'In the index']);
  });

  it('Memory: the heading and the pickers', async () => {
    await renderInChinese(<MemoryPage />, 'Memory');
    screen.getByRole('heading', { level: 1, name: '记忆' });
    screen.getByRole('combobox', { name: '记忆集合' });
    const pickers = document.querySelector<HTMLElement>('.pickers')!;
    expect(within(pickers).getByRole('textbox', { name: '用户 ID' }).getAttribute('placeholder')).toBe('全部用户');
    expectNoEnglish(['Memory collection', 'User id', 'all users']);
  });

  it('Data: import with preview, progress and summary, and export, with counts in Chinese', async () => {
    await renderInChinese(<DataPage />, 'Data');
    screen.getByRole('heading', { level: 1, name: '数据' });
    screen.getByRole('heading', { level: 2, name: '导入 JSONL 或 CSV' });
    screen.getByRole('heading', { level: 2, name: '导出为 JSONL' });
    screen.getByText('将 .jsonl 或 .csv 文件拖放到这里，或');
    screen.getByRole('combobox', { name: '集合' });
    screen.getByRole('combobox', { name: '索引' });
    screen.getByRole('radio', { name: '全部数据' });
    screen.getByRole('radio', { name: '一次检索的结果' });
    await screen.findByRole('combobox', { name: '分页排序字段' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '导入' }).disabled).toBe(true);
    screen.getByRole('button', { name: '暂停' });
    screen.getByRole('button', { name: '导出' });

    const csv = [
      'id,title,body,lang,year,extra',
      '920001,一,first,zh,2020,x',
      '920002,二,second,zh,2021,y',
      '920003,三,third,zh,soon,z',
    ];
    await userEvent.upload(
      screen.getByLabelText('文件'),
      new File([csv.join('\n')], 'sample.csv', { type: 'text/csv' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('file-summary').textContent).toBe('sample.csv：3 行，1 行未导入（见下方列表）'),
    );
    const misfits = screen.getByRole('list', { name: '与表结构不符的值' });
    expect(misfits.textContent).toBe('第 4 行：year → year："soon" 不是整数（int64）');
    within(misfits.parentElement!).getByText('与表结构不符的值：1 行未导入。请修正后重新选择文件。');
    const preview = screen.getByRole('table', { name: '预览' });
    within(preview).getByText('sample.csv 的前 3 行，以及每列写入的字段');
    screen.getByRole('combobox', { name: '列 title 写入的字段' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '列 extra 写入的字段' }), '');
    within(preview).getByText('不导入');
    await userEvent.click(screen.getByRole('button', { name: '导入 2 行' }));
    await waitFor(() => expect(screen.getByTestId('import-status').textContent).toBe('完成：分 1 批写入 2 行。'));
    expect(screen.queryByRole('progressbar', { name: '导入进度' })).not.toBeNull();
    expect(screen.getByTestId('import-summary').textContent).toBe(
      'sample.csv：已将 2 行导入 demo_docs；1 行未导入（见上方列表）。',
    );
    expectNoEnglish([
      'Data',
      'Import',
      'Export',
      'Drop a',
      'Collection',
      'Index',
      'every row',
      'a search result',
      'Page in the order of',
      'Preview',
      'Field for column',
      'left out',
      'Pause',
      'Cancel',
      'rows',
      'line',
      'batch',
      'Done',
      'written',
      'is not',
    ]);
  });

  it('Activity: the summary with its count, the filter, the chart and the table', async () => {
    const { activity } = await renderInChinese(<ActivityPage />, 'Activity');
    act(() => {
      for (const aborted of [true, false, false])
        activity.record({
          operation: 'vector.search.random',
          method: 'POST',
          url: 'http://127.0.0.1:8329/api/vikingdb/data/search/random',
          status: aborted ? undefined : 200,
          requestId: undefined,
          latencyMs: 3,
          attempts: 1,
          error: undefined,
          aborted,
        });
    });
    screen.getByRole('heading', { level: 1, name: '请求' });
    screen.getByText(/^2 个最近的请求。/);
    await userEvent.click(screen.getByRole('checkbox', { name: '显示已取消的请求 (1)' }));
    screen.getByText(/^3 个最近的请求。/);
    screen.getByRole('button', { name: '清空' });
    screen.getByRole('img', { name: '延迟分布' });
    screen.getByText('下方请求的延迟（含重试）。');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      '时间',
      '操作',
      '状态',
      '延迟',
      '尝试次数',
      '请求 ID',
    ]);
    expect(screen.getAllByRole('cell', { name: '已取消' })).toHaveLength(1);
    expectNoEnglish(['Activity', 'recent request', 'Show cancelled', 'Clear', 'Latency', 'Operation', 'cancelled']);
  });

  it('Connection: backends, facts, and the cloud form with its problems', async () => {
    await renderInChinese(<ConnectionPage onChoose={() => undefined} />, 'Connection');
    screen.getByRole('heading', { level: 1, name: '连接' });
    const backends = screen.getByRole('radiogroup', { name: '后端' });
    expect(
      within(backends)
        .getAllByRole('radio')
        .map((r) => r.querySelector('strong')!.textContent),
    ).toEqual(['本地服务', '浏览器内引擎', 'VikingDB 云服务']);
    const facts = [...document.querySelectorAll('dl.facts dt')].map((dt) => dt.textContent);
    expect(facts).toEqual(['主机', '地域', '向量 API', '记忆 API']);
    const form = screen.getByRole('form', { name: '云端连接' });
    await userEvent.clear(within(form).getByRole('textbox', { name: /^主机/ }));
    within(form).getByText('请填写向量 API 的主机，例如 api-vikingdb.vikingdb.cn-beijing.volces.com。');
    within(form).getByRole('group', { name: '认证方式' });
    within(form).getByRole('radio', { name: '签名代理（AK/SK 保存在代理服务器上）' });
    within(form).getByRole('textbox', { name: /^代理地址/ });
    expect(within(form).getByRole<HTMLButtonElement>('button', { name: '测试' }).disabled).toBe(true);
    within(form).getByRole('button', { name: '使用此连接' });
    expectNoEnglish([
      'Connection',
      'Local server',
      'In-browser engine',
      'VikingDB cloud',
      'Host',
      'Region',
      'Cloud connection',
      'Kept in this tab',
      'Authentication',
      'signing proxy',
      'Proxy URL',
      'Use this connection',
      'Give the',
    ]);
  });
});
