import { useMutation } from '@tanstack/react-query';
import type { MemoryLocator } from '../client/memory/types';
import type { AnyFields } from '../client/vector/types';
import { useVikingClient } from './VikingProvider';
import {
  addEventMutationOptions,
  addProfileMutationOptions,
  addSessionMutationOptions,
  batchDeleteEventsMutationOptions,
  batchDeleteProfilesMutationOptions,
  deleteEventMutationOptions,
  deleteProfileMutationOptions,
  triggerProfileUpdateMutationOptions,
  updateEventMutationOptions,
  updateProfileMutationOptions,
} from './options/memoryMutations';
import {
  deleteMutationOptions,
  updateMutationOptions,
  upsertMutationOptions,
  type CollectionTarget,
} from './options/vectorMutations';

/** Upserts rows: `mutate({ params: rows, options? })`. The collection's queries refetch afterwards. */
export function useUpsert<TFields = AnyFields>(target: CollectionTarget) {
  return useMutation(upsertMutationOptions<TFields>(useVikingClient(), target));
}

/**
 * Updates fields of rows: `mutate({ params: [{ id, score: 5 }] })`. Cached results change at once and roll back on error.
 * `primaryKey` names the key field. Default: `__AUTO_ID__` when present in the row, else `id`.
 */
export function useUpdate<TFields = AnyFields>(target: CollectionTarget & { primaryKey?: string | undefined }) {
  return useMutation(updateMutationOptions<TFields>(useVikingClient(), target));
}

/** Deletes rows: `mutate({ params: { ids } })` (or `{ params: { all: true } }`). They leave cached results at once and come back on error. */
export function useDelete(target: CollectionTarget) {
  return useMutation(deleteMutationOptions(useVikingClient(), target));
}

/** Adds a conversation to a memory collection: `mutate({ params: { sessionId, messages } })`. */
export const useAddSession = (collection: MemoryLocator) =>
  useMutation(addSessionMutationOptions(useVikingClient(), collection));
/** Adds an event. */
export const useAddEvent = (collection: MemoryLocator) =>
  useMutation(addEventMutationOptions(useVikingClient(), collection));
/** Changes an event's memory_info. */
export const useUpdateEvent = (collection: MemoryLocator) =>
  useMutation(updateEventMutationOptions(useVikingClient(), collection));
/** Deletes an event: `mutate({ params: eventId })`. */
export const useDeleteEvent = (collection: MemoryLocator) =>
  useMutation(deleteEventMutationOptions(useVikingClient(), collection));
/** Deletes the events matching a filter. */
export const useBatchDeleteEvents = (collection: MemoryLocator) =>
  useMutation(batchDeleteEventsMutationOptions(useVikingClient(), collection));
/** Adds a profile. */
export const useAddProfile = (collection: MemoryLocator) =>
  useMutation(addProfileMutationOptions(useVikingClient(), collection));
/** Changes a profile's memory_info. */
export const useUpdateProfile = (collection: MemoryLocator) =>
  useMutation(updateProfileMutationOptions(useVikingClient(), collection));
/** Deletes a profile: `mutate({ params: profileId })`. */
export const useDeleteProfile = (collection: MemoryLocator) =>
  useMutation(deleteProfileMutationOptions(useVikingClient(), collection));
/** Deletes the profiles matching a filter. */
export const useBatchDeleteProfiles = (collection: MemoryLocator) =>
  useMutation(batchDeleteProfilesMutationOptions(useVikingClient(), collection));
/** Asks the service to rebuild profiles from recent sessions. */
export const useTriggerProfileUpdate = (collection: MemoryLocator) =>
  useMutation(triggerProfileUpdateMutationOptions(useVikingClient(), collection));
