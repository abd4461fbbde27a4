import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    'client/index': 'src/client/index.ts',
    'client/index.node': 'src/client/index.node.ts',
    'server/cli': 'src/server/cli.ts',
    'server/index': 'src/server/index.ts',
    'hooks/index': 'src/hooks/index.ts',
    'components/index': 'src/components/index.ts',
    'components/knowledge-chat': 'src/components/knowledge-chat/index.ts',
    'msw/index': 'src/msw/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  // Plain CSS shipped as `vikingdb-kit/components/styles.css` (components never import it themselves).
  copy: [
    { from: 'src/components/styles.css', to: 'dist/components' },
    { from: 'src/components/knowledge-chat/knowledge-chat.css', to: 'dist/components' },
  ],
  deps: {
    neverBundle: [/^node:/, 'ky', /^zod/, 'react', 'react-dom', /^react\//, /^@tanstack\//, /^msw/, 'usearch', 'unpdf'],
  },
});
