import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'bench/results'] },
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
    files: ['src/client/**/*.ts'],
    ignores: ['src/client/auth/crypto/nodeCrypto.ts', 'src/client/index.node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Use zod/mini: classic zod is 28 kB gzip and must not reach a browser bundle.' },
            { name: 'zod/v4', message: 'Use zod/mini.' },
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'src/client runs in browsers: no Node built-ins (only the node crypto backend may).',
            },
          ],
        },
      ],
    },
  },
);
