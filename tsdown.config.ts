import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    'client/index': 'src/client/index.ts',
    'client/index.node': 'src/client/index.node.ts',
    'server/cli': 'src/server/cli.ts',
    'hooks/index': 'src/hooks/index.ts',
    'msw/index': 'src/msw/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  deps: { neverBundle: [/^node:/, 'ky', /^zod/, 'react', 'react-dom', /^react\//, /^@tanstack\//, /^msw/] },
});
