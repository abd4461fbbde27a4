/** Browser stand-in for `util`: `sign.js` only calls `util.debuglog('signer')`, which is off unless NODE_DEBUG. */
export function debuglog(): (...args: unknown[]) => void {
  return () => {};
}

export default { debuglog };
