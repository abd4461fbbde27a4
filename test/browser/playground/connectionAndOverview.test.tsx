import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConnectionPage } from '../../../playground/src/pages/ConnectionPage';
import { OverviewPage } from '../../../playground/src/pages/OverviewPage';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', window.location.pathname);
});

describe('Connection page', () => {
  it('says the local server is not running, not CORS, when nothing answers on 127.0.0.1', async () => {
    renderPage(<ConnectionPage onChoose={() => undefined} />, { handlers: [] });
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2), { timeout: 10_000 });
    const alerts = screen.getAllByRole('alert');
    for (const alert of alerts) {
      expect(alert.textContent).toContain('Nothing answers at http://127.0.0.1:8329: the local server is not running');
      expect(alert.textContent).not.toMatch(/CORS|signingProxy/);
    }
  });

  it('tests a cloud connection typed into the form, naming each field that is missing', async () => {
    renderPage(<ConnectionPage onChoose={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Cloud connection' });
    const host = within(form).getByRole('textbox', { name: /^Host/ });
    await userEvent.clear(host);
    expect(within(form).queryByText(/Give the vector API host/)).not.toBeNull();
    expect((within(form).getByRole('button', { name: 'Test' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.fill(host, 'https://vikingdb.cloud.invalid');
    await userEvent.click(within(form).getByRole('radio', { name: 'API key' }));
    expect((within(form).getByRole('button', { name: 'Test' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.fill(within(form).getByLabelText(/^API key/, { selector: 'input[type=password]' }), 'test-key');
    await userEvent.click(within(form).getByRole('button', { name: 'Test' }));
    const results = await within(form).findByRole('list', { name: 'Test results' }, { timeout: 15_000 });
    const items = within(results).getAllByRole('alert');
    expect(items.map((item) => item.textContent?.slice(0, 10))).toEqual(['vector API', 'memory API']);
    expect(items[0]!.textContent).toContain('failed before a response arrived');
    // A remote host that does not answer a browser: the hint names CORS and the proxy.
    expect(items[0]!.textContent).toContain('CORS');
  });
});

describe('Overview page', () => {
  it('lists every index with rows, dimension, distance and a field table, and the memory collections', async () => {
    renderPage(<OverviewPage />);
    const demo = await screen.findByRole('article', { name: 'demo_docs / demo_docs_index' });
    await waitFor(() => expect(within(demo).getByTestId('rows-demo_docs').textContent).toMatch(/^\d[\d,]*$/));
    expect(within(demo).queryByText('cosine')).not.toBeNull();
    expect(within(demo).queryByText('256')).not.toBeNull();
    const fields = within(demo).getByRole('table', { name: 'Fields of demo_docs' });
    const row = (name: string) => within(fields).getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(row('id')).toBe('idint64primary key, filterable');
    expect(row('body')).toBe('bodytextvectorized (bge-m3)');
    expect(row('category')).toBe('categorystringfilterable, partition');
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'))).toHaveLength(3);

    const memory = screen.getByRole('table', { name: 'Memory collections' });
    expect(
      within(memory)
        .getByRole('rowheader', { name: /demo_memory/ })
        .closest('tr')!.textContent,
    ).toContain('event_v1, meeting_summary');
    await userEvent.click(screen.getByRole('button', { name: 'Open demo_memory in Memory' }));
    expect(new URL(window.location.href).searchParams.get('page')).toBe('memory');
    expect(new URL(window.location.href).searchParams.get('memory')).toBe('demo_memory');
    await userEvent.click(screen.getByRole('button', { name: 'Open text / text_index in the Explorer' }));
    expect(new URL(window.location.href).searchParams.get('index')).toBe('text/text_index');
  });

  it('speaks Chinese when the language is zh-CN, counting with the locale’s plural rules', async () => {
    window.history.replaceState(null, '', `${window.location.pathname}?lang=zh-CN`);
    renderPage(<OverviewPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('概览');
    const demo = await screen.findByRole('article', { name: 'demo_docs / demo_docs_index' });
    expect(within(demo).getByRole('button', { name: '在检索页打开 demo_docs / demo_docs_index' }).textContent).toBe(
      '在检索页打开',
    );
    expect(screen.queryByText(/^3 个索引，2 个记忆集合/)).not.toBeNull();
  });
});
