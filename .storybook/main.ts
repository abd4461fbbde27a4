import type { StorybookConfig } from '@storybook/react-vite';

/** Storybook 10 (react-vite). Stories are live: MSW answers with the local engine (see preview.tsx). */
const config: StorybookConfig = {
  stories: ['../src/components/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // mockServiceWorker.js (copied from msw; regenerate with `npx msw init .storybook/public --save=false`).
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
};

export default config;
