/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight, in index order.
 * After `shouldStop()` turns true no new task starts; running ones finish. Resolves when all started tasks settle.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  shouldStop: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !shouldStop()) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}
