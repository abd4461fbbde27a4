import type { RequestOptions } from '../../client/transport/RequestOptions';

/**
 * Variables of every mutation hook and mutation options factory: `params` is exactly the first argument of the client
 * method the mutation calls (the rows of an upsert, the target of a delete, a memory call's params object, …), and
 * `options` that call's options (default: none).
 *
 * @example
 * upsert.mutate({ params: [{ id: 1, title: 'Intro' }], options: { ttl: 3600 } });
 */
export interface MutationVariables<TParams, TOptions = RequestOptions> {
  params: TParams;
  options?: TOptions | undefined;
}
