import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createVikingHandlers } from '../../msw/index';
import '../primitives/base.css';
import './knowledge-chat.css';
import { KnowledgeChat } from './KnowledgeChat';
import { scriptedChatModel, type ScriptedChatModelOptions } from './stories/scriptedChatModel';
import { LONG_ANSWER, REASONING, SHORT_ANSWER, toDeltas } from './stories/storyAnswers';

/*
 * Every story is live: .storybook/preview.tsx wraps it in the Viking providers and answers its requests with a
 * freshly seeded demo engine (the demo knowledge base `demo_kb` and its service `demo_kb_service`, answered by the
 * built-in extractive model). Stories that need a slower or a reasoning model put their own engine first.
 */

/** Where the stories' client sends requests (.storybook/storyHandlers.ts). */
const STORY_BASE_URL = 'https://vikingdb.storybook.local';

/** A demo engine whose chat answers are `answer`, streamed in small deltas. */
const withModel = (answer: string, options: ScriptedChatModelOptions = {}) => ({
  msw: {
    handlers: createVikingHandlers({
      seed: 'demo',
      baseUrl: STORY_BASE_URL,
      chatModel: scriptedChatModel(toDeltas(answer), { delayMs: 30, ...options }),
    }),
  },
});

const QUESTION = 'What does the signing proxy forward upstream?';

const meta = {
  title: 'Components/KnowledgeChat',
  component: KnowledgeChat,
  args: {
    service: 'demo_kb_service',
    suggestedQuestions: [QUESTION, 'How does the local server refuse other sites?', 'What is a KnowledgeStream?'],
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof KnowledgeChat>;

export default meta;
type Story = StoryObj<typeof meta>;

async function ask(canvasElement: HTMLElement, question = QUESTION) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByRole('textbox', { name: /Your question|你的问题/ }), `${question}{Enter}`);
  return canvas;
}

/** Before the first question: what the chat does and suggested questions. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Ask your knowledge base');
    expect(canvas.getAllByRole('button', { name: /\?$/ })).toHaveLength(3);
    expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** An answer streaming in: the play function asks, and sees streamed text and at least one citation. */
export const Streaming: Story = {
  parameters: withModel(SHORT_ANSWER, { delayMs: 60 }),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const answer = await canvas.findByRole('article', { name: 'Assistant' });
    await waitFor(() => expect(answer.textContent).toContain('The signing proxy forwards'), { timeout: 5000 });
    expect(canvas.getByRole('button', { name: 'Stop' })).toBeEnabled();
    await waitFor(() => expect(canvas.getAllByRole('button', { name: /^Source 1:/ }).length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    expect(within(canvas.getByRole('region', { name: 'Sources of answer 1' })).getAllByRole('listitem').length).toBe(5);
  },
};

/** A long Markdown answer (headings, lists, a table, a quote, code, a link) with citations, pinned while it grows. */
export const LongAnswer: Story = {
  parameters: withModel(LONG_ANSWER, { delayMs: 8 }),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement, 'How does the local server stay safe?');
    await canvas.findByRole('table', {}, { timeout: 10_000 });
    await canvas.findByRole('link', { name: 'security section' }, { timeout: 10_000 });
  },
};

/** Citations of a finished answer from the demo service; the play function opens one by keyboard focus. */
export const Citations: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const chip = (await canvas.findAllByRole('button', { name: /^Source \d+:/ }, { timeout: 10_000 }))[0]!;
    chip.focus();
    const details = await canvas.findByRole('group', { name: chip.getAttribute('aria-label')! });
    expect(details.querySelector('mark')).not.toBeNull();
  },
};

/** The service fails: the typed error's message, code, request id and hint, with a retry. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    msw: {
      handlers: [
        http.post('*/api/knowledge/service/chat', () =>
          HttpResponse.json(
            { code: 1000005, message: "service not exist: service_resource_id 'demo_kb_service'", request_id: 'req-1' },
            { status: 404 },
          ),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const alert = await canvas.findByRole('alert');
    expect(alert).toHaveTextContent('service not exist');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** Stopped mid-stream: the play function stops the answer; what arrived is kept. */
export const Stopped: Story = {
  parameters: withModel(LONG_ANSWER, { delayMs: 80 }),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const answer = await canvas.findByRole('article', { name: 'Assistant' });
    await waitFor(() => expect(answer.textContent).toContain('local server'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(answer).toHaveTextContent('Stopped. The answer so far is kept.'));
    const kept = answer.querySelector('.vdb-chat-markdown')?.textContent;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answer.querySelector('.vdb-chat-markdown')?.textContent).toBe(kept);
    expect(canvas.getByRole('textbox', { name: 'Your question' })).toBeEnabled();
  },
};

/** A model that thinks first: its reasoning in a collapsible part above the answer. */
export const Reasoning: Story = {
  parameters: withModel(SHORT_ANSWER, { delayMs: 20, reasoning: REASONING }),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const summary = await canvas.findByText(/^Reasoning/, { selector: 'summary' }, { timeout: 5000 });
    await userEvent.click(summary);
    await canvas.findByText(/The question is about the proxy/);
  },
};

/** The collection + model mode: `search_knowledge` on demo_kb, then a chat completion with the chunks in the prompt. */
export const CollectionAndModel: Story = {
  args: { service: undefined, collection: 'demo_kb', model: 'Doubao-1-5-pro-32k' },
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await canvas.findByRole('region', { name: 'Sources of answer 1' }, { timeout: 10_000 });
  },
};

/** 简体中文. */
export const ZhCN: Story = {
  args: { locale: 'zh-CN', suggestedQuestions: ['签名代理会向上游转发哪些请求头？'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('向知识库提问');
    expect(canvas.getByRole('button', { name: '发送' })).toBeDisabled();
  },
};

/** Dark theme (`data-theme="dark"` on an ancestor), with a finished cited answer. */
export const Dark: Story = {
  parameters: { ...withModel(SHORT_ANSWER, { delayMs: 5 }), backgrounds: { default: 'dark' } },
  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: '#0d1117', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await canvas.findAllByRole('button', { name: /^Source 1:/ }, { timeout: 5000 });
  },
};
