/**
 * The `vikingdb-kit` command line: `serve`, `seed`, `import`, `docs`, `proxy`. `bin/vikingdb-kit.js` calls {@link runCli};
 * running this file directly (`tsx src/server/cli.ts serve`) works too.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo, UsageError, type CliIo } from './cli/CliIo';
import { DOCS_HELP, docsCommand } from './cli/docsCommand';
import { IMPORT_HELP, importCommand } from './cli/importCommand';
import { PROXY_HELP, proxyCommand } from './cli/proxyCommand';
import { SEED_HELP, seedCommand } from './cli/seedCommand';
import { SERVE_HELP, serveCommand } from './cli/serveCommand';

/** `vikingdb-kit --help`. */
export const MAIN_HELP = `Usage: vikingdb-kit <command> [options]

Commands:
  serve    run a local VikingDB-compatible server (default port 8329)
  seed     load the demo dataset into a data directory
  import   bulk-upsert a JSON Lines file into a collection
  docs     add documents (files or URLs) to a knowledge collection: docs add README.md --collection demo_kb
  proxy    run the signing proxy (AK/SK from VIKINGDB_AK / VIKINGDB_SK; default port 8330)

Run "vikingdb-kit <command> --help" for a command's options.
`;

const COMMANDS: Record<string, { run: (args: readonly string[], io: CliIo) => Promise<number>; help: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  seed: { run: seedCommand, help: SEED_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  docs: { run: docsCommand, help: DOCS_HELP },
  proxy: { run: proxyCommand, help: PROXY_HELP },
};

/**
 * Runs one command line (the arguments after the program name) and resolves with the exit status:
 * 0 success, 1 failure, 2 usage error. Never calls `process.exit` itself (except on a second stop signal).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`vikingdb-kit: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`vikingdb-kit ${name}: ${message}\n`);
    if (usage) io.stderr(`Run "vikingdb-kit ${name} --help" for usage.\n`);
    return usage ? 2 : 1;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = await runCli(process.argv.slice(2));
}
