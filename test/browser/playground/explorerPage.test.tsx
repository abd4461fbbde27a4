import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import ExplorerPage from '../../../playground/src/pages/ExplorerPage';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', window.location.pathname);
});

const explorer = () => screen.getByRole('region', { name: 'Search explorer' });
const urlParam = (name: string) => new URL(window.location.href).searchParams.get(name);

describe('Explorer page URL', () => {
  it('opens an old link with mode=text as the Text search, and writes mode=multiModal from then on', async () => {
    window.history.replaceState(null, '', '?page=explorer&mode=text&q=green+tea');
    renderPage(<ExplorerPage />);
    const region = await screen.findByRole('region', { name: 'Search explorer' });
    expect(within(region).getByRole('button', { name: 'Text' }).getAttribute('aria-pressed')).toBe('true');
    expect((within(region).getByRole('searchbox', { name: 'Text query' }) as HTMLInputElement).value).toBe('green tea');
    await within(region).findByRole('list', { name: 'Results' }, { timeout: 10_000 });

    await userEvent.fill(within(explorer()).getByRole('searchbox', { name: 'Text query' }), 'coffee');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(urlParam('mode')).toBe('multiModal'));
    expect(urlParam('q')).toBe('coffee');
  });

  it('opens a link with mode=multiModal the same way', async () => {
    window.history.replaceState(null, '', '?page=explorer&mode=multiModal&q=coffee');
    renderPage(<ExplorerPage />);
    const region = await screen.findByRole('region', { name: 'Search explorer' });
    expect((within(region).getByRole('searchbox', { name: 'Text query' }) as HTMLInputElement).value).toBe('coffee');
    await within(region).findByRole('list', { name: 'Results' }, { timeout: 10_000 });
  });
});
