import { mutationOptions, type MutationFunctionContext } from '@tanstack/react-query';
import type { VikingClient } from '../../client/createClient';
import type { RequestOptions } from '../../client/transport/RequestOptions';
import type { CollectionOptions } from '../../client/vector/collection';
import type {
  AnyFields,
  CollectionLocator,
  DeleteOptions,
  DeleteTarget,
  PrimaryKey,
  UpdateOptions,
  UpsertOptions,
} from '../../client/vector/types';
import { patchCachedItems, restoreCache, type CacheSnapshot } from '../cachePatch';
import { vikingKeys } from '../keys';
import type { MutationVariables } from './mutationVariables';

/** Which collection a mutation writes to. */
export interface CollectionTarget extends CollectionOptions {
  collection: CollectionLocator;
}

/** The earlier variables of an upsert or update. */
export interface RowsVariables<TFields> {
  /** @deprecated Pass `{ params: rows }` (the variables of every mutation). */
  rows: ReadonlyArray<Partial<TFields>>;
  options?: (UpsertOptions & RequestOptions) | undefined;
}

/** Variables of an upsert: `{ params: rows, options? }` (options default none). */
export type UpsertVariables<TFields> =
  MutationVariables<ReadonlyArray<Partial<TFields>>, UpsertOptions & RequestOptions> | RowsVariables<TFields>;

/** Variables of an update: `{ params: rows, options? }`, each row with its primary key (options default none). */
export type UpdateVariables<TFields> =
  MutationVariables<ReadonlyArray<Partial<TFields>>, UpdateOptions & RequestOptions> | RowsVariables<TFields>;

/** The rows of upsert or update variables, in either shape. */
const rowsOf = <TFields>(variables: UpsertVariables<TFields>) =>
  'params' in variables ? variables.params : variables.rows;

/** Refetches every query on the collection once a mutation settles. */
const settle = (collection: CollectionLocator) => ({
  onSettled: (_d: unknown, _e: Error | null, _v: unknown, _r: unknown, context: MutationFunctionContext) =>
    context.client.invalidateQueries({ queryKey: vikingKeys.vector.collection(collection) }),
});

/** Upsert rows (`{ params: rows }`); afterwards every query on the collection refetches. */
export function upsertMutationOptions<TFields = AnyFields>(client: VikingClient, target: CollectionTarget) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'upsert'],
    mutationFn: (variables: UpsertVariables<TFields>) =>
      client.vector.collection<TFields>(target.collection, target).upsert(rowsOf(variables), variables.options),
    ...settle(target.collection),
  });
}

/** The id of a row in an update: its `primaryKey` field, else `__AUTO_ID__`, else `id`. */
function rowId(row: Record<string, unknown>, primaryKey: string | undefined): PrimaryKey | undefined {
  const value = primaryKey ? row[primaryKey] : (row['__AUTO_ID__'] ?? row['id']);
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * Update fields of rows (`{ params: rows }`). Cached search and fetch results show the new values at once (optimistic) and go back
 * if the service refuses; the collection's queries refetch afterwards.
 */
export function updateMutationOptions<TFields = AnyFields>(
  client: VikingClient,
  target: CollectionTarget & { primaryKey?: string | undefined },
) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'update'],
    mutationFn: (variables: UpdateVariables<TFields>) =>
      client.vector.collection<TFields>(target.collection, target).update(rowsOf(variables), variables.options),
    onMutate: async (variables, context): Promise<CacheSnapshot> => {
      const changes = new Map<string, Record<string, unknown>>();
      for (const row of rowsOf(variables) as ReadonlyArray<Record<string, unknown>>) {
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

/** The earlier variables of a delete. */
export interface TargetVariables {
  /** @deprecated Pass `{ params: target }` (the variables of every mutation). */
  target: DeleteTarget;
  options?: (DeleteOptions & RequestOptions) | undefined;
}

/** Variables of a delete: `{ params: { ids } | { all: true }, options? }` (options default none). */
export type DeleteVariables = MutationVariables<DeleteTarget, DeleteOptions & RequestOptions> | TargetVariables;

/** The delete target of delete variables, in either shape. */
const deleteTargetOf = (variables: DeleteVariables) => ('params' in variables ? variables.params : variables.target);

/**
 * Delete rows (`{ params: { ids } }` or `{ params: { all: true } }`). They disappear from cached search and fetch results at once (optimistic) and come back if the
 * service refuses; the collection's queries refetch afterwards.
 */
export function deleteMutationOptions(client: VikingClient, target: CollectionTarget) {
  return mutationOptions({
    mutationKey: [...vikingKeys.vector.collection(target.collection), 'delete'],
    mutationFn: (variables: DeleteVariables) =>
      client.vector.collection(target.collection, target).delete(deleteTargetOf(variables), variables.options),
    onMutate: async (variables, context): Promise<CacheSnapshot> => {
      const what = deleteTargetOf(variables);
      const gone = 'ids' in what ? new Set(what.ids.map(String)) : undefined;
      return patchCachedItems(context.client, vikingKeys.vector.collection(target.collection), (items) =>
        gone ? items.filter((item) => !gone.has(String((item as { id: PrimaryKey }).id))) : [],
      );
    },
    onError: (_error, _variables, snapshot, context) => restoreCache(context.client, snapshot),
    ...settle(target.collection),
  });
}
