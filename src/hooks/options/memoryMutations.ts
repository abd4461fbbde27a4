import { mutationOptions } from '@tanstack/react-query';
import type {
  AddEventParams,
  AddProfileParams,
  AddSessionParams,
  EventBatchDeleteParams,
  MemoryCollection,
  MemoryLocator,
  ProfileBatchDeleteParams,
  RequestOptions,
  TriggerProfileUpdateParams,
  UpdateEventParams,
  UpdateProfileParams,
  VikingClient,
} from '../../client';
import { vikingKeys } from '../keys';
import type { MutationVariables } from './mutationVariables';

/** @deprecated The variables of every mutation are {@link MutationVariables}: this is the same type. */
export type MemoryVariables<TParams> = MutationVariables<TParams>;

/** Builds options for one memory write; afterwards every query on that memory collection refetches. */
function memoryMutation<TParams, TResult>(
  client: VikingClient,
  collection: MemoryLocator,
  name: string,
  run: (memory: MemoryCollection, params: TParams, options: RequestOptions | undefined) => Promise<TResult>,
) {
  return mutationOptions({
    mutationKey: [...vikingKeys.memory.collection(collection), name],
    mutationFn: ({ params, options }: MutationVariables<TParams>) =>
      run(client.memory.collection(collection), params, options),
    onSettled: (_data, _error, _variables, _result, context) =>
      context.client.invalidateQueries({ queryKey: vikingKeys.memory.collection(collection) }),
  });
}

/** Mutation options for `memory.addSession` on `collection`; afterwards its memory queries refetch. */
export const addSessionMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'addSession', (m, p: AddSessionParams, o) => m.addSession(p, o));
/** Mutation options for `memory.events.add` on `collection`; afterwards its memory queries refetch. */
export const addEventMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'addEvent', (m, p: AddEventParams, o) => m.events.add(p, o));
/** Mutation options for `memory.events.update` on `collection`; afterwards its memory queries refetch. */
export const updateEventMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'updateEvent', (m, p: UpdateEventParams, o) => m.events.update(p, o));
/** Mutation options for `memory.events.delete` (variables: `{ params: eventId }`) on `collection`; afterwards its memory queries refetch. */
export const deleteEventMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'deleteEvent', (m, eventId: string, o) => m.events.delete(eventId, o));
/** Mutation options for `memory.events.batchDelete` on `collection`; afterwards its memory queries refetch. */
export const batchDeleteEventsMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'batchDeleteEvents', (m, p: EventBatchDeleteParams, o) =>
    m.events.batchDelete(p, o),
  );
/** Mutation options for `memory.profiles.add` on `collection`; afterwards its memory queries refetch. */
export const addProfileMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'addProfile', (m, p: AddProfileParams, o) => m.profiles.add(p, o));
/** Mutation options for `memory.profiles.update` on `collection`; afterwards its memory queries refetch. */
export const updateProfileMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'updateProfile', (m, p: UpdateProfileParams, o) => m.profiles.update(p, o));
/** Mutation options for `memory.profiles.delete` (variables: `{ params: profileId }`) on `collection`; afterwards its memory queries refetch. */
export const deleteProfileMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'deleteProfile', (m, profileId: string, o) => m.profiles.delete(profileId, o));
/** Mutation options for `memory.profiles.batchDelete` on `collection`; afterwards its memory queries refetch. */
export const batchDeleteProfilesMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'batchDeleteProfiles', (m, p: ProfileBatchDeleteParams, o) =>
    m.profiles.batchDelete(p, o),
  );
/** Mutation options for `memory.profiles.triggerUpdate` on `collection`; afterwards its memory queries refetch. */
export const triggerProfileUpdateMutationOptions = (client: VikingClient, collection: MemoryLocator) =>
  memoryMutation(client, collection, 'triggerProfileUpdate', (m, p: TriggerProfileUpdateParams, o) =>
    m.profiles.triggerUpdate(p, o),
  );
