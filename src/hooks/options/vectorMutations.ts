import { mutationOptions, type MutationFunctionContext } from '@tanstack/react-query';
import type {
  AnyFields,
  CollectionLocator,
  CollectionOptions,
  DeleteOptions,
  DeleteTarget,
  PrimaryKey,
  RequestOptions,
  UpdateOptions,
  UpsertOptions,
  VikingClient,
} from '../../client';
import { patchCachedItems, restoreCache, type CacheSnapshot } from '../cachePatch';
import { vikingKeys } from '../keys';

/** Which collection a mutation writes to. */
export interface CollectionTarget extends CollectionOptions {
  collection: CollectionLocator;
}

/** Variables of an upsert or update. */
export interface RowsVariables<TFields> {
  rows: ReadonlyArray<Partial<TFields>>;
  options?: (UpsertOptions & RequestOptions) | undefined;
}

/** Refetches every query on the collection once a mutation settles. */
const settle = (collection: CollectionLocator) => ({
  onSettled: (_d: unknown, _e: Error | null, _v: unknown, _r: unknown, context: MutationFunctionContext) =>
    context.client.invalidateQueries({ queryKey: vikingKeys.vector.collection(collection) }),
});

/** Upsert rows; afterwards every query on the collection refetches. */
export function upsertMutationOptions<TFields = AnyFields>(client: VikingClient, target: CollectionTarget) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'upsert'],
    mutationFn: ({ rows, options }: RowsVariables<TFields>) =>
      client.vector.collection<TFields>(target.collection, target).upsert(rows, options),
    ...settle(target.collection),
  });
}

/** The id of a row in an update: its `primaryKey` field, else `__AUTO_ID__`, else `id`. */
function rowId(row: Record<string, unknown>, primaryKey: string | undefined): PrimaryKey | undefined {
  const value = primaryKey ? row[primaryKey] : (row['__AUTO_ID__'] ?? row['id']);
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * Update fields of rows. Cached search and fetch results show the new values at once (optimistic) and go back
 * if the service refuses; the collection's queries refetch afterwards.
 */
export function updateMutationOptions<TFields = AnyFields>(
  client: VikingClient,
  target: CollectionTarget & { primaryKey?: string | undefined },
) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'update'],
    mutationFn: ({
      rows,
      options,
    }: {
      rows: ReadonlyArray<Partial<TFields>>;
      options?: (UpdateOptions & RequestOptions) | undefined;
    }) => client.vector.collection<TFields>(target.collection, target).update(rows, options),
    onMutate: async ({ rows }, context): Promise<CacheSnapshot> => {
      const changes = new Map<string, Record<string, unknown>>();
      for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
        const id = rowId(row, target.primaryKey);
        if (id !== undefined) changes.set(String(id), row);
      }
      return patchCachedItems(context.client, vikingKeys.vector.collection(target.collection), (items) =>
        items.map((item) => {
          const row = item as { id: PrimaryKey; fields: Record<string, unknown> };
          const change = changes.get(String(row.id));
          if (!change) return item;
          const fields = { ...row.fields };
          for (const key of Object.keys(row.fields)) if (key in change) fields[key] = change[key];
          return { ...row, fields };
        }),
      );
    },
    onError: (_error, _variables, snapshot, context) => restoreCache(context.client, snapshot),
    ...settle(target.collection),
  });
}

/** Variables of a delete. */
export interface DeleteVariables {
  target: DeleteTarget;
  options?: (DeleteOptions & RequestOptions) | undefined;
}

/**
 * Delete rows. They disappear from cached search and fetch results at once (optimistic) and come back if the
 * service refuses; the collection's queries refetch afterwards.
 */
export function deleteMutationOptions(client: VikingClient, target: CollectionTarget) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'delete'],
    mutationFn: ({ target: what, options }: DeleteVariables) =>
      client.vector.collection(target.collection, target).delete(what, options),
    onMutate: async ({ target: what }, context): Promise<CacheSnapshot> => {
      const gone = 'ids' in what ? new Set(what.ids.map(String)) : undefined;
      return patchCachedItems(context.client, vikingKeys.vector.collection(target.collection), (items) =>
        gone ? items.filter((item) => !gone.has(String((item as { id: PrimaryKey }).id))) : [],
      );
    },
    onError: (_error, _variables, snapshot, context) => restoreCache(context.client, snapshot),
    ...settle(target.collection),
  });
}
