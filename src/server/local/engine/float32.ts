/**
 * VikingDB stores vector components, sparse weights and float32 fields as 32-bit floats. A JSON number that is finite
 * as a double but beyond ±3.4e38 (say `1e308`) becomes `Infinity` once stored, and every score computed from it
 * becomes `Infinity` or `NaN` — which JSON answers as `null`. Such values are refused as they arrive.
 */

/** The largest finite float32: 3.4028234663852886e38. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** True for a number that stays finite as a float32. */
export function isFiniteFloat32(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= FLOAT32_MAX;
}

/** True on little-endian hosts, where float32 bytes read back as they were written (stored data is little-endian). */
export const LITTLE_ENDIAN = new Uint8Array(new Float32Array([1]).buffer)[3] === 0x3f;

/** What a message says of a value that is not a finite float32. */
export const FINITE_FLOAT32 = 'must be a finite float32 number (at most ±3.4e38)';
