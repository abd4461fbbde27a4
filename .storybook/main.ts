import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

/**
 * Storybook 10 (react-vite). Stories are live: MSW answers with the local engine (see preview.tsx).
 * Docs: every component gets a page (autodocs, or its `<Name>.mdx` when it has one) with a props table read from its
 * TypeScript types and JSDoc; the guides are `docs/guides/*.mdx`. `npm run docs` builds it with the API reference.
 */
const config: StorybookConfig = {
  stories: ['../docs/guides/*.mdx', '../src/components/**/*.mdx', '../src/components/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown (tables) in the MDX pages.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  // mockServiceWorker.js (copied from msw; regenerate with `npx msw init .storybook/public --save=false`).
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // Props declared by the kit (including the headless hooks' options a component extends), not React's or the DOM's.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
};

export default config;
