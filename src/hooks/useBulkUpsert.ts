import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type AnyFields,
  type BulkProgress,
  BulkWriteError,
  type BulkWriteResult,
  type UpsertAllOptions,
} from '../client';
import { vikingKeys } from './keys';
import type { CollectionTarget } from './options/vectorMutations';
import { useVikingClient } from './VikingProvider';

/** State of a bulk upsert. */
export interface BulkUpsertState {
  status: 'idle' | 'running' | 'success' | 'error' | 'cancelled';
  progress: BulkProgress | undefined;
  result: BulkWriteResult | undefined;
  /** On failure or cancel: which rows were written, failed, uncertain or never sent. Default: undefined. */
  error: BulkWriteError | undefined;
  /**
   * On a failure that is not a {@link BulkWriteError} (such as a `ValidationError` of the options, thrown before any
   * row is sent): that error, which `start` also rejects with. Default: undefined.
   */
  failure: unknown;
}

const IDLE: BulkUpsertState = {
  status: 'idle',
  progress: undefined,
  result: undefined,
  error: undefined,
  failure: undefined,
};

/**
 * Writes any number of rows with progress and cancel: `start(rows)`, `cancel()`. Only one run at a time; starting
 * again cancels the previous run. The collection's queries refetch when a run ends. Unmounting cancels.
 */
export function useBulkUpsert<TFields = AnyFields>(
  target: CollectionTarget & Omit<UpsertAllOptions, 'signal' | 'onProgress'>,
) {
  const client = useVikingClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<BulkUpsertState>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);
  const latestTarget = useRef(target);
  useEffect(() => {
    latestTarget.current = target;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (rows: ReadonlyArray<Partial<TFields>>): Promise<BulkUpsertState> => {
      const { collection, autoId, ...options } = latestTarget.current;
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ ...IDLE, status: 'running' });
      let final: BulkUpsertState;
      let rethrow = false;
      try {
        const result = await client.vector.collection<TFields>(collection, { autoId }).upsertAll(rows, {
          ...options,
          signal: own.signal,
          onProgress: (progress) => {
            if (controller.current === own) setState((s) => ({ ...s, progress }));
          },
        });
        final = { ...IDLE, status: 'success', result };
      } catch (error) {
        const bulk = error instanceof BulkWriteError ? error : undefined;
        rethrow = bulk === undefined;
        final = {
          ...IDLE,
          status: own.signal.aborted ? 'cancelled' : 'error',
          error: bulk,
          failure: bulk ? undefined : error,
        };
      }
      void queryClient.invalidateQueries({ queryKey: vikingKeys.vector.collection(collection) });
      // Every run ends in a final state, whatever it failed with; only then does `start` reject.
      if (controller.current === own) setState((s) => ({ ...final, progress: s.progress }));
      if (rethrow) throw final.failure;
      return final;
    },
    [client, queryClient],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return {
    ...state,
    /** Starts a run over `rows` (cancelling a run in progress); resolves with the final state. */
    start,
    /** Cancels the run in progress; rows already sent stay written. */
    cancel,
    /** Back to the idle state. */
    reset,
  };
}
