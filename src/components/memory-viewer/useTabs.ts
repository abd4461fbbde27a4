import { useId, useState, type KeyboardEvent } from 'react';

/** Props for the element holding the tabs (`role="tablist"`). */
export interface TabListProps {
  role: 'tablist';
  'aria-label': string;
  'aria-orientation': 'horizontal';
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** Props for one tab button. */
export interface TabProps {
  role: 'tab';
  id: string;
  type: 'button';
  'aria-selected': boolean;
  'aria-controls': string;
  tabIndex: 0 | -1;
  'data-tab': string;
  onClick: () => void;
}

/** Props for one tab panel. */
export interface TabPanelProps {
  role: 'tabpanel';
  id: string;
  'aria-labelledby': string;
  tabIndex: 0;
  hidden: boolean;
}

/** State and prop getters of {@link useTabs}. */
export interface TabsState<T extends string> {
  selected: T;
  select: (tab: T) => void;
  getTabListProps: (label: string) => TabListProps;
  getTabProps: (tab: T) => TabProps;
  getTabPanelProps: (tab: T) => TabPanelProps;
}

/**
 * The WAI-ARIA tabs pattern with automatic activation: Left/Right arrows move and select (wrapping), Home/End go to
 * the first/last tab; only the selected tab is in the tab order.
 */
export function useTabs<T extends string>(tabs: readonly T[], initial: T): TabsState<T> {
  const [selected, setSelected] = useState<T>(initial);
  const base = useId();
  const tabId = (tab: T) => `${base}-tab-${tab}`;
  const panelId = (tab: T) => `${base}-panel-${tab}`;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const current = tabs.indexOf(selected);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (current + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = next === undefined ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    setSelected(tab);
    const button = event.currentTarget.querySelector<HTMLElement>(`[data-tab="${tab}"]`);
    button?.focus();
  };

  return {
    selected,
    select: setSelected,
    getTabListProps: (label) => ({ role: 'tablist', 'aria-label': label, 'aria-orientation': 'horizontal', onKeyDown }),
    getTabProps: (tab) => ({
      role: 'tab',
      id: tabId(tab),
      type: 'button',
      'aria-selected': tab === selected,
      'aria-controls': panelId(tab),
      tabIndex: tab === selected ? 0 : -1,
      'data-tab': tab,
      onClick: () => setSelected(tab),
    }),
    getTabPanelProps: (tab) => ({
      role: 'tabpanel',
      id: panelId(tab),
      'aria-labelledby': tabId(tab),
      tabIndex: 0,
      hidden: tab !== selected,
    }),
  };
}
