import { act, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Catalog, CatalogSource, Locale } from '../../../src/components/i18n/types';
import { loadCatalog, loadedCatalog, useCatalog } from '../../../src/components/i18n/useCatalog';

type Key = 'greeting' | 'count';
const en: Catalog<Key> = { greeting: 'Hello {name}', count: '{n, plural, one {# row} other {# rows}}' };
const zh: Catalog<Key> = { greeting: '你好 {name}', count: '{n, plural, other {# 行}}' };

/** A source whose zh-CN loader resolves (or fails) when the test says so. */
function deferredSource() {
  const pending: Array<{ resolve: (c: Catalog<Key>) => void; reject: (e: Error) => void }> = [];
  const load = vi.fn(() => new Promise<Catalog<Key>>((resolve, reject) => pending.push({ resolve, reject })));
  const source: CatalogSource<Key> = { en, load: { 'zh-CN': load } };
  return { source, load, pending };
}

function Greeting({
  source,
  locale,
  overrides,
}: {
  source: CatalogSource<Key>;
  locale: Locale;
  overrides?: Partial<Catalog<Key>>;
}) {
  const t = useCatalog(source, locale, overrides);
  return (
    <p>
      {t('greeting', { name: 'Ada' })} · {t('count', { n: 1 })}/{t('count', { n: 2 })}
    </p>
  );
}

/** Renders synchronously: what is on screen right after is what a user sees first. */
const mount = (source: CatalogSource<Key>, locale: Locale, overrides?: Partial<Catalog<Key>>) =>
  render(
    <Suspense fallback={<p>skeleton</p>}>
      <Greeting source={source} locale={locale} {...(overrides ? { overrides } : {})} />
    </Suspense>,
  );

describe('useCatalog', () => {
  it('renders English at once and never calls a loader for it', () => {
    const { source, load } = deferredSource();
    mount(source, 'en');
    expect(screen.queryByText('Hello Ada · 1 row/2 rows')).not.toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('shows the fallback (no English) until zh-CN loads, then Chinese; a second mount is synchronous', async () => {
    const { source, load, pending } = deferredSource();
    let first!: ReturnType<typeof mount>;
    // React 19 retries a suspended first render only when it began inside an async act().
    await act(async () => {
      first = mount(source, 'zh-CN');
    });
    expect(screen.queryByText('skeleton')).not.toBeNull();
    expect(first.container.textContent).not.toContain('Hello');
    await act(async () => pending[0]!.resolve(zh));
    expect(await screen.findByText('你好 Ada · 1 行/2 行')).toBeDefined();
    first.unmount();

    const second = mount(source, 'zh-CN');
    expect(second.container.textContent).toBe('你好 Ada · 1 行/2 行');
    expect(load).toHaveBeenCalledTimes(1);
    expect(loadedCatalog(source, 'zh-CN')).toBe(zh);
  });

  it('puts overrides over the locale, and English under any key the locale lacks', async () => {
    const { source, pending } = deferredSource();
    const loading = loadCatalog(source, 'zh-CN');
    pending[0]!.resolve({ count: zh.count } as Catalog<Key>);
    await loading;
    expect(mount(source, 'zh-CN').container.textContent).toBe('Hello Ada · 1 行/2 行');
    expect(mount(source, 'zh-CN', { greeting: 'Hi {name}' }).container.textContent).toBe('Hi Ada · 1 行/2 行');
  });

  it('falls back to English when a locale fails to load, for later mounts too', async () => {
    const { source, load, pending } = deferredSource();
    let first!: ReturnType<typeof mount>;
    await act(async () => {
      first = mount(source, 'zh-CN');
    });
    expect(first.container.textContent).toBe('skeleton');
    await act(async () => pending[0]!.reject(new Error('chunk failed')));
    await waitFor(() => expect(first.container.textContent).toBe('Hello Ada · 1 row/2 rows'));
    first.unmount();
    expect(mount(source, 'zh-CN').container.textContent).toBe('Hello Ada · 1 row/2 rows');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
