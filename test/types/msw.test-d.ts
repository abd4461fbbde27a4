import type { RequestHandler } from 'msw';
import { describe, expectTypeOf, it } from 'vitest';
import { createVikingHandlers, defaultConfig, parseLocalConfig, type LocalConfig } from '../../src/msw/index';

describe('msw typing', () => {
  it('createVikingHandlers returns MSW request handlers; every option is optional', () => {
    expectTypeOf(createVikingHandlers()).toEqualTypeOf<RequestHandler[]>();
    expectTypeOf(createVikingHandlers).toBeCallableWith({ seed: 'demo', baseUrl: 'http://localhost:8329' });
    expectTypeOf(defaultConfig).toExtend<LocalConfig>();
    expectTypeOf(parseLocalConfig).returns.toEqualTypeOf<LocalConfig>();
    // @ts-expect-error seed is a boolean or 'demo'
    createVikingHandlers({ seed: 'all' });
  });
});
