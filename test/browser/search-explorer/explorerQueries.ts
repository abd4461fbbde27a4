import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

/** The explorer's region. */
export const explorer = () => screen.getByRole('region', { name: 'Search explorer' });

/** The "20 results" of the status line, or `undefined` before an answer. */
export const statusCount = () => explorer().querySelector('.vdb-status__count')?.textContent;

/** The result rows on screen (the list is virtualized: the visible ones). */
export const resultRows = () => within(screen.getByRole('list', { name: 'Results' })).getAllByRole('listitem');

/** Waits for the first answer to fill the list, and returns its rows. */
export async function waitForRows(): Promise<HTMLElement[]> {
  await screen.findByRole('list', { name: 'Results' }, { timeout: 10_000 });
  await waitFor(() => expect(resultRows().length).toBeGreaterThan(0), { timeout: 10_000 });
  return resultRows();
}

/** The id a row shows in its id chip. */
export function rowId(row: HTMLElement): string {
  const chip = row.querySelector('.vdb-chip--id')?.textContent ?? '';
  return chip.replace(/^id /, '');
}

/** The open button of a row (rank and content). */
export const openButton = (row: HTMLElement) => row.querySelector<HTMLButtonElement>('.vdb-row__open')!;
