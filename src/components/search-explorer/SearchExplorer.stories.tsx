import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { f } from '../../client/vector/filter';
import type { FieldSpec } from './fieldTypes';
import { SearchExplorer } from './SearchExplorer';
import {
  hangSearches,
  manyRows,
  networkFailure,
  rateLimited,
  slowAfterFirstSearch,
  unauthorized,
} from './stories/storyOverrides';

/** The demo index's fields (what an app would pass; without it the explorer guesses them from a sample). */
const demoFields: FieldSpec[] = [
  { name: 'id', type: 'int64' },
  { name: 'title', type: 'string' },
  { name: 'body', type: 'text' },
  { name: 'lang', type: 'string' },
  { name: 'tags', type: 'list<string>' },
  { name: 'year', type: 'int64' },
  { name: 'rating', type: 'float32' },
  { name: 'pos_x', type: 'float32' },
  { name: 'pos_y', type: 'float32' },
  { name: 'category', type: 'string' },
];

const meta = {
  title: 'Components/SearchExplorer',
  component: SearchExplorer,
  args: { collection: 'demo_docs', index: 'demo_docs_index', fields: demoFields, undoMs: 8000 },
} satisfies Meta<typeof SearchExplorer>;

export default meta;
type Story = StoryObj<typeof meta>;

const coffee = { initialQuery: { mode: 'multiModal', text: 'coffee brewing' }, searchOnMount: true } as const;

/** Rows of the result list, once there are some. */
async function rows(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const list = await canvas.findByRole('list', { name: /^(Results|检索结果)$/ }, { timeout: 5000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
  return within(list).getAllByRole('listitem');
}

/** The status line's count ("20 results"), once it reads `text`. */
async function count(canvasElement: HTMLElement, text: RegExp) {
  return within(canvasElement).findByText(text, { selector: '.vdb-status__count' }, { timeout: 5000 });
}

/** Nothing searched yet. */
export const Idle: Story = {};

/** A text (multi-modal) search with the projection and the score histogram open. */
export const Results: Story = {
  args: { ...coffee, defaultOpen: ['insights'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await expect(await count(canvasElement, /20 results/)).toBeVisible();
    await expect(await canvas.findByRole('img', { name: /Vector projection/ }, { timeout: 5000 })).toBeVisible();
  },
};

/** Clicking a point of the projection selects its row and scrolls the list to it. */
export const ProjectionSelectsRow: Story = {
  args: { ...coffee, defaultOpen: ['insights'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    const chart = await canvas.findByRole('img', { name: /Vector projection/ }, { timeout: 5000 });
    await waitFor(() => expect(chart.querySelectorAll('circle[data-id]').length).toBe(20));
    // A point whose row is scrolled out of the list (only the first rows are rendered).
    const rendered = new Set(
      canvas.getAllByRole('group', { name: /^Actions for / }).map((g) => g.getAttribute('aria-label')!.slice(12)),
    );
    const hidden = [...chart.querySelectorAll<SVGCircleElement>('circle[data-id]')].find(
      (point) => !rendered.has(point.dataset['id']!),
    )!;
    await expect(hidden).toBeDefined();
    await userEvent.click(hidden);
    await waitFor(() => {
      const selected = canvasElement.querySelector('.vdb-row--selected');
      expect(selected).not.toBeNull();
      expect(within(selected as HTMLElement).getByRole('group')).toHaveAccessibleName(
        `Actions for ${hidden.dataset['id']!}`,
      );
    });
  },
};

/** The first answer is on its way: skeleton rows. */
export const Loading: Story = {
  args: coffee,
  parameters: { msw: hangSearches },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: 'Loading' })).toBeVisible();
  },
};

/** The filter excludes everything: the empty state says why. */
export const Empty: Story = {
  args: { ...coffee, initialFilter: f.must('lang', ['fr']) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/No row matches the filter/)).toBeVisible();
  },
};

/** Previous results stay (dimmed, "Updating…") while the next search loads. */
export const StaleWhileRefetching: Story = {
  args: coffee,
  parameters: { msw: slowAfterFirstSearch() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    const input = canvas.getByRole('searchbox', { name: 'Text query' });
    await userEvent.clear(input);
    await userEvent.type(input, 'green tea{Enter}');
    await expect(await canvas.findByText('Updating…')).toBeVisible();
    await expect(canvas.getAllByRole('listitem').length).toBeGreaterThan(0);
  },
};

/** 401: message, code, request id and the hint to check the credentials. */
export const Unauthorized: Story = {
  args: coffee,
  parameters: { msw: unauthorized },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('AuthenticationFailed');
    await expect(alert).toHaveTextContent('rid-401-3f9a2c');
    await expect(alert).toHaveTextContent(/Check the credentials/);
  },
};

/** 429 after the retries (none in the stories' client). */
export const RateLimited: Story = {
  args: coffee,
  parameters: { msw: rateLimited },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('TooManyRequests');
    await expect(alert).toHaveTextContent(/Rate limited/);
  },
};

/** No response at all — in a browser usually CORS; the hint names the signing proxy. */
export const NetworkOrCors: Story = {
  args: coffee,
  parameters: { msw: networkFailure },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(/CORS/);
  },
};

/** 10,000 rows in a virtualized list: only the visible rows are in the DOM. */
export const TenThousandRows: Story = {
  args: { ...coffee, limit: 10_000 },
  parameters: { msw: manyRows(10_000) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await expect(await count(canvasElement, /10000 results/)).toBeVisible();
    await expect(canvas.getAllByRole('listitem').length).toBeLessThan(40);
    const first = canvas.getAllByRole('listitem')[0]!;
    await expect(first).toHaveAttribute('aria-setsize', '10000');
    // End jumps to the last row, which gets rendered and focused.
    within(first).getAllByRole('button')[0]!.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.closest('[data-index]')).toHaveAttribute('data-index', '9999'));
  },
};

/** Chinese strings. */
export const ChineseLocale: Story = {
  args: { locale: 'zh-CN', initialQuery: { mode: 'multiModal', text: '咖啡冲煮' }, searchOnMount: true },
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
    await expect(await count(canvasElement, /20 条结果/)).toBeVisible();
  },
};

/** Dark colour scheme (`theme="dark"`; without the prop it follows prefers-color-scheme). */
export const Dark: Story = {
  args: { ...coffee, theme: 'dark', defaultOpen: ['insights'] },
  decorators: [
    (Story) => (
      <div style={{ background: '#010409', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
  },
};

/** A phone-width container: rows wrap their actions, the detail panel goes below. */
export const Narrow: Story = {
  args: { ...coffee, listHeight: 360 },
  decorators: [
    (Story) => (
      <div style={{ width: 360 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await rows(canvasElement);
  },
};

/** The filter builder with every operator: must, must_not, range, range_out, a geo circle and a nested group. */
export const FilterBuilderAllOperators: Story = {
  args: {
    initialQuery: { mode: 'random' },
    searchOnMount: true,
    initialFilter: f.and(
      f.must('lang', ['en', 'zh']),
      f.mustNot('category', ['food']),
      f.range('year', { gte: 2015, lte: 2024 }),
      f.rangeOut('rating', { lt: 0.5, gt: 4.9 }),
      f.or(f.geoCircle(['pos_x', 'pos_y'], [0, 0], 1000), f.must('tags', ['vector'])),
    ),
    limit: 50,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /Filter/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getAllByRole('combobox', { name: 'Operator' })).toHaveLength(6);
    await canvas.findByText(
      /results|No row matches/,
      { selector: '.vdb-status__count, .vdb-empty__body' },
      { timeout: 5000 },
    );
  },
};

// ---------- flows ----------

/** Flow: type a query, press Enter, open the first row with the keyboard, close it with Escape. */
export const SearchFlow: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('search', async () => {
      await userEvent.type(canvas.getByRole('searchbox', { name: 'Text query' }), 'mountain hiking{Enter}');
      await rows(canvasElement);
      await expect(await count(canvasElement, /20 results/)).toBeVisible();
    });
    await step('keyboard: arrow down, Enter opens, Escape closes', async () => {
      const [first] = await rows(canvasElement);
      within(first!).getAllByRole('button')[0]!.focus();
      await userEvent.keyboard('{ArrowDown}');
      await waitFor(() => expect(document.activeElement?.closest('[data-index]')).toHaveAttribute('data-index', '1'));
      await userEvent.keyboard('{Enter}');
      const detail = await canvas.findByRole('region', { name: /^Row / });
      await expect(within(detail).getByRole('table')).toBeVisible();
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(canvas.queryByRole('region', { name: /^Row / })).toBeNull());
    });
    await step('load more', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
      await expect(await count(canvasElement, /40 results/)).toBeVisible();
    });
  },
};

/** Flow: add a `lang is one of zh` condition in the builder; every row is Chinese; the JSON view shows the DSL. */
export const FilterFlow: Story = {
  args: { initialQuery: { mode: 'random' }, searchOnMount: true, limit: 30 },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await step('build the condition', async () => {
      await userEvent.click(canvas.getByRole('button', { name: /^Filter/ }));
      await userEvent.click(canvas.getByRole('button', { name: 'Add condition' }));
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Field' }), 'lang');
      await userEvent.type(canvas.getByRole('textbox', { name: 'Values' }), 'zh');
    });
    await step('every row is zh', async () => {
      await waitFor(
        async () => {
          const items = await rows(canvasElement);
          for (const item of items) await expect(item).toHaveTextContent('lang zh');
        },
        { timeout: 5000 },
      );
    });
    await step('raw JSON view', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'JSON' }));
      const raw = canvas.getByRole('textbox', { name: 'Filter DSL as JSON' });
      await expect(JSON.parse((raw as HTMLTextAreaElement).value)).toEqual({
        op: 'must',
        field: 'lang',
        conds: ['zh'],
      });
    });
  },
};

/** Flow: "Find similar" on a row searches by its id; that row comes first with the top score. */
export const FindSimilarFlow: Story = {
  args: coffee,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [, second] = await rows(canvasElement);
    const id = within(second!).getByText(/^id /).textContent!.replace('id ', '');
    await userEvent.click(within(second!).getByRole('button', { name: 'Find similar' }));
    await expect(canvas.getByRole('button', { name: 'By id' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Primary key' })).toHaveValue(id);
    await waitFor(
      async () => {
        const [first] = await rows(canvasElement);
        await expect(within(first!).getByText(/^id /)).toHaveTextContent(`id ${id}`);
      },
      { timeout: 5000 },
    );
  },
};

/** Flow: open a row, edit its title inline, see the new title in the table and the list. */
export const EditFlow: Story = {
  args: coffee,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first] = await rows(canvasElement);
    await userEvent.click(within(first!).getAllByRole('button')[0]!);
    const detail = await canvas.findByRole('region', { name: /^Row / });
    await userEvent.click(await within(detail).findByRole('button', { name: 'Edit title' }));
    const input = within(detail).getByRole('textbox', { name: 'Edit title' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Edited in Storybook{Enter}');
    await expect(await within(detail).findByText('Edited in Storybook')).toBeVisible();
    await waitFor(() => expect(within(first!).getByText('Edited in Storybook')).toBeVisible(), { timeout: 5000 });
  },
};

/** Flow: delete a row (two presses), it leaves the list; Undo puts it back exactly. */
export const DeleteAndUndoFlow: Story = {
  args: coffee,
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const [first] = await rows(canvasElement);
    const idText = within(first!).getByText(/^id /).textContent!;
    const title = within(first!).getAllByRole('button')[0]!.textContent!;
    await step('delete with confirm', async () => {
      await userEvent.click(within(first!).getByRole('button', { name: 'Delete' }));
      await userEvent.click(within(first!).getByRole('button', { name: 'Confirm?' }));
      await expect(await canvas.findByText(`Deleted row ${idText.replace('id ', '')}.`)).toBeVisible();
      await waitFor(() => expect(canvas.queryByText(idText, { exact: true })).toBeNull(), { timeout: 5000 });
    });
    await step('undo', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
      await waitFor(
        async () => {
          const [back] = await rows(canvasElement);
          await expect(within(back!).getAllByRole('button')[0]!.textContent).toBe(title);
        },
        { timeout: 5000 },
      );
    });
  },
};
