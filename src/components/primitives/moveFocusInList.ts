import type { KeyboardEvent } from 'react';

/** The attribute that marks a focusable item of a keyboard-navigable list. */
export const LIST_ITEM_ATTRIBUTE = 'data-vdb-list-item';

const STEPS: Readonly<Record<string, number | 'first' | 'last'>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: 'first',
  End: 'last',
};

/**
 * Keyboard handler for a list container: ArrowDown/ArrowUp move focus to the next/previous item, Home/End to the
 * first/last. Items carry {@link LIST_ITEM_ATTRIBUTE} and `tabIndex={-1}`; the container itself is focusable, so
 * Tab reaches the list once and the arrows move inside it. Keys typed into a field inside an item are left alone.
 */
export function moveFocusInList(event: KeyboardEvent<HTMLElement>): void {
  const step = STEPS[event.key];
  if (step === undefined) return;
  if ((event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(`[${LIST_ITEM_ATTRIBUTE}]`));
  if (items.length === 0) return;
  const current = items.findIndex((item) => item.contains(document.activeElement));
  let next: number;
  if (step === 'first') next = 0;
  else if (step === 'last') next = items.length - 1;
  else if (current === -1) next = step > 0 ? 0 : items.length - 1;
  else next = Math.min(items.length - 1, Math.max(0, current + step));
  event.preventDefault();
  items[next]!.focus();
}
