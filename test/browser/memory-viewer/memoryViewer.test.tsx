import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadMemoryViewerMessages } from '../../../src/components/memory-viewer/index';
import { DEMO_SESSIONS, renderViewer } from './renderViewer';

afterEach(() => cleanup());

async function expectNoAxeViolations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

describe('MemoryViewer sessions', () => {
  it('shows the given sessions with role-styled bubbles and timestamps', async () => {
    const { container } = renderViewer();
    const timeline = await screen.findByRole('list', { name: 'Sessions' });
    await screen.findByText('Hi! My name is Alice. I live in Hangzhou and I love mountain hiking.');
    expect(
      within(timeline)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(DEMO_SESSIONS.map((id) => `Session ${id}`));
    const bubble = screen
      .getByText('Nice to meet you, Alice! Hangzhou has great trails.')
      .closest('.vdb-memory-bubble');
    expect(bubble?.className).toContain('vdb-memory-bubble--assistant');
    expect(bubble?.querySelector('time')?.getAttribute('datetime')).toBe('2025-01-01T00:00:00.000Z');
    await expectNoAxeViolations(container);
  });

  it('adds a session from the composer and shows it first', async () => {
    renderViewer();
    await screen.findByText('Hi! My name is Alice. I live in Hangzhou and I love mountain hiking.');
    await userEvent.fill(screen.getByRole('textbox', { name: 'Session id' }), 'ui_session');
    await userEvent.fill(screen.getByRole('textbox', { name: 'User id' }), 'bob');
    await userEvent.fill(screen.getByRole('textbox', { name: 'Assistant id' }), 'demo_assistant');
    await userEvent.fill(
      screen.getByRole('textbox', { name: 'Content of message 1' }),
      'My name is Bob and I love green tea.',
    );
    await userEvent.fill(screen.getByRole('textbox', { name: 'Content of message 2' }), 'Noted, Bob.');
    await userEvent.click(screen.getByRole('button', { name: 'Add message' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role of message 3' }), 'system');
    await userEvent.fill(screen.getByRole('textbox', { name: 'Content of message 3' }), 'Session saved from a test.');
    await userEvent.click(screen.getByRole('button', { name: 'Add session' }));
    await screen.findByText('Session ui_session added: 1 event and 1 profile derived.');
    const timeline = screen.getByRole('list', { name: 'Sessions' });
    await waitFor(() =>
      expect(within(timeline).getAllByRole('heading', { level: 4 })[0]?.textContent).toBe('Session ui_session'),
    );
    const system = await screen.findByText('Session saved from a test.');
    expect(system.closest('.vdb-memory-bubble')?.className).toContain('vdb-memory-bubble--system');
    expect(screen.getByRole('textbox', { name: 'Content of message 1' })).toHaveProperty('value', '');
  });

  it('refuses a session without messages', async () => {
    renderViewer();
    await userEvent.click(screen.getByRole('button', { name: 'Add session' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write at least one message.');
  });
});

describe('MemoryViewer tabs and search', () => {
  it('moves between tabs with the arrow keys, Home and End', async () => {
    renderViewer();
    const sessions = screen.getByRole('tab', { name: /Sessions/ });
    await userEvent.click(sessions);
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Search' })).toHaveProperty('ariaSelected', 'true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Search' }));
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.textContent).toMatch(/^Profiles/);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toMatch(/^Sessions/);
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toMatch(/^Profiles/);
    expect(screen.queryByRole('tabpanel', { name: /Profiles/ })).not.toBeNull();
  });

  it('is idle first, then ranks memories for a query with score and type, and filters by type', async () => {
    const { container } = renderViewer({ initialTab: 'search', eventTypes: ['event_v1', 'meeting_summary'] });
    await screen.findByText('Type a query or press Search to find events and profiles.');
    await userEvent.fill(screen.getByRole('searchbox', { name: 'Query' }), 'green tea');
    await waitFor(() => {
      const first = within(screen.getByRole('list', { name: /results/ })).getAllByRole('article')[0];
      expect(first?.textContent).toContain('green tea');
    });
    const items = within(screen.getByRole('list', { name: /results/ })).getAllByRole('article');
    expect(items.length).toBeGreaterThan(1);
    expect(within(items[0]!).queryByLabelText('Rank 1')).not.toBeNull();
    expect(items[0]?.querySelector('.vdb-score__value')?.textContent).toMatch(/^0\.\d{3}$/);
    await expectNoAxeViolations(container);

    await userEvent.click(await screen.findByRole('checkbox', { name: 'profile_v1' }));
    await waitFor(() => {
      const types = within(screen.getByRole('list', { name: /results/ }))
        .getAllByRole('article')
        .map((a) => a.querySelector('.vdb-memory-item__type')?.textContent);
      expect(new Set(types)).toEqual(new Set(['profile_v1']));
    });
    await userEvent.fill(screen.getByRole('textbox', { name: 'User' }), 'nobody');
    await screen.findByText('No memories match “green tea” with these filters.');
  });
});

describe('MemoryViewer events and profiles', () => {
  it('moves through the listed memories with the arrow keys, Home and End', async () => {
    renderViewer({ initialTab: 'events' });
    const list = await screen.findByRole('group', { name: 'Memories (arrow keys move between them)' });
    await waitFor(() => expect(list.querySelectorAll('[data-vdb-list-item]').length).toBeGreaterThan(2));
    const items = Array.from(list.querySelectorAll<HTMLElement>('[data-vdb-list-item]'));
    list.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(items.at(-1));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items.at(-1));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[0]);
  });

  it('edits an event inline, deletes it and undoes the delete', async () => {
    const { container } = renderViewer({ initialTab: 'events', userId: 'xiaowang' });
    await screen.findByRole('heading', { name: 'event_v1 (1)' });
    const edit = screen.getByRole('button', { name: /^Edit memory evt/ });
    const eventId = edit.getAttribute('aria-label')!.replace('Edit memory ', '');
    await userEvent.click(edit);
    const value = screen.getByRole('textbox', { name: 'Value of summary' });
    expect(document.activeElement).toBe(value);
    await userEvent.fill(value, 'Xiaowang likes city walks by West Lake.');
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Xiaowang likes city walks by West Lake.');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Sav/ })).toBeNull());

    await userEvent.click(await screen.findByRole('button', { name: `Delete memory ${eventId}` }));
    await screen.findByText(`Deleted event ${eventId}.`);
    await screen.findByText('No events for this user and assistant yet. Events are derived when a session is added.');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/^Restored the event as evt/);
    await waitFor(() => expect(screen.queryAllByText('Xiaowang likes city walks by West Lake.')).toHaveLength(1));
    expect(screen.queryByText(/^No events for this user and assistant yet/)).toBeNull();
  });

  it('cancels an edit with Escape and reports invalid JSON', async () => {
    renderViewer({ initialTab: 'profiles', userId: 'alice' });
    await userEvent.click(await screen.findByRole('button', { name: /^Edit memory prof/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    const json = screen.getByRole('textbox', { name: 'memory_info as JSON' });
    await userEvent.fill(json, '{ not json');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not valid JSON/);
    json.focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'memory_info as JSON' })).toBeNull();
  });

  it('batch-deletes profiles by filter after confirmation; Escape closes the dialog', async () => {
    const { container } = renderViewer({ initialTab: 'profiles' });
    await screen.findByRole('heading', { name: 'profile_v1 (2)' });
    await userEvent.click(screen.getByRole('button', { name: 'Delete by filter…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete profiles by filter' });
    expect(within(dialog).queryByText(/every profile of the collection/)).not.toBeNull();
    await expectNoAxeViolations(container.ownerDocument.body);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Delete by filter…' }));
    const again = await screen.findByRole('dialog');
    await userEvent.fill(within(again).getByRole('textbox', { name: 'User' }), 'alice');
    expect(within(again).queryByText(/every profile of the collection/)).toBeNull();
    await userEvent.click(within(again).getByRole('button', { name: 'Delete matching' }));
    await screen.findByText('Deleted 1 memory.');
    await screen.findByRole('heading', { name: 'profile_v1 (1)' });
    expect(screen.queryByText(/Alice/)).toBeNull();
  });

  it('rebuilds profiles from the stored sessions', async () => {
    renderViewer({ initialTab: 'profiles' });
    await userEvent.click(await screen.findByRole('button', { name: 'Update profiles from sessions' }));
    await screen.findByText('Profile update finished: 2 profiles rebuilt.');
  });
});

describe('MemoryViewer states and locales', () => {
  it('shows a 401 with its code, request id and hint', async () => {
    const unauthorized = http.all('*/api/*', () =>
      HttpResponse.json(
        { code: 1000001, message: 'unauthorized: signature mismatch', request_id: 'req-401' },
        { status: 401 },
      ),
    );
    renderViewer({ initialTab: 'events' }, [unauthorized]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('unauthorized: signature mismatch');
    expect(alert.textContent).toContain('req-401');
    expect(alert.textContent).toContain('Check the credentials');
  });

  it('shows a network failure with the CORS hint', async () => {
    const down = http.all('*/api/*', () => HttpResponse.error());
    renderViewer({ initialTab: 'profiles' }, [down]);
    expect((await screen.findByRole('alert')).textContent).toMatch(/CORS/);
  });

  it('renders zh-CN strings (never English first), with messages overriding any of them', async () => {
    let view!: ReturnType<typeof renderViewer>;
    // React retries the render the zh-CN strings suspended inside this act(), once they have loaded.
    await act(async () => {
      view = renderViewer({
        locale: 'zh-CN',
        messages: { tabSearch: '找记忆' },
        // The deprecated name still works; `messages` wins where both set a key.
        translations: { tabSearch: '不用', tabEvents: '事件流' },
      });
      expect(view.container.textContent).not.toContain('Sessions');
      await loadMemoryViewerMessages('zh-CN');
    });
    const { container } = view;
    expect(await screen.findByRole('tab', { name: '找记忆' })).toBeDefined();
    expect(screen.queryByRole('tab', { name: /事件流/ })).not.toBeNull();
    expect(screen.queryByRole('heading', { name: '添加会话' })).not.toBeNull();
    await screen.findByText('你好，我叫小王，我喜欢城市漫步。');
    await expectNoAxeViolations(container);
  });

  it('uses the render slots for messages and memory items', async () => {
    renderViewer({
      initialTab: 'events',
      renderMemoryItem: (item, { kind }) => <p data-testid="slot">{`${kind}:${item.memoryType ?? ''}`}</p>,
    });
    await waitFor(() => expect(screen.getAllByTestId('slot').length).toBe(3));
    expect(screen.getAllByTestId('slot')[0]?.textContent).toBe('events:event_v1');
  });
});
