/// <reference types="vite/client" />
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Decorator, Preview } from '@storybook/react-vite';
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState, type ReactNode } from 'react';
import { extractComponentDescription } from 'storybook/internal/docs-tools';
import type { LoaderFunction } from 'storybook/internal/types';
import { apiKey, createVikingClient, none } from '../src/client';
import '../src/components/styles.css';
import { VikingProvider } from '../src/hooks';
import { jsdocDefaults, withoutJsDocLinks } from './jsdocInDocs';
import { STORY_BASE_URL, storyHandlers } from './storyHandlers';

const RELOADED_KEY = 'vikingdb-kit:msw-reloaded';

/**
 * A page that opened while the last page using the worker was closing (navigating a tab from a story's iframe URL to
 * the manager URL) loads while the worker unregisters itself, so it is not controlled by it: every request would
 * reach the network ("Failed to fetch"). `start()` registers the worker again, but only a reload puts this page under
 * it. Reloads once per tab session; if the page is still not controlled after that, the failure stays visible.
 */
async function ensureControlled(): Promise<void> {
  if (navigator.serviceWorker.controller) {
    sessionStorage.removeItem(RELOADED_KEY);
    return;
  }
  if (sessionStorage.getItem(RELOADED_KEY)) return;
  sessionStorage.setItem(RELOADED_KEY, '1');
  window.location.reload();
  await new Promise<never>(() => undefined);
}

/** Starts the MSW worker once (served from staticDirs, so it works offline). */
const loadMsw = mswLoader(async () => {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  await ensureControlled();
  return worker;
});

function overridesOf(parameter: unknown): RequestHandler[] {
  if (Array.isArray(parameter)) return parameter as RequestHandler[];
  const handlers = (parameter as { handlers?: unknown } | undefined)?.handlers;
  if (!handlers) return [];
  return (
    Array.isArray(handlers) ? handlers : Object.values(handlers as Record<string, unknown>)
  ).flat() as RequestHandler[];
}

/** The story's `parameters.msw` overrides first, then a freshly seeded demo engine. */
const vikingMsw: LoaderFunction = async (context) => {
  const msw = storyHandlers(overridesOf(context.parameters['msw']));
  await loadMsw({ ...context, parameters: { ...context.parameters, msw } });
  return {};
};

function StoryProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }),
  );
  // No retries, so error stories show their error at once.
  const [client] = useState(() =>
    createVikingClient({ baseUrl: STORY_BASE_URL, auth: apiKey('storybook-demo-key'), retry: none() }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <VikingProvider client={client}>{children}</VikingProvider>
    </QueryClientProvider>
  );
}

const withViking: Decorator = (Story, context) => (
  <StoryProviders key={context.id}>
    <Story />
  </StoryProviders>
);

const preview: Preview = {
  // Every component gets a docs page; a component's own `<Name>.mdx` (attached with `<Meta of={…}>`) replaces it.
  tags: ['autodocs'],
  argTypesEnhancers: [jsdocDefaults],
  loaders: [vikingMsw],
  decorators: [withViking],
  parameters: {
    layout: 'padded',
    // Each story of a docs page in its own iframe: its own MSW handlers and seeded engine, as on its story page.
    docs: {
      story: { inline: false, iframeHeight: 640 },
      toc: true,
      extractComponentDescription: (component: Parameters<typeof extractComponentDescription>[0]) =>
        withoutJsDocLinks(extractComponentDescription(component)),
    },
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
    options: {
      storySort: {
        order: [
          'Introduction',
          'Guides',
          ['Getting started', 'Local server', 'Signing proxy', 'Knowledge chat', 'Coming from the Python SDK'],
          'Components',
          'Primitives',
        ],
      },
    },
  },
};

export default preview;
