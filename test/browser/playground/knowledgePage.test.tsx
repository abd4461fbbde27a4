import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import KnowledgePage from '../../../playground/src/pages/KnowledgePage';
import '../../../src/components/knowledge-base/knowledge-base.css';
import '../../../src/components/knowledge-chat/knowledge-chat.css';
import { loadKnowledgeBaseMessages } from '../../../src/components/knowledge-base/index';
import { loadKnowledgeChatMessages } from '../../../src/components/knowledge-chat/index';
import { renderPage } from './renderPage';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', window.location.pathname);
});

const param = (name: string) => new URL(window.location.href).searchParams.get(name);

describe('Knowledge page', () => {
  it('shows the chat and the manager side by side; a citation opens its document, kept in the URL', async () => {
    await page.viewport(1400, 900);
    const { container } = renderPage(<KnowledgePage />);
    const list = await screen.findByRole('listbox', { name: 'Documents' }, { timeout: 10_000 });
    await within(list).findByText('README.md');
    const chat = screen.getByRole('textbox', { name: 'Your question' });
    expect(screen.queryByRole('tab', { name: 'Chat' })).toBeNull(); // the tabs show only on narrow windows
    const violations = await axe.run(container, { resultTypes: ['violations'] });
    expect(violations.violations.map((v) => v.id)).toEqual([]);

    await userEvent.type(chat, 'What does the signing proxy do?{Enter}');
    const chip = (await screen.findAllByRole('button', { name: /^Source \d+:/ }, { timeout: 10_000 }))[0]!;
    await userEvent.click(chip);
    await userEvent.click(await screen.findByRole('button', { name: 'Open in knowledge base' }));
    await waitFor(() => expect(param('doc')).not.toBeNull());
    await screen.findByRole('article', { name: /^Document / });
  });

  it('opens the document named in the URL and folds into two tabs on a narrow window', async () => {
    await page.viewport(700, 900);
    window.history.replaceState(null, '', `${window.location.pathname}?doc=readme&pane=manager`);
    renderPage(<KnowledgePage />);
    await screen.findByRole('article', { name: 'Document README.md' }, { timeout: 10_000 });
    const chatTab = screen.getByRole('tab', { name: 'Chat' });
    expect(screen.getByRole('tab', { name: 'Documents' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('textbox', { name: 'Your question' })).toBeNull();
    await userEvent.click(chatTab);
    expect(param('pane')).toBeNull();
    await screen.findByRole('textbox', { name: 'Your question' });
    expect(screen.queryByRole('listbox', { name: 'Documents' })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Documents' }));
    const list = screen.getByRole('listbox', { name: 'Documents' });
    await userEvent.click(within(list).getByText('docs/architecture.md'));
    await waitFor(() => expect(param('doc')).toBe('docs-architecture'));
  });

  it('speaks Chinese with lang=zh-CN: the page, its tabs, the suggestions and both components', async () => {
    await page.viewport(700, 900);
    window.history.replaceState(null, '', `${window.location.pathname}?lang=zh-CN`);
    await act(async () => {
      renderPage(<KnowledgePage />);
      await Promise.all([loadKnowledgeBaseMessages('zh-CN'), loadKnowledgeChatMessages('zh-CN')]);
    });
    await screen.findByRole('heading', { level: 1, name: '知识库' });
    expect(screen.queryByRole('tab', { name: '对话' })).not.toBeNull();
    await screen.findByRole('button', { name: '签名代理有什么用？' });
    await userEvent.click(screen.getByRole('tab', { name: '文档' }));
    await screen.findByRole('listbox', { name: '文档' }, { timeout: 10_000 });
    expect(document.body.textContent).not.toContain('Knowledge base');
  });
});
