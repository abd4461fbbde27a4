import { describe, expectTypeOf, it } from 'vitest';
import type * as Client from '../../src/client/index';
import type * as ClientNode from '../../src/client/index.node';
import type * as Hooks from '../../src/hooks/index';

/*
 * Internals stay out of the public entries: each `@ts-expect-error` below fails the type check the day the name is
 * exported again. The runtime lists are pinned by test/unit/exports/entries.test.ts.
 */

describe('internal types are not exported', () => {
  it('vikingdb-kit/client has no Transport, Endpoint or ApiResponse', () => {
    // @ts-expect-error the transport is internal (a VikingCore carries one; its type is not public)
    expectTypeOf<Client.Transport>().toBeObject();
    // @ts-expect-error endpoint descriptors are internal
    expectTypeOf<Client.Endpoint>().toBeObject();
    // @ts-expect-error the unwrapped response is internal
    expectTypeOf<Client.ApiResponse<unknown>>().toBeObject();
    // @ts-expect-error the same in the node build
    expectTypeOf<ClientNode.Transport>().toBeObject();
  });

  it('vikingdb-kit/hooks has no useDebouncedValue or internal helpers', () => {
    // @ts-expect-error debouncing is the `debounceMs` option, not an export
    expectTypeOf<typeof Hooks.useDebouncedValue>().toBeFunction();
    // @ts-expect-error the option merge of the query hooks is internal
    expectTypeOf<typeof Hooks.hookOptions>().toBeFunction();
  });
});

describe('the public types are exported by name', () => {
  it('client: parameter and result types of every domain', () => {
    expectTypeOf<Client.SearchResult<Client.AnyFields>>().toHaveProperty('items');
    expectTypeOf<Client.MemorySearchResult>().toHaveProperty('items');
    expectTypeOf<Client.DocList>().toHaveProperty('items');
    expectTypeOf<Client.PingDomain>().toEqualTypeOf<'vector' | 'memory' | 'knowledge'>();
  });

  it('hooks: one mutation variables shape', () => {
    expectTypeOf<Hooks.MutationVariables<string>>().toEqualTypeOf<{
      params: string;
      options?: Client.RequestOptions | undefined;
    }>();
  });
});
