/**
 * A `CliIo` for command tests: collects what a command writes, takes the environment it is given, and lets the test
 * send the stop signal (Ctrl-C) that `serve` and `proxy` wait for.
 */
import type { CliIo } from '../../src/server/cli/CliIo';

/** A fake terminal and what was written to it. */
export function fakeCliIo(env: Record<string, string> = {}, options: { tty?: boolean } = {}) {
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stderrIsTTY: options.tty ?? false,
    env,
    waitForStop: () => stopped,
  };
  return {
    io,
    /** Sends the stop signal. */
    stop,
    out: () => out.join(''),
    err: () => err.join(''),
    text: () => ({ out: out.join(''), err: err.join('') }),
  };
}
