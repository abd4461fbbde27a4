/**
 * Runs `callback` before the next paint (`requestAnimationFrame`), or after ~16 ms where there are no frames (a
 * server, a worker, a test without a DOM). Returns a function that cancels it.
 */
export function nextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}
