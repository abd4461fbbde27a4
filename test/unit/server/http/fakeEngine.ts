import type { EngineRequest, EngineResponse, LocalEngine } from '../../../../src/server/local/engine/protocol';

/** A stand-in engine: records every request and answers a vector/memory success echoing what it got. */
export interface FakeEngine extends LocalEngine {
  readonly requests: EngineRequest[];
  /** Makes the next answers wait until the returned release function is called. */
  hold(): () => void;
  closed: boolean;
}

export function createFakeEngine(): FakeEngine {
  const requests: EngineRequest[] = [];
  let gate: Promise<void> | undefined;
  const engine: FakeEngine = {
    requests,
    closed: false,
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    async handle(request): Promise<EngineResponse> {
      requests.push(request);
      if (gate) await gate;
      const memory = request.path.startsWith('/api/memory/');
      return {
        status: 200,
        body: memory
          ? { code: 0, message: 'success', request_id: 'engine-id', data: { path: request.path, body: request.body } }
          : {
              code: 'Success',
              message: 'ok',
              request_id: 'engine-id',
              result: { path: request.path, method: request.method, body: request.body },
            },
      };
    },
    async settled() {},
    async close() {
      engine.closed = true;
    },
  };
  return engine;
}
