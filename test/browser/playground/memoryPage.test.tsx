import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import MemoryPage from '../../../playground/src/pages/MemoryPage';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', window.location.pathname);
});

describe('Memory page', () => {
  it('fills the composer with the page’s user filter, and follows it', async () => {
    window.history.replaceState(null, '', `${window.location.pathname}?user=bob`);
    renderPage(<MemoryPage />);
    const composer = (await screen.findByRole('heading', { name: 'Add a session' })).closest('form, section')!;
    const composerUser = within(composer as HTMLElement).getByRole('textbox', { name: 'User id' });
    expect((composerUser as HTMLInputElement).value).toBe('bob');
    await userEvent.fill(screen.getByPlaceholderText('all users'), 'carol');
    await waitFor(() => expect((composerUser as HTMLInputElement).value).toBe('carol'));
  });

  it('offers every memory type of the collection’s config, used or not', async () => {
    renderPage(<MemoryPage />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Search' }));
    for (const type of ['event_v1', 'meeting_summary', 'profile_v1']) {
      await waitFor(() => expect(screen.queryAllByRole('checkbox', { name: type })).toHaveLength(1));
    }
  });

  it('points at the composer by its name when there is no session to show', async () => {
    renderPage(<MemoryPage />);
    await screen.findByText('No sessions to show yet. Add one with the “Add a session” form, or open one by its id.');
    expect(screen.queryByRole('heading', { name: 'Add a session' })).not.toBeNull();
  });
});
