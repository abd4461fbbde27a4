import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'crypto', 'os', 'http', 'https', 'stream', 'url', 'util', 'child_process'];

// Code that reaches browsers: the client, hooks, components, MSW handlers and the local engine they run.
const BROWSER_CODE = [
  'src/client/**/*.{ts,tsx}',
  'src/hooks/**/*.{ts,tsx}',
  'src/components/**/*.{ts,tsx}',
  'src/msw/**/*.ts',
  'src/server/local/{engine,embedder,config,seed}/**/*.ts',
];
// The client's Node entry and its node:crypto signer backend.
const NODE_ONLY_CLIENT_FILES = ['src/client/auth/crypto/nodeCrypto.ts', 'src/client/index.node.ts'];

/**
 * `no-restricted-imports` options: classic zod everywhere in src, Node built-ins in browser code, plus the room's own
 * `paths` and `patterns`.
 */
function restrictImports({ browser = false, paths = [], patterns = [] } = {}) {
  return [
    'error',
    {
      paths: [
        { name: 'zod', message: 'Use zod/mini: classic zod is 28 kB gzip and must not reach a browser bundle.' },
        { name: 'zod/v4', message: 'Use zod/mini.' },
        ...(browser ? NODE_BUILTINS.map((name) => ({ name, message: 'Browser code: no Node built-ins.' })) : []),
        ...paths,
      ],
      patterns: [
        ...(browser
          ? [
              {
                group: ['node:*'],
                message: 'Browser code: no Node built-ins (only the node crypto backend may use them).',
              },
            ]
          : []),
        ...patterns,
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'playground/dist',
      'coverage',
      'node_modules',
      'bench/results',
      'storybook-static',
      'docs-site',
      '.scratch',
      '.storybook/public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // Import rules (docs/architecture.md "Layers"). A file gets the options of the last block naming it, so every
  // block below repeats the rules of the blocks above it that also cover its files.
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrictImports() } },
  {
    // Code that reaches browsers: the client, hooks, components, MSW handlers and the local engine they run.
    files: BROWSER_CODE,
    ignores: NODE_ONLY_CLIENT_FILES,
    rules: { 'no-restricted-imports': restrictImports({ browser: true }) },
  },
  {
    // The client is framework-free: no React, hooks, components, MSW or server code.
    files: ['src/client/**/*.{ts,tsx}'],
    ignores: NODE_ONLY_CLIENT_FILES,
    rules: {
      'no-restricted-imports': restrictImports({
        browser: true,
        patterns: [
          {
            group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*'],
            message: 'The client is framework-free.',
          },
          {
            regex: String.raw`^(\.\./)+(hooks|components|msw|server)(/|$)|^vikingdb-kit/(hooks|components|msw|server)$`,
            message: 'The client never imports hooks, components, MSW or server code.',
          },
        ],
      }),
    },
  },
  {
    // Hooks reach the client through its public index only (the locator normalisers are shared with query keys).
    files: ['src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        browser: true,
        patterns: [
          {
            regex: String.raw`^(\.\./)+client/(?!index$|vector/locator$|memory/memoryLocator$)`,
            message: 'Hooks import the client through its public index (src/client/index.ts) only.',
          },
          {
            regex: String.raw`^(\.\./)+(components|msw|server)(/|$)`,
            message: 'Hooks never import components, MSW or server code.',
          },
        ],
      }),
    },
  },
  {
    // Components use hooks and the client's public types; never the transport, MSW or server code (stories may mock
    // the service with MSW: they are not part of the package).
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/components/**/*.stories.tsx', 'src/components/**/stories/**'],
    rules: {
      'no-restricted-imports': restrictImports({
        browser: true,
        patterns: [
          {
            regex: String.raw`(^|/)client/transport(/|$)`,
            message: 'Components never import the transport: call the client or a hook.',
          },
          {
            regex: String.raw`^(\.\./)+(msw|server)(/|$)`,
            message: 'Components never import MSW or server code.',
          },
        ],
      }),
    },
  },
  // The engine is pure (it runs in browsers behind MSW): no Node built-ins, and none of the Node-side local server
  // (src/server/local/{storage,http}, src/server/cli). Relative imports are matched by the file's depth, since
  // `../storage` means src/server/local/storage from engine/*.ts but engine/storage from engine/*/*.ts.
  ...[1, 2, 3, 4, 5].map((depth) => ({
    files: [`src/server/local/engine/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': restrictImports({
        browser: true,
        patterns: [
          {
            regex: String.raw`^${'\\.\\./'.repeat(depth)}(storage|http)(/|$)|^${'\\.\\./'.repeat(depth + 1)}cli(/|$)`,
            message: 'The engine never imports the Node-side local server (storage, http, cli).',
          },
          {
            group: ['react', 'react/*', 'lmdb', 'hono', 'hono/*'],
            message: 'The engine is pure: no React, lmdb or Hono.',
          },
        ],
      }),
    },
  })),
);
