import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Use zod/mini: classic zod is 28 kB gzip and must not reach a browser bundle.' },
            { name: 'zod/v4', message: 'Use zod/mini.' },
          ],
        },
      ],
    },
  },
  {
    // Code that reaches browsers: the client, hooks, components, MSW handlers and the local engine they run.
    files: [
      'src/client/**/*.{ts,tsx}',
      'src/hooks/**/*.{ts,tsx}',
      'src/components/**/*.{ts,tsx}',
      'src/msw/**/*.ts',
      'src/server/local/{engine,memory,embedder,config,seed}/**/*.ts',
      'src/server/local/storage/{Storage,memoryStorage}.ts',
    ],
    ignores: ['src/client/auth/crypto/nodeCrypto.ts', 'src/client/index.node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Use zod/mini: classic zod is 28 kB gzip and must not reach a browser bundle.' },
            { name: 'zod/v4', message: 'Use zod/mini.' },
            ...['fs', 'path', 'crypto', 'os', 'http', 'https', 'stream', 'url', 'util', 'child_process'].map(
              (name) => ({
                name,
                message: 'Browser code: no Node built-ins.',
              }),
            ),
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'Browser code: no Node built-ins (only the node crypto backend may use them).',
            },
          ],
        },
      ],
    },
  },
);
