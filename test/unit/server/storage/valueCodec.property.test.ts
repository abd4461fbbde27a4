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

  it('packs vectors in about 8 bytes per number', () => {
    const vector = Array.from({ length: 768 }, () => Math.random());
    const size = encodeValue({ vector }).length;
    expect(size).toBeLessThan(768 * 8 + 64);
    expect(size).toBeLessThan(JSON.stringify({ vector }).length / 2);
  });
});
