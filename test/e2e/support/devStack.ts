import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/dev.ts and playground/ are found from here). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A running `npm run dev` (scripts/dev.ts): the local server and the Vite playground, in one process. */
export interface DevStack {
  /** The local VikingDB server, e.g. `http://127.0.0.1:41234`. */
  localUrl: string;
  /** The playground, e.g. `http://127.0.0.1:41235/`. */
  playgroundUrl: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /**
   * Sends `signal` (to the whole process group with `group`, as a terminal's Ctrl-C does), waits for the process to
   * exit and reports how it ended. Idempotent.
   */
  stop(
    signal?: NodeJS.Signals,
    options?: { group?: boolean },
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  pid: number;
}

const URL_LINE = {
  local: /^local VikingDB server\s+(http:\/\/\S+)/m,
  playground: /^playground\s+(http:\/\/\S+)/m,
};

/** The environment a terminal running `npm run dev` would have: without vitest's own variables and NODE_ENV=test. */
export function devEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Starts `node --import tsx scripts/dev.ts` (what `npm run dev` runs; `via: 'npm'` runs `npm run dev` itself,
 * through npm and the tsx CLI) with free ports and the given data dir, and
 * resolves once both URLs are printed. The process leads its own process group, so {@link processGroupOutlives} can
 * tell whether anything it started outlived it.
 */
export async function startDevStack(
  dataDir: string,
  { via = 'node', timeoutMs = 60_000 }: { via?: 'node' | 'npm'; timeoutMs?: number } = {},
): Promise<DevStack> {
  const [command, args] =
    via === 'npm' ? ['npm', ['run', '--silent', 'dev']] : [process.execPath, ['--import', 'tsx', 'scripts/dev.ts']];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...devEnvironment(),
      VIKINGDB_DATA: dataDir,
      VIKINGDB_PORT: '0',
      PLAYGROUND_PORT: '0',
      // The cloud choice stays off: no credentials reach the test stack.
      VIKINGDB_AK: '',
      VIKINGDB_SK: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = exited(child);

  let stopping: ReturnType<DevStack['stop']> | undefined;
  const stop: DevStack['stop'] = (signal = 'SIGTERM', { group = false } = {}) => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        if (group) process.kill(-child.pid!, signal);
        else child.kill(signal);
      }
      // Last resort, so a hung stop cannot leave servers behind: the group this helper started.
      const timer = setTimeout(() => groupAlive(child.pid!) && process.kill(-child.pid!, 'SIGKILL'), 20_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    })();
    return stopping;
  };

  const urls = await new Promise<{ local: string; playground: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error(`scripts/dev.ts printed no URLs within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const local = URL_LINE.local.exec(output)?.[1];
      const playground = URL_LINE.playground.exec(output)?.[1];
      if (local && playground) {
        done();
        resolve({ local, playground });
      }
    };
    const onExit = () => {
      done();
      reject(new Error(`scripts/dev.ts exited before printing its URLs:\n${output}`));
    };
    const done = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
  }).catch(async (error: unknown) => {
    await stop('SIGKILL', { group: true });
    throw error;
  });

  return { localUrl: urls.local, playgroundUrl: urls.playground, output: () => output, stop, pid: child.pid! };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Whether a process of the group `pid` leads is still running `withinMs` after the leader exited. Helpers that end
 * when their parent's pipe closes (a bundler service, say) get that long; anything still there is an orphan.
 */
export async function processGroupOutlives(pid: number, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The processes of group `pid` (for a failure message). */
export function listProcessGroup(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'pid,ppid,stat,args', '-g', String(pid)], { encoding: 'utf8' });
  } catch {
    return '(ps found none)';
  }
}

/** Whether `port` on 127.0.0.1 can be listened on again (nobody holds it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The port of a URL such as `http://127.0.0.1:41234/`. */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}
