/**
 * Parity tests run one script of requests twice: against a real local server over HTTP, then against the MSW handlers
 * (the same engine in-process, at `mswBase`), each on fresh in-memory data, and compare the answers.
 */
import { setupServer } from 'msw/node';
import { createVikingHandlers } from '../../src/msw';
import { createLocalServer } from '../../src/server/local/createLocalServer';

/** The script's answers over HTTP and behind MSW; each server is stopped before the next starts. */
export async function runOnHttpAndMsw<T>(
  mswBase: string,
  runScript: (baseUrl: string) => Promise<T>,
): Promise<{ viaHttp: T; viaMsw: T }> {
  const server = await createLocalServer({ port: 0, inMemory: true, log: false });
  let viaHttp: T;
  try {
    viaHttp = await runScript(server.url);
  } finally {
    await server.close();
  }
  const msw = setupServer(...createVikingHandlers({ baseUrl: mswBase }));
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    return { viaHttp, viaMsw: await runScript(mswBase) };
  } finally {
    msw.close();
  }
}
