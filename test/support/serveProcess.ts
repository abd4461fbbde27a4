/**
 * `vikingdb-kit serve` in a process of its own (the built `bin/` entry on the sources), for tests that kill it with
 * SIGKILL and start it again on the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/vikingdb-kit.js', import.meta.url));

/** A running server process. */
export interface ServeProcess {
  process: ChildProcess;
  /** Its base URL, from the "listening on" line. */
  url: string;
  /** Resolves with the signal that ended the process (`SIGKILL` after a kill -9). */
  exited: Promise<NodeJS.Signals | null>;
}

/** Starts `serve --port 0 --data dataDir --quiet` and resolves once it listens (rejects after 20 s or an early exit). */
export function startServeProcess(dataDir: string): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--quiet'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((done) => proc.on('exit', (_code, signal) => done(signal)));
    const timer = setTimeout(() => reject(new Error(`server did not start; stderr: ${stderr}`)), 20_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ process: proc, url, exited });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening; stderr: ${stderr}`));
    });
  });
}
