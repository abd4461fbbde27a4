import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createVikingHandlers } from '../../msw/index';
import '../styles.css';
import { MemoryViewer } from './MemoryViewer';

/*
 * Every story is live: .storybook/preview.tsx wraps it in the Viking providers and answers its requests with a
 * freshly seeded demo engine (`createVikingHandlers({ seed: 'demo' })`) behind the story's own `parameters.msw`
 * handlers, which come first (errors, delays, an empty engine).
 */

/** The demo sessions the seed adds (the API cannot list sessions, so the viewer is told). */
const DEMO_SESSIONS = ['demo_session_3', 'demo_session_2', 'demo_session_1'];

const failing = (status: number, body: Record<string, unknown>) => ({
  msw: { handlers: [http.all('*/api/*', () => HttpResponse.json(body, { status }))] },
});

const meta = {
  title: 'Components/MemoryViewer',
  component: MemoryViewer,
  args: {
    collection: 'demo_memory',
    sessionIds: DEMO_SESSIONS,
    eventTypes: ['event_v1', 'meeting_summary'],
    profileTypes: ['profile_v1'],
    timeZone: 'UTC',
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof MemoryViewer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sessions timeline of the demo collection; the play function adds a session from the composer. */
export const Sessions: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Nice to meet you, Alice! Hangzhou has great trails.');
    const composer = canvas.getByRole('form', { name: 'Add a session' });
    const form = within(composer);
    await userEvent.type(form.getByRole('textbox', { name: 'Session id' }), 'story_session');
    await userEvent.type(form.getByRole('textbox', { name: 'User id' }), 'bob');
    await userEvent.type(
      form.getByRole('textbox', { name: 'Content of message 1' }),
      'My name is Bob. I love green tea.',
    );
    await userEvent.type(form.getByRole('textbox', { name: 'Content of message 2' }), 'Noted, Bob.');
    await userEvent.click(form.getByRole('button', { name: 'Add session' }));
    await canvas.findByText(/^Session story_session added/);
    const timeline = canvas.getByRole('list', { name: 'Sessions' });
    await waitFor(() =>
      expect(within(timeline).getAllByRole('heading', { level: 4 })[0]).toHaveTextContent('Session story_session'),
    );
  },
};

/** Memory search: idle first; the play function searches "green tea" and narrows to profiles. */
export const Search: Story = {
  args: { initialTab: 'search' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Type a query or press Search to find events and profiles.');
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Query' }), 'green tea');
    await waitFor(() =>
      expect(within(canvas.getByRole('list', { name: /results/ })).getAllByRole('article')[0]).toHaveTextContent(
        'green tea',
      ),
    );
    await userEvent.click(canvas.getByRole('checkbox', { name: 'profile_v1' }));
    await waitFor(() => {
      const types = within(canvas.getByRole('list', { name: /results/ }))
        .getAllByRole('article')
        .map((article) => article.querySelector('.vdb-memory-item__type')?.textContent);
      expect(new Set(types)).toEqual(new Set(['profile_v1']));
    });
  },
};

/** Events grouped by type; the play function edits one inline, deletes it and undoes the delete. */
export const EditDeleteUndo: Story = {
  args: { initialTab: 'events', userId: 'xiaowang' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const edit = await canvas.findByRole('button', { name: /^Edit memory evt/ });
    const id = (edit.getAttribute('aria-label') ?? '').replace('Edit memory ', '');
    await userEvent.click(edit);
    const value = canvas.getByRole('textbox', { name: 'Value of summary' });
    await userEvent.clear(value);
    await userEvent.type(value, 'Xiaowang walks by West Lake.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await canvas.findByText('Xiaowang walks by West Lake.');
    await userEvent.click(await canvas.findByRole('button', { name: `Delete memory ${id}` }));
    await canvas.findByText(`Deleted event ${id}.`);
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await canvas.findByText(/^Restored the event as evt/);
    await canvas.findByText('Xiaowang walks by West Lake.');
  },
};

/** Profiles; the play function batch-deletes Alice's profile after confirming (Escape closes the dialog first). */
export const BatchDelete: Story = {
  args: { initialTab: 'profiles' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'profile_v1 (2)' });
    await userEvent.click(canvas.getByRole('button', { name: 'Delete by filter…' }));
    await canvas.findByRole('dialog', { name: 'Delete profiles by filter' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'Delete by filter…' }));
    const dialog = within(await canvas.findByRole('dialog'));
    await userEvent.type(dialog.getByRole('textbox', { name: 'User' }), 'alice');
    await userEvent.click(dialog.getByRole('button', { name: 'Delete matching' }));
    await canvas.findByText('Deleted 1 memory.');
    await canvas.findByRole('heading', { name: 'profile_v1 (1)' });
  },
};

/** Skeletons while the first answer is on its way (the service never answers here). */
export const Loading: Story = {
  args: { initialTab: 'events' },
  parameters: {
    msw: {
      handlers: [
        http.all('*/api/*', async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      ],
    },
  },
};

/** An empty collection: no sessions known, no events, with the reasons. */
export const Empty: Story = {
  args: { initialTab: 'events', sessionIds: [] },
  parameters: { msw: { handlers: createVikingHandlers() } },
};

/** Results stay on screen, dimmed, while the next search loads (every answer takes 1.5 s). */
export const StaleWhileRefetching: Story = {
  args: { initialTab: 'search', debounceMs: 0 },
  parameters: {
    msw: {
      handlers: [
        http.all('*/api/memory/search', async () => {
          await delay(1500);
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    await canvas.findByRole('list', { name: /results/ }, { timeout: 5000 });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Query' }), 'tea');
    await canvas.findByText('Updating…');
  },
};

/** Simplified Chinese. */
export const ChineseLocale: Story = { args: { locale: 'zh-CN' } };

/** Dark theme (styles.css's data-theme="dark"). */
export const DarkMode: Story = {
  args: { initialTab: 'search' },

  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: '#010409', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
};

/** A phone-sized container: the composer goes under the timeline and fields stack. */
export const Narrow: Story = {
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 375 }}>
        <Story />
      </div>
    ),
  ],
};

/** 401: the error shows the service message, code, request id and the credentials hint. */
export const Unauthorized: Story = {
  args: { initialTab: 'events' },
  parameters: failing(401, { code: 1000001, message: 'unauthorized: signature mismatch', request_id: 'req-401-demo' }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Check the credentials');
    await expect(alert).toHaveTextContent('req-401-demo');
  },
};

/** 429 after the retries are spent. */
export const RateLimited: Story = {
  args: { initialTab: 'profiles' },
  parameters: failing(429, { code: 1000029, message: 'too many requests', request_id: 'req-429-demo' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Rate limited');
  },
};

/** No response at all (network down or CORS): the hint says what to check. */
export const NetworkError: Story = {
  args: { initialTab: 'events' },
  parameters: { msw: { handlers: [http.all('*/api/*', () => HttpResponse.error())] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('CORS');
  },
};
