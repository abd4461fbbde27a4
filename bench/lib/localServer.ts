/**
 * Helpers of the local-server benchmarks: a config with one plain dense collection per dimension, seeded random
 * vectors, an exact naive top-k scan to compare against, and the real CLI server in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseLocalConfig, type LocalConfig, type LocalConfigInput } from '../../src/server/local/config/schema';

/** `bench_<dim>`: int64 `id`, one `vec` field of `dim`; index `idx` (inner product), no scalar fields. */
export function benchConfigInput(dims: readonly number[]): LocalConfigInput {
  return {
    collections: dims.map((dim) => ({
      name: `bench_${dim}`,
      primaryKey: { name: 'id', type: 'int64' as const },
      fields: [{ name: 'vec', type: 'vector' as const, dim }],
      indexes: [{ name: 'idx', distance: 'ip' as const, scalarFields: [] }],
    })),
    memoryCollections: [],
  };
}

export function benchConfig(dims: readonly number[]): LocalConfig {
  return parseLocalConfig(benchConfigInput(dims));
}

/** A seeded uniform [0, 1) generator (xorshift32), so every run uses the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/**
 * `count` random vectors of `dim` values in [-1, 1], rounded to 3 decimals (short JSON), row-major in one
 * Float32Array — exactly the values the server stores, since it keeps float32 too.
 */
export function randomMatrix(count: number, dim: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const data = new Float32Array(count * dim);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((random() * 2 - 1) * 1000) / 1000;
  return data;
}

/** Row `i` of a matrix as a plain number array (JSON-ready). */
export function rowOf(matrix: Float32Array, dim: number, i: number): number[] {
  return Array.from(matrix.subarray(i * dim, (i + 1) * dim));
}

/**
 * Row `i` of a {@link randomMatrix} as its 3-decimal values: the short JSON whose float32 is exactly the matrix's value
 * (a float32 printed in full takes 17 digits), as a client sending its own decimals would. The array is built by
 * appending, so it is packed like one from `JSON.parse` or an embedding API (V8 serializes a holey one, such as
 * `new Array(dim)` filled in, about a quarter slower).
 */
export function shortRowOf(matrix: Float32Array, dim: number, i: number): number[] {
  const row: number[] = [];
  for (let d = 0; d < dim; d++) row.push(Math.round(matrix[i * dim + d]! * 1000) / 1000);
  return row;
}

/**
 * The naive reference: inner product of the query with every row of the Float32Array, keeping the best `k` in a
 * small sorted array. Returns row indexes, best first.
 */
export function naiveTopK(matrix: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const count = matrix.length / dim;
  const bestIndex: number[] = [];
  const bestScore: number[] = [];
  for (let row = 0; row < count; row++) {
    let dot = 0;
    const offset = row * dim;
    for (let d = 0; d < dim; d++) dot += matrix[offset + d]! * query[d]!;
    if (bestScore.length === k && dot <= bestScore[k - 1]!) continue;
    let at = bestScore.length;
    while (at > 0 && bestScore[at - 1]! < dot) at--;
    bestScore.splice(at, 0, dot);
    bestIndex.splice(at, 0, row);
    if (bestScore.length > k) {
      bestScore.pop();
      bestIndex.pop();
    }
  }
  return bestIndex;
}

const BIN = fileURLToPath(new URL('../../bin/vikingdb-kit.js', import.meta.url));

/** The CLI server in a child process. */
export interface ChildServer {
  url: string;
  /** The child's process id (for its RSS, or a SIGKILL). */
  pid: number;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
  /** Milliseconds from spawning the process until it printed that it listens. */
  listeningAfterMs: number;
  startedAt: number;
  /** SIGTERM (graceful close) and wait for the exit. */
  stop(): Promise<void>;
}

/** Spawns `vikingdb-kit serve --port 0 --quiet ...args` and resolves once it listens. */
export function startChildServer(args: readonly string[]): Promise<ChildServer> {
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onExit = (code: number | null) => reject(new Error(`server exited (${String(code)}): ${stderr}`));
    child.once('exit', onExit);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (!url) return;
      child.off('exit', onExit);
      resolve({
        url,
        pid: child.pid!,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        startedAt,
        listeningAfterMs: performance.now() - startedAt,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
