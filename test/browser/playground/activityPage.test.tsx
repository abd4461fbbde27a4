import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ActivityPage } from '../../../playground/src/pages/ActivityPage';
import { renderPage } from './renderPage';

afterEach(() => cleanup());

const log = (operation: string, aborted: boolean) => ({
  operation,
  method: 'POST',
  url: 'http://127.0.0.1:8329/api/vikingdb/data/search/random',
  status: aborted ? undefined : 200,
  requestId: aborted ? undefined : `rid-${operation}`,
  latencyMs: 3,
  attempts: 1,
  error: undefined,
  aborted,
});

describe('Activity page', () => {
  it('hides the requests the app cancelled itself, and shows them greyed as cancelled on demand', async () => {
    const { activity } = renderPage(<ActivityPage />);
    act(() => {
      activity.record(log('vector.search.random', true));
      activity.record(log('vector.search.multiModal', false));
    });
    const table = screen.getByRole('table');
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows().map((row) => row.textContent)).toEqual([expect.stringContaining('vector.search.multiModal')]);
    expect(table.textContent).not.toMatch(/aborted|cancelled/);
    expect(screen.getByText(/recent request/).textContent).toMatch(/^1 recent request\./);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Show cancelled (1)' }));
    const cancelled = rows().find((row) => row.textContent?.includes('vector.search.random'));
    expect(cancelled?.className).toBe('cancelled');
    expect(within(cancelled!).queryByText('cancelled')).not.toBeNull();
    expect(screen.getByText(/recent request/).textContent).toMatch(/^2 recent requests\./);
  });
});
