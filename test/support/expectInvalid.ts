import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { expect } from 'vitest';
import { ValidationError } from '../../src/client/index.node';

/**
 * Expects `run` to throw ValidationError naming `path` (with `message`, when given), and that nothing reached the
 * network: every request `server` sees in the meantime is counted.
 */
export async function expectInvalid(
  server: SetupServer,
  run: () => Promise<unknown>,
  path: string,
  message?: RegExp,
): Promise<void> {
  let requests = 0;
  server.use(
    http.all(/.*/, () => {
      requests++;
      return HttpResponse.json({});
    }),
  );
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const issues = (error as ValidationError).issues;
  expect(issues.map((i) => i.path)).toContain(path);
  if (message) expect(issues.find((i) => i.path === path)!.message).toMatch(message);
  expect((error as ValidationError).message).toContain(path);
  expect(requests).toBe(0);
}
