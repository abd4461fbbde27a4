/**
 * Browser stand-in for the `Buffer` global (esbuild `inject`): `sign.js` only calls `Buffer.isBuffer(body)`.
 * Node's Buffer is a Uint8Array, so this answers as Node would for the string bodies benchmarked.
 */
export const Buffer = {
  isBuffer: (value: unknown): boolean => value instanceof Uint8Array,
};
