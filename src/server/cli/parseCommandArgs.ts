import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './CliIo';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The options of commands that write into a data directory (`--data`, `--config`) or a running server (`--url`,
 * `--region` for V4 signing, default `cn-beijing`).
 */
export const TARGET_OPTIONS = {
  data: { type: 'string' },
  config: { type: 'string' },
  url: { type: 'string' },
  region: { type: 'string', default: 'cn-beijing' },
} as const;

/** The `parseArgs` config of a command with options `TOptions`. */
type CommandConfig<TOptions extends OptionsConfig> = {
  args: string[];
  options: TOptions & typeof HELP_OPTION;
  strict: true;
  allowPositionals: boolean;
};

/**
 * Parses a command's arguments with `-h, --help` added: an unknown option or a value of the wrong kind throws (as
 * `node:util` `parseArgs` does with `strict`), and positionals are an error unless `allowPositionals` is set
 * (default `false`). Prints `help` and returns `undefined` when asked for help, so the command exits 0.
 */
export function parseCommandArgs<const TOptions extends OptionsConfig>(
  io: CliIo,
  args: readonly string[],
  help: string,
  options: TOptions,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  const parsed = parseArgs<CommandConfig<TOptions>>({
    args: [...args],
    options: { ...options, ...HELP_OPTION },
    strict: true,
    allowPositionals,
  });
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return undefined;
  }
  return parsed;
}
