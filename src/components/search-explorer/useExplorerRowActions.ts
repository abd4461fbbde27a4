import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { AnyFields, CollectionLocator, PrimaryKey } from '../../client/vector/types';
import { fetchIndexRowsOptions, fetchRowsOptions, useDelete, useUpdate, useUpsert, useVikingClient } from '../../hooks';
import { useUndoQueue, type UndoQueue } from '../primitives/useUndoQueue';
import type { ExplorerMessage, ExplorerNotice, ExplorerQuery } from './explorerTypes';
import { formatVector } from './parseVector';

/** State and actions on single rows ({@link useExplorerRowActions}). */
export interface ExplorerRowActionsState {
  /** Writes one field of a row (`update`: the other fields stay). */
  updateField: (id: PrimaryKey, field: string, value: unknown) => Promise<void>;
  /** An update is in flight. */
  isUpdating: boolean;
  /** The last update's error. */
  updateError: Error | null;
  /** Deletes a row, keeping it (every field, vectors included) so the undo queue can put it back. */
  deleteRow: (id: PrimaryKey) => Promise<void>;
  /** Deleted rows that can still be put back, each for the undo window. */
  undo: UndoQueue<ExplorerMessage>;
  /** The last announcement (deleted, restored, failed). */
  notice: ExplorerNotice | undefined;
  /** Searches by the row's id (rows like it). */
  findSimilar: (id: PrimaryKey) => void;
  /** Fetches the row's vector through the index and runs a vector search with it. */
  pickRowVector: (id: PrimaryKey) => Promise<void>;
}

/** Options of {@link useExplorerRowActions}. */
export interface ExplorerRowActionsOptions {
  collection: CollectionLocator;
  index: string;
  primaryKey: string;
  /** Ms a deleted row can be restored. Default: 5000. */
  undoMs?: number | undefined;
  /** The current inputs, which a find-similar or vector query keeps for the other modes. */
  query: ExplorerQuery;
  /** Runs a query. */
  run: (query: ExplorerQuery) => void;
  /** The row open in the detail panel, and how to close it. */
  selectedId: PrimaryKey | undefined;
  select: (id: PrimaryKey | undefined) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Edit, delete with undo, find similar and "search with this row's vector", each on one row. */
export function useExplorerRowActions(options: ExplorerRowActionsOptions): ExplorerRowActionsState {
  const { collection, index, primaryKey, query, run, selectedId, select } = options;
  const client = useVikingClient();
  const queryClient = useQueryClient();
  const update = useUpdate<AnyFields>({ collection, primaryKey });
  const remove = useDelete({ collection });
  const upsert = useUpsert<AnyFields>({ collection });
  const undo = useUndoQueue<ExplorerMessage>(options.undoMs ?? 5000);
  const [notice, setNotice] = useState<ExplorerNotice | undefined>(undefined);
  const notify = useCallback(
    (kind: ExplorerNotice['kind'], message: ExplorerMessage) =>
      setNotice((previous) => ({ ...message, kind, id: (previous?.id ?? 0) + 1 })),
    [],
  );

  const updateMutate = update.mutateAsync;
  const updateField = useCallback(
    async (id: PrimaryKey, field: string, value: unknown) => {
      await updateMutate({ params: [{ [primaryKey]: id, [field]: value } as Partial<AnyFields>] });
    },
    [primaryKey, updateMutate],
  );

  const removeMutate = remove.mutateAsync;
  const upsertMutate = upsert.mutateAsync;
  const deleteRow = useCallback(
    async (id: PrimaryKey) => {
      const values = { id: String(id) };
      try {
        // The stored row, every field and vector included, so undo restores it exactly.
        const rows = await queryClient.fetchQuery(fetchRowsOptions<AnyFields>(client, { collection, ids: [id] }));
        const found = rows.items[0];
        if (selectedId !== undefined && String(selectedId) === String(id)) select(undefined);
        await removeMutate({ params: { ids: [id] } });
        notify('deleted', { key: 'undo.deleted', values });
        if (!found) return;
        const row = { ...found.fields, [primaryKey]: found.id } as Partial<AnyFields>;
        undo.push({ key: 'undo.deleted', values }, async () => {
          try {
            await upsertMutate({ params: [row] });
            notify('restored', { key: 'undo.restored', values });
          } catch (error) {
            notify('error', { key: 'undo.restoreFailed', values: { ...values, message: messageOf(error) } });
          }
        });
      } catch (error) {
        notify('error', { key: 'undo.failed', values: { ...values, message: messageOf(error) } });
      }
    },
    [client, collection, notify, primaryKey, queryClient, removeMutate, select, selectedId, undo, upsertMutate],
  );

  const findSimilar = useCallback(
    (id: PrimaryKey) => {
      run({ ...query, mode: 'id', id: String(id) });
      select(undefined);
    },
    [query, run, select],
  );

  const pickRowVector = useCallback(
    async (id: PrimaryKey) => {
      const fetched = await queryClient.fetchQuery(
        fetchIndexRowsOptions<AnyFields>(client, { collection, index, ids: [id], outputFields: [] }),
      );
      const vector = fetched.items[0]?.denseVector;
      if (vector) run({ ...query, mode: 'vector', vector: formatVector(vector) });
    },
    [client, collection, index, query, queryClient, run],
  );

  return useMemo(
    () => ({
      updateField,
      isUpdating: update.isPending,
      updateError: update.error,
      deleteRow,
      undo,
      notice,
      findSimilar,
      pickRowVector,
    }),
    [updateField, update.isPending, update.error, deleteRow, undo, notice, findSimilar, pickRowVector],
  );
}
