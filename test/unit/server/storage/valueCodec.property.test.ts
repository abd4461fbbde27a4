import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../../../src/server/local/storage/valueCodec';

const roundTrip = (value: unknown) => decodeValue(encodeValue(value));
const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('valueCodec', () => {
  it('round-trips like JSON.stringify → JSON.parse for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.stringify(roundTrip(value))).toBe(JSON.stringify(viaJson(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('stores number arrays exactly (packed as float64), including nested ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 0, maxLength: 40 }),
        fc.string(),
        (numbers, key) => {
          const value = { [key]: numbers, list: [numbers, { deeper: numbers }] };
          expect(roundTrip(value)).toEqual(viaJson(value));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stores a Float32Array (or a view into a larger one) as the number array of its values', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 0, maxLength: 40 }), fc.nat({ max: 8 }), (values, offset) => {
        // The same values at an offset inside a larger buffer, as the engine's per-write blocks hand them out.
        const block = new Float32Array(values.length + offset + 3);
        block.set(values, offset);
        const view = block.subarray(offset, offset + values.length);
        const expected = Array.from(values, (n) => (Number.isFinite(n) ? (n === 0 ? 0 : n) : null));
        for (const given of [values, view]) {
          const decoded = roundTrip({ vector: given }) as { vector: Array<number | null> };
          expect(decoded.vector).toEqual(expected);
          expect(decoded.vector.some((n) => Object.is(n, -0))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows JSON for toJSON, undefined, non-finite numbers, boxed values and sparse arrays', () => {
    const sparse = [1, 2, 3, 4, 5, 6, 7, 8];
    delete sparse[3];
    const value = {
      date: new Date(0),
      gone: undefined,
      fn: () => 1,
      list: [undefined, Number.NaN, Infinity, -0, new Number(2), new String('s'), new Boolean(false)],
      packedButNotFinite: [1, 2, 3, 4, 5, 6, 7, Number.NaN],
      sparse,
    };
    expect(roundTrip(value)).toEqual(viaJson(value));
    expect(roundTrip([0, 0, 0, 0, 0, 0, 0, -0])).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Object.is((roundTrip([-0, 1, 2, 3, 4, 5, 6, 7]) as number[])[0], 0)).toBe(true);
    expect(() => encodeValue(undefined)).toThrow(TypeError);
    expect(() => decodeValue(new Uint8Array([9, 0, 0, 0, 0]))).toThrow(/unknown format/);
  });

  it('packs arrays of float32 values in 4 bytes per number, exactly, and mixed ones as float64', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 8, maxLength: 64 }),
        (floats) => {
          const value = { v: floats, mixed: [...floats, 0.1] };
          expect(roundTrip(value)).toEqual(viaJson(value));
          expect(encodeValue({ v: floats }).length).toBeLessThan(floats.length * 4 + 64);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('still decodes the float64-only format (first byte 1)', () => {
    const numbers = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const header = Buffer.from(JSON.stringify([{ v: [], n: 3 }, [[['v'], numbers.length]]]), 'utf8');
    const bytes = Buffer.alloc(5 + header.length + numbers.length * 8);
    bytes[0] = 1;
    bytes.writeUInt32LE(header.length, 1);
    header.copy(bytes, 5);
    numbers.forEach((n, i) => bytes.writeDoubleLE(n, 5 + header.length + i * 8));
    expect(decodeValue(bytes)).toEqual({ v: numbers, n: 3 });
  });

  it('packs vectors in about 8 bytes per number', () => {
    const vector = Array.from({ length: 768 }, () => Math.random());
    const size = encodeValue({ vector }).length;
    expect(size).toBeLessThan(768 * 8 + 64);
    expect(size).toBeLessThan(JSON.stringify({ vector }).length / 2);
  });
});
