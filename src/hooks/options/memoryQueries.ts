import { queryOptions } from '@tanstack/react-query';
import type { VikingClient } from '../../client/createClient';
import type { EventSearchParams, MemoryLocator, MemorySearchParams } from '../../client/memory/types';
import { vikingKeys } from '../keys';

/**
 * The options of one of the three memory searches: key under `kind`, and the collection's method of that search
 * (through the client object, so the hooks bundle carries no client code of its own).
 */
function memorySearch<TParams extends MemorySearchParams>(
  client: VikingClient,
  input: { collection: MemoryLocator } & TParams,
  kind: 'search' | 'events' | 'profiles',
) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.memory[kind](collection, params),
    queryFn: ({ signal }) => {
      const memory = client.memory.collection(collection);
      return (kind === 'search' ? memory : memory[kind]).search(params, { signal });
    },
    retry: false,
  });
}

/** Memory search (events and profiles together). Without `query` it lists the newest matches. */
export const memorySearchOptions = (client: VikingClient, input: { collection: MemoryLocator } & MemorySearchParams) =>
  memorySearch(client, input, 'search');

/** Event search, with optional time decay. */
export const eventSearchOptions = (client: VikingClient, input: { collection: MemoryLocator } & EventSearchParams) =>
  memorySearch(client, input, 'events');

/** Profile search. */
export const profileSearchOptions = (client: VikingClient, input: { collection: MemoryLocator } & MemorySearchParams) =>
  memorySearch(client, input, 'profiles');

/** One session with its messages. Disabled without a session id. */
export function sessionInfoOptions(client: VikingClient, input: { collection: MemoryLocator; sessionId: string }) {
  return queryOptions({
    queryKey: vikingKeys.memory.session(input.collection, input.sessionId),
    queryFn: ({ signal }) => client.memory.collection(input.collection).sessionInfo(input.sessionId, { signal }),
    enabled: input.sessionId !== '',
    retry: false,
  });
}
