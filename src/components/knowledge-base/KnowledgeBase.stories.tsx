import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../primitives/base.css';
import './knowledge-base.css';
import { KnowledgeBase } from './KnowledgeBase';

/*
 * Every story is live: .storybook/preview.tsx wraps it in the Viking providers and answers its requests with a
 * freshly seeded demo engine (knowledge base `demo_kb`: this project's README and docs) behind the story's own
 * `parameters.msw` handlers, which come first (extra documents, errors, an empty collection).
 */

const MINUTE = 60_000;
const ok = (data: unknown) => HttpResponse.json({ code: 0, message: 'success', request_id: 'story', data });

/** A wire DocInfo (what `doc/list` sends). */
function wireDoc(i: number, status: Record<string, unknown>, ageMs: number, name = `guide-${i}.md`) {
  const time = Date.now() - ageMs;
  return {
    collection_name: 'demo_kb',
    doc_id: `story-${i}`,
    doc_name: name,
    doc_type: name.endsWith('.pdf') ? 'pdf' : 'markdown',
    create_time: time,
    update_time: time,
    status,
    point_num: status['process_status'] === 0 ? (i % 17) + 1 : 0,
    meta: JSON.stringify([
      { field_name: 'team', field_type: 'string', field_value: ['search', 'docs', 'support'][i % 3] },
    ]),
  };
}

/** `doc/list` answers `docs` (plus, when `withEngine`, the engine's own documents). */
function docListHandler(docs: readonly Record<string, unknown>[]) {
  return http.post('*/api/knowledge/doc/list', () =>
    ok({ doc_list: docs, count: docs.length, total_num: docs.length }),
  );
}

const PROCESSING = [
  wireDoc(1, { process_status: 2 }, 20_000, 'onboarding.md'),
  wireDoc(2, { process_status: 2 }, 12 * MINUTE, 'pricing-2025.pdf'),
  wireDoc(3, { process_status: 0 }, 3 * MINUTE, 'faq.md'),
];

const FAILED = [
  wireDoc(
    4,
    { process_status: 1, failed_code: 10004, failed_msg: 'the PDF has no text layer (scanned pages?)' },
    MINUTE,
    'scan.pdf',
  ),
  wireDoc(5, { process_status: 0 }, 5 * MINUTE, 'handbook.md'),
];

const TEN_THOUSAND = Array.from({ length: 10_000 }, (_, i) =>
  wireDoc(
    i,
    i % 97 === 0 ? { process_status: 1, failed_code: 10003, failed_msg: 'unreadable file' } : { process_status: 0 },
    i * MINUTE,
  ),
);

const failing = (status: number, body: Record<string, unknown>) => ({
  msw: { handlers: [http.all('*/api/knowledge/*', () => HttpResponse.json(body, { status }))] },
});

const meta = {
  title: 'Components/KnowledgeBase',
  component: KnowledgeBase,
  args: { collection: 'demo_kb', timeZone: 'UTC', pollMs: 500 },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof KnowledgeBase>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo knowledge base; the play function uploads a Markdown file and waits until it is processed. */
export const Documents: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Documents' });
    await within(list).findByText('README.md');
    const file = new File(['# Story notes\n\nOtters hold hands while they sleep.'], 'otters.md', {
      type: 'text/markdown',
    });
    await userEvent.upload(canvas.getByLabelText('Files to add'), file);
    const uploads = await canvas.findByRole('list', { name: 'Uploads' });
    await within(uploads).findByText(/^Processed: 1 chunk/, undefined, { timeout: 10_000 });
    const row = (await within(list).findByText('otters.md')).closest('[role="option"]');
    await waitFor(() => expect(row).toHaveTextContent('Done'));
  },
};

/** Documents still processing (one past the 5-minute timeout shows as stalled, with a re-run) and one done. */
export const ProcessingDocs: Story = {
  parameters: { msw: { handlers: [docListHandler(PROCESSING)] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Documents' });
    await within(list).findByText('Processing');
    await within(list).findByText('Stalled');
  },
};

/** A failed import: the badge and the failure message in the list, and in the open document. */
export const FailedDoc: Story = {
  args: { defaultSelectedDocId: 'story-4' },
  parameters: {
    msw: {
      handlers: [docListHandler(FAILED), http.post('*/api/knowledge/doc/info', () => ok(FAILED[0]))],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const detail = await canvas.findByRole('article', { name: 'Document scan.pdf' });
    await expect(within(detail).getByRole('alert')).toHaveTextContent('Failed with code 10004');
  },
};

/** 10,000 documents: the list is virtualized (only the visible rows are in the DOM), filters stay instant. */
export const TenThousandDocs: Story = {
  parameters: { msw: { handlers: [docListHandler(TEN_THOUSAND)] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Documents' });
    await canvas.findByText('10000 documents of 10000');
    await expect(within(list).getAllByRole('option').length).toBeLessThan(60);
    list.focus();
    await userEvent.keyboard('{End}');
    await within(list).findByText('guide-9999.md');
  },
};

/** A knowledge base without documents. */
export const Empty: Story = {
  parameters: { msw: { handlers: [docListHandler([])] } },
};

/** The service refuses: the error with its code, request id, hint and a retry. */
export const Error: Story = {
  parameters: failing(404, { code: 1000005, message: 'collection not exist: demo_kb', request_id: 'req-story-1' }),
};

/** Loading (the answer never comes). */
export const Loading: Story = {
  parameters: { msw: { handlers: [http.post('*/api/knowledge/doc/list', () => delay('infinite'))] } },
};

/** The open document with its tags and chunks; the play function edits a chunk and finds the new text by search. */
export const DetailWithPoints: Story = {
  args: { defaultSelectedDocId: 'docs-architecture' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const detail = await canvas.findByRole('article', { name: 'Document docs/architecture.md' });
    await userEvent.click(await within(detail).findByRole('button', { name: 'Edit chunk 1' }));
    const editor = within(detail).getByRole('textbox', { name: 'Content of chunk 1' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Narwhals are the unicorns of the Arctic sea.');
    await userEvent.click(within(detail).getByRole('button', { name: 'Save' }));
    await within(detail).findByText('Narwhals are the unicorns of the Arctic sea.');
    await userEvent.click(canvas.getByRole('tab', { name: 'Try a query' }));
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Query' }), 'unicorns of the Arctic{Enter}');
    const results = await canvas.findByRole('list', { name: 'Ranked chunks' });
    await waitFor(() =>
      expect(within(results).getAllByRole('article')[0]).toHaveTextContent('Narwhals are the unicorns'),
    );
  },
};

/** "Try a query": ranked chunks with their scores and rerank scores. */
export const QueryPanel: Story = {
  args: { initialPane: 'query' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Query' }), 'signing proxy{Enter}');
    const results = await canvas.findByRole('list', { name: 'Ranked chunks' });
    await waitFor(() => expect(within(results).getAllByRole('article').length).toBeGreaterThan(0));
  },
};

/** Simplified Chinese strings (loaded on demand). */
export const ChineseLocale: Story = {
  args: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox', { name: '文档' });
  },
};

/** Dark theme (data-theme="dark" on an ancestor), with a failed and a processing document. */
export const Dark: Story = {
  args: { defaultSelectedDocId: 'story-4' },
  parameters: {
    msw: {
      handlers: [
        docListHandler([...PROCESSING, ...FAILED]),
        http.post('*/api/knowledge/doc/info', () => ok(FAILED[0])),
      ],
    },
  },
  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: '#010409', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
};
