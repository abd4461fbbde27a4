/**
 * The dependency rules of docs/architecture.md ("Layers") are enforced by ESLint: each deliberate violation below,
 * linted as if it were a file in its room, fails with `no-restricted-imports`; the allowed imports next to it pass.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });

/** The `no-restricted-imports` messages for `code` placed at `file` (relative to the repository root). */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const violations: [room: string, file: string, code: string, message: RegExp][] = [
  [
    'the client never imports React',
    'src/client/vector/fixture.ts',
    "import { useState } from 'react';\nexport const x = useState;\n",
    /framework-free/,
  ],
  [
    'the client never imports TanStack Query',
    'src/client/fixture.ts',
    "import { QueryClient } from '@tanstack/react-query';\nexport const x = QueryClient;\n",
    /framework-free/,
  ],
  [
    'the client never imports hooks',
    'src/client/knowledge/fixture.ts',
    "import { vikingKeys } from '../../hooks/keys';\nexport const x = vikingKeys;\n",
    /never imports hooks, components, MSW or server/,
  ],
  [
    'the client never imports server code',
    'src/client/fixture.ts',
    "import { ROUTES } from '../server/local/engine/routes';\nexport const x = ROUTES;\n",
    /never imports hooks, components, MSW or server/,
  ],
  [
    'components never import the transport',
    'src/components/search-explorer/fixture.tsx',
    "import type { Transport } from '../../client/transport/transport';\nexport type X = Transport;\n",
    /never import the transport/,
  ],
  [
    'hooks import the client through its index only',
    'src/hooks/fixture.ts',
    "import type { VikingClient } from '../client/createClient';\nexport type X = VikingClient;\n",
    /public index/,
  ],
  [
    'hooks in a subfolder too',
    'src/hooks/options/fixture.ts',
    "import { VECTOR_UPSERT } from '../../client/endpoints';\nexport const x = VECTOR_UPSERT;\n",
    /public index/,
  ],
  [
    'the engine never imports a Node built-in',
    'src/server/local/engine/fixture.ts',
    "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
    /no Node built-ins/,
  ],
  [
    'the engine never imports Node-side storage',
    'src/server/local/engine/fixture.ts',
    "import { openLmdbStorage } from '../storage/lmdbStorage';\nexport const x = openLmdbStorage;\n",
    /Node-side local server/,
  ],
  [
    'the engine never imports the HTTP layer (from any depth)',
    'src/server/local/engine/knowledge/handlers/fixture.ts',
    "import { createHttpApp } from '../../../http/createHttpApp';\nexport const x = createHttpApp;\n",
    /Node-side local server/,
  ],
  [
    'the engine never imports the CLI',
    'src/server/local/engine/vector/fixture.ts',
    "import { serveCommand } from '../../../cli/serveCommand';\nexport const x = serveCommand;\n",
    /Node-side local server/,
  ],
  [
    'browser code never imports classic zod',
    'src/msw/fixture.ts',
    "import { z } from 'zod';\nexport const x = z;\n",
    /zod\/mini/,
  ],
];

const allowed: [room: string, file: string, code: string][] = [
  [
    'the client imports its own modules',
    'src/client/vector/fixture.ts',
    "import { VECTOR_UPSERT } from '../endpoints';\nexport const x = VECTOR_UPSERT;\n",
  ],
  [
    'hooks import the client index',
    'src/hooks/options/fixture.ts',
    "import { f, type VikingClient } from '../../client';\nexport const x = f;\nexport type X = VikingClient;\n",
  ],
  [
    'components import hooks and the client index',
    'src/components/search-explorer/fixture.tsx',
    "import { useVectorSearch } from '../../hooks';\nimport { f } from '../../client';\nexport const x = [useVectorSearch, f];\n",
  ],
  [
    'the engine imports its own browser-safe storage',
    'src/server/local/engine/vector/fixture.ts',
    "import type { Storage } from '../storage/Storage';\nexport type X = Storage;\n",
  ],
  [
    'the engine imports the endpoint catalog and server/shared',
    'src/server/local/engine/fixture.ts',
    "import { ENDPOINTS } from '../../../client/endpoints';\nimport { MAX_TIMER_MS } from '../../shared/maxTimerMs';\nexport const x = [ENDPOINTS, MAX_TIMER_MS];\n",
  ],
  [
    'the Node-side server imports anything',
    'src/server/local/http/fixture.ts',
    "import { readFile } from 'node:fs/promises';\nimport { openLmdbStorage } from '../storage/lmdbStorage';\nexport const x = [readFile, openLmdbStorage];\n",
  ],
];

describe('import boundaries (eslint.config.js)', () => {
  // Loading the config and its plugins takes seconds on a busy machine: once, before the timed tests.
  beforeAll(() => restrictedImports('src/client/fixture.ts', ''), 60_000);

  it.each(violations)('%s: a violation fails lint', async (_room, file, code, message) => {
    const messages = await restrictedImports(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(allowed)('%s: passes lint', async (_room, file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
