import { cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createVikingHandlers } from '../../../src/msw/index';
import { scriptedChatModel } from '../../../src/components/knowledge-chat/stories/scriptedChatModel';
import { renderChat } from './renderChat';

afterEach(() => cleanup());

async function expectNoAxeViolations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

const composer = () => screen.getByRole('textbox', { name: /Your question|Editing your last question/ });
const liveRegion = () => screen.getByRole('status');
const answers = () => screen.queryAllByRole('article', { name: 'Assistant' });
const withModel = (model: ReturnType<typeof scriptedChatModel>) =>
  createVikingHandlers({ seed: 'demo', chatModel: model });

async function ask(question: string) {
  await userEvent.click(composer());
  await userEvent.keyboard(question);
  await userEvent.keyboard('{Enter}');
}

async function waitForDone() {
  await waitFor(() => expect(liveRegion().textContent).toMatch(/Answer complete\.$/), { timeout: 10_000 });
}

describe('KnowledgeChat with the demo knowledge service', () => {
  it('answers with citations: numbered sources under the answer and inline chips, no axe violation', async () => {
    const { container } = renderChat({ suggestedQuestions: ['What does the signing proxy forward?'] });
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'What does the signing proxy forward?' }));
    const sources = await screen.findByRole('region', { name: 'Sources of answer 1' }, { timeout: 10_000 });
    expect(within(sources).getAllByRole('listitem').length).toBeGreaterThan(0);
    const chips = await screen.findAllByRole('button', { name: /^Source \d+:/ }, { timeout: 10_000 });
    expect(chips.length).toBeGreaterThan(0);
    await waitForDone();
    expect(screen.getByLabelText('Answer statistics').textContent).toMatch(/first chunk [\d,]+ ms · total [\d,]+ ms/);
    await expectNoAxeViolations(container);
  });

  it('searches a collection and asks a model with the chunks in the prompt (collection + model)', async () => {
    renderChat({ service: undefined, collection: 'demo_kb', model: 'any-model' });
    await ask('What does the signing proxy forward upstream?');
    await waitForDone();
    const sources = screen.getByRole('region', { name: 'Sources of answer 1' });
    expect(within(sources).getAllByRole('listitem')).toHaveLength(5);
    // The extractive model quotes the numbered chunks, so the answer cites them.
    expect((await screen.findAllByRole('button', { name: /^Source \d+:/ })).length).toBeGreaterThan(0);
  });
});

describe('KnowledgeChat layout', () => {
  it('keeps the composer inside its box under a long answer, also when the app hides the header', async () => {
    const style = document.createElement('style');
    style.textContent =
      '.hidden-header { position: absolute; width: 1px; height: 1px; overflow: hidden; } .vdb-chat { --vdb-chat-height: 320px; }';
    document.head.append(style);
    try {
      const { container } = renderChat({ classNames: { header: 'hidden-header' } });
      for (const question of ['What does the signing proxy forward?', 'How do retries work?']) {
        await ask(question);
        await waitForDone();
      }
      const box = container.querySelector('.vdb-chat')!.getBoundingClientRect();
      const input = composer().getBoundingClientRect();
      const send = screen.getByRole('button', { name: 'Send' }).getBoundingClientRect();
      for (const part of [input, send]) {
        expect(part.top).toBeGreaterThanOrEqual(box.top);
        expect(part.bottom).toBeLessThanOrEqual(box.bottom);
      }
    } finally {
      style.remove();
    }
  });
});

describe('KnowledgeChat conversation', () => {
  it('sends the history as the service expects: earlier questions and answers, then the new question', async () => {
    const model = scriptedChatModel(['First answer [1].']);
    renderChat({}, withModel(model));
    await ask('What is the signing proxy?');
    await waitForDone();
    await ask('And what does it forward?');
    await waitForDone();
    // (With a language model the service first asks it to rewrite the follow-up; the answer's request is the last.)
    const sent = model.requests.at(-1)!.messages;
    // The service puts its prompt (with the retrieved chunks) first, then the conversation.
    expect(sent[0]!.role).toBe('system');
    expect(sent.slice(1)).toEqual([
      { role: 'user', content: 'What is the signing proxy?' },
      { role: 'assistant', content: 'First answer [1].' },
      { role: 'user', content: 'And what does it forward?' },
    ]);
    expect(screen.getAllByRole('group', { name: 'You' })).toHaveLength(2);
  });

  it('collection + model: one system message per retrieved chunk, numbered, then the instructions, then the history', async () => {
    const model = scriptedChatModel(['Cited [2].']);
    renderChat({ service: undefined, collection: 'demo_kb', model: 'm', retrieval: { limit: 3 } }, withModel(model));
    await ask('How are requests signed?');
    await waitForDone();
    const sent = model.requests[0]!.messages;
    expect(sent.map((m) => m.role)).toEqual(['system', 'system', 'system', 'system', 'user']);
    expect(sent.slice(0, 3).map((m) => m.content.slice(0, 4))).toEqual(['[1] ', '[2] ', '[3] ']);
    expect(sent[3]!.content).toContain('cite the reference');
    expect(sent[4]).toEqual({ role: 'user', content: 'How are requests signed?' });
    const sources = screen.getByRole('region', { name: 'Sources of answer 1' });
    expect(within(sources).getAllByRole('listitem')).toHaveLength(3);
    // The source the answer cites is marked.
    expect(within(sources).getAllByRole('listitem')[1]!.textContent).toContain('cited');
    expect(screen.getByLabelText('Answer statistics').textContent).toMatch(/tokens/);
  });
});

describe('KnowledgeChat keyboard', () => {
  it('Enter sends, Shift+Enter adds a line; the composer is disabled while streaming except Stop', async () => {
    const model = scriptedChatModel(['One. ', 'Two. ', 'Three.'], { delayMs: 80 });
    renderChat({}, withModel(model));
    await userEvent.click(composer());
    await userEvent.keyboard('first line{Shift>}{Enter}{/Shift}second line');
    expect(composer()).toHaveProperty('value', 'first line\nsecond line');
    await userEvent.keyboard('{Enter}');
    const question = await screen.findByRole('group', { name: 'You' });
    expect(question.textContent).toBe('first line\nsecond line');
    expect(composer()).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveProperty('disabled', false);
    await waitForDone();
    expect(composer()).toHaveProperty('disabled', false);
    expect(composer()).toHaveProperty('value', '');
  });

  it('a chip opens on keyboard focus and on click; Escape closes it and keeps focus on the chip', async () => {
    const { container } = renderChat(
      { onOpenDocument: (docId, pointId) => opened.push([docId, pointId]) },
      withModel(scriptedChatModel(['The proxy forwards a few headers [1]. ', 'It drops cookies [2].'])),
    );
    const opened: Array<[string, string | undefined]> = [];
    await ask('What does the signing proxy forward?');
    await waitForDone();
    const chip = screen.getByRole('button', { name: /^Source 1:/ });
    chip.focus();
    const details = await screen.findByRole('group', { name: /^Source 1:/ });
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(details.querySelector('mark')).not.toBeNull();
    await expectNoAxeViolations(container);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /^Source 1:/ })).toBeNull();
    expect(document.activeElement).toBe(chip);
    // Tab from the chip goes into its details (scrollable, so focusable), then to the "open in knowledge base" action.
    await userEvent.click(chip);
    expect(screen.queryByRole('group', { name: /^Source 1:/ })).not.toBeNull();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: /^Source 1:/ }));
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe('Open in knowledge base');
    await userEvent.keyboard('{Enter}');
    expect(opened).toHaveLength(1);
    expect(opened[0]![0]).toMatch(/\S/);
    // A click toggles: the details are open (focus is inside them), so it closes them; the next opens them.
    await userEvent.click(chip);
    expect(screen.queryByRole('group', { name: /^Source 1:/ })).toBeNull();
    await userEvent.click(chip);
    expect(screen.queryByRole('group', { name: /^Source 1:/ })).not.toBeNull();
  });

  it('edits and resends the last question, regenerates, and clears the conversation', async () => {
    const model = scriptedChatModel(['Answer [1].']);
    renderChat({}, withModel(model));
    await ask('What is the local server?');
    await waitForDone();
    await userEvent.click(screen.getByRole('button', { name: 'Edit question' }));
    expect(composer()).toHaveProperty('value', 'What is the local server?');
    await userEvent.clear(composer());
    await userEvent.keyboard('What is the signing proxy?{Enter}');
    await waitFor(() =>
      expect(screen.getAllByRole('group', { name: 'You' }).map((q) => q.textContent)).toEqual([
        'What is the signing proxy?',
      ]),
    );
    await waitForDone();
    await userEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    await waitFor(() => expect(model.requests).toHaveLength(3));
    await waitForDone();
    expect(answers()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Clear conversation' }));
    expect(answers()).toHaveLength(0);
    expect(screen.getByText('Ask your knowledge base')).not.toBeNull();
  });
});

describe('KnowledgeChat streaming', () => {
  it('Stop aborts the model request and keeps the text so far', async () => {
    const model = scriptedChatModel(
      Array.from({ length: 60 }, (_, i) => `Word${i} `),
      { delayMs: 40 },
    );
    renderChat({}, withModel(model));
    await ask('Tell me everything.');
    await waitFor(() => expect(answers()[0]?.textContent).toContain('Word2'));
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(answers()[0]?.textContent).toContain('Stopped. The answer so far is kept.'));
    const kept = answers()[0]!.querySelector('.vdb-chat-markdown')!.textContent!;
    expect(kept).toContain('Word2');
    await waitFor(() => expect(model.requests[0]!.aborted()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answers()[0]!.querySelector('.vdb-chat-markdown')!.textContent).toBe(kept);
    expect(liveRegion().textContent).toBe('Stopped. The answer so far is kept.');
    expect(composer()).toHaveProperty('disabled', false);
  });

  it('keeps citation numbers and the source list unchanged while the answer streams', async () => {
    const deltas = Array.from({ length: 30 }, (_, i) => `Claim ${i} [${(i % 3) + 1}]. `);
    renderChat({}, withModel(scriptedChatModel(deltas, { delayMs: 25 })));
    await ask('How do the servers stay secure?');
    const sources = await screen.findByRole('region', { name: 'Sources of answer 1' }, { timeout: 10_000 });
    const listed = () =>
      within(sources)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.vdb-chat-source__doc')?.textContent);
    const first = listed();
    const seen: string[][] = [];
    while (!/Answer complete\.$/.test(liveRegion().textContent ?? '')) {
      seen.push(listed() as string[]);
      const chips = screen.queryAllByRole('button', { name: /^Source \d+:/ });
      for (const chip of chips) {
        const number = Number(chip.textContent);
        expect(chip.getAttribute('aria-label')).toBe(`Source ${number}: ${first[number - 1]}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(seen.length).toBeGreaterThan(3);
    for (const list of seen) expect(list).toEqual(first);
  });

  it('announces whole sentences in the live region, not tokens', async () => {
    const deltas = 'The first sentence is here. And the second one follows.'.split(/(?<= )/);
    renderChat({}, withModel(scriptedChatModel(deltas, { delayMs: 40 })));
    await ask('Say two sentences.');
    const said = new Set<string>();
    while (!/Answer complete\.$/.test(liveRegion().textContent ?? '')) {
      said.add(liveRegion().textContent ?? '');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    said.delete('');
    expect([...said]).toEqual(['The first sentence is here.']);
    expect(liveRegion().textContent).toBe('And the second one follows. Answer complete.');
  });

  it('stays pinned to the bottom while streaming, unless the user scrolled up', async () => {
    const deltas = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of a long answer.\n\n`);
    const { container } = renderChat({}, withModel(scriptedChatModel(deltas, { delayMs: 15 })));
    (container.querySelector('.vdb-chat') as HTMLElement).style.setProperty('--vdb-chat-height', '360px');
    await ask('Write a long answer.');
    const log = screen.getByRole('log');
    await waitFor(() => expect(answers()[0]?.textContent).toContain('Paragraph 20'));
    expect(log.scrollHeight).toBeGreaterThan(log.clientHeight * 2);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(40);
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await screen.findByRole('button', { name: 'Jump to latest' });
    await waitFor(() => expect(answers()[0]?.textContent).toContain('Paragraph 40'));
    expect(log.scrollTop).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Jump to latest' }));
    await waitFor(() => expect(answers()[0]?.textContent).toContain('Paragraph 50'));
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(40);
    await waitForDone();
  });
});

describe('KnowledgeChat errors', () => {
  it('shows the typed error with its hint and retries', async () => {
    let fail = true;
    const handlers = [
      http.post('*/api/knowledge/service/chat', () =>
        fail
          ? HttpResponse.json(
              { code: 1000005, message: 'service not exist: demo_kb_service', request_id: 'req-42' },
              { status: 404 },
            )
          : undefined,
      ),
      ...createVikingHandlers({ seed: 'demo' }),
    ];
    const { container } = renderChat({}, handlers);
    await ask('Anything?');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('service not exist');
    expect(alert.textContent).toContain('req-42');
    await expectNoAxeViolations(container);
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitForDone();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
