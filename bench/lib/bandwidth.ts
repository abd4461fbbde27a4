/**
 * The memory-bandwidth bound of an exact scan: how fast this machine reads a large `Float32Array` sequentially, so a
 * scan of `bytes` can take no less than `bytes / bandwidth`. Two readers, best of a few passes over 256 MB (far
 * beyond the caches): a JavaScript loop with four accumulators, and the engine's own native sequential read
 * (`Float32Array.prototype.set`, a memcpy that also writes as much as it reads, so it understates the read speed).
 */
const BYTES = 256 * 1024 * 1024;
const PASSES = 3;

export interface ReadBandwidth {
  /** Bytes per second of the JavaScript four-accumulator sum. */
  jsLoop: number;
  /** Bytes read per second by a native copy. */
  nativeCopy: number;
  /** The larger of the two: the bound used. */
  best: number;
}

let sink = 0;

function sumPass(data: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < data.length; i += 4) {
    s0 += data[i]!;
    s1 += data[i + 1]!;
    s2 += data[i + 2]!;
    s3 += data[i + 3]!;
  }
  return s0 + s1 + s2 + s3;
}

export function measureReadBandwidth(): ReadBandwidth {
  const source = new Float32Array(BYTES / 4);
  for (let i = 0; i < source.length; i++) source[i] = (i % 1000) / 1000;
  const target = new Float32Array(source.length);
  let jsMs = Infinity;
  let copyMs = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    let started = performance.now();
    sink += sumPass(source);
    jsMs = Math.min(jsMs, performance.now() - started);
    started = performance.now();
    target.set(source);
    copyMs = Math.min(copyMs, performance.now() - started);
  }
  sink += target[target.length - 1]!;
  const jsLoop = BYTES / (jsMs / 1000);
  const nativeCopy = BYTES / (copyMs / 1000);
  return { jsLoop, nativeCopy, best: Math.max(jsLoop, nativeCopy) + sink * 0 };
}

/** `bytes/s` as GB/s text. */
export function gigabytesPerSecond(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1e9).toFixed(2)} GB/s`;
}
