import { queryOptions } from '@tanstack/react-query';
import type { EventSearchParams, MemoryLocator, MemorySearchParams, VikingClient } from '../../client';
import { vikingKeys } from '../keys';

/** Memory search (events and profiles together). Without `query` it lists the newest matches. */
export function memorySearchOptions(client: VikingClient, input: { collection: MemoryLocator } & MemorySearchParams) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.memory.search(collection, params),
    queryFn: ({ signal }) => client.memory.collection(collection).search(params, { signal }),
    retry: false,
  });
}

/** Event search, with optional time decay. */
export function eventSearchOptions(client: VikingClient, input: { collection: MemoryLocator } & EventSearchParams) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.memory.events(collection, params),
    queryFn: ({ signal }) => client.memory.collection(collection).events.search(params, { signal }),
    retry: false,
  });
}

/** Profile search. */
export function profileSearchOptions(client: VikingClient, input: { collection: MemoryLocator } & MemorySearchParams) {
  const { collection, ...params } = input;
  return queryOptions({
    queryKey: vikingKeys.memory.profiles(collection, params),
    queryFn: ({ signal }) => client.memory.collection(collection).profiles.search(params, { signal }),
    retry: false,
  });
}

/** One session with its messages. Disabled without a session id. */
export function sessionInfoOptions(client: VikingClient, input: { collection: MemoryLocator; sessionId: string }) {
  return queryOptions({
    queryKey: vikingKeys.memory.session(input.collection, input.sessionId),
    queryFn: ({ signal }) => client.memory.collection(input.collection).sessionInfo(input.sessionId, { signal }),
    enabled: input.sessionId !== '',
    retry: false,
  });
}
