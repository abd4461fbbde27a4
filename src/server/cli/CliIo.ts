/**
 * What a CLI command may touch besides its arguments, injectable for tests.
 */

/** Streams, environment and stop signal of one CLI run (see {@link processIo} for the defaults). */
export interface CliIo {
  /** Normal output (banners, summaries, request log lines). Default: `process.stdout`. */
  stdout: (text: string) => void;
  /** Diagnostics and progress. Default: `process.stderr`. */
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress redraws one line). Default: `process.stderr.isTTY`. */
  stderrIsTTY: boolean;
  /** Environment variables. Default: `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Resolves when the process should stop (SIGINT/SIGTERM). Default: the first of those signals; a second one
   * exits at once with status 130.
   */
  waitForStop: () => Promise<string>;
}

/** A thrown usage problem: printed with the command's help hint, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(130));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    waitForStop: waitForSignal,
  };
}
