/**
 * A body stream that gives up when its source goes quiet: while a chunk is awaited, `idleMs` without one →
 * `onIdle()` runs (the proxy aborts the upstream call there) and the stream errors, so the client sees a broken-off
 * answer instead of waiting for ever. A slow but steady body passes however long it takes in total, and time spent
 * waiting for a slow reader (backpressure) does not count.
 */
export function withIdleTimeout(
  body: ReadableStream<Uint8Array>,
  idleMs: number,
  onIdle: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        timer = setTimeout(() => {
          const error = new Error(`the upstream sent nothing for ${idleMs} ms`);
          onIdle();
          controller.error(error);
          reader.cancel(error).catch(() => undefined);
        }, idleMs);
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    },
    // Pull only when the client reads: nothing is buffered beyond what the upstream stream itself holds.
    { highWaterMark: 0 },
  );
}
