#!/usr/bin/env node
// The vikingdb-kit command. In the repository (src/ present) it runs src/server/cli.ts through tsx, so a stale
// build never hides an edit; in the published package (no src/) it runs the built dist/server/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/server/cli.ts', import.meta.url);
let cli;
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import(new URL('../dist/server/cli.js', import.meta.url).href);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
