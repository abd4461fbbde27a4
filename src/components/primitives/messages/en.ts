/**
 * English strings of the shared primitives (copy, confirm, error notice, loading, score). Every component's catalog
 * includes them, so a component's `messages` prop can replace them too.
 */
export const primitivesEn = {
  'copy.label': 'Copy',
  'copy.done': 'Copied',
  'copy.failed': 'Copy failed',
  'confirm.ask': 'Confirm?',
  'confirm.cancel': 'Cancel',
  'error.title': 'The request failed',
  'error.code': 'Code',
  'error.status': 'Status',
  'error.requestId': 'Request id',
  'error.hint': 'What to do',
  'error.retry': 'Try again',
  'loading.label': 'Loading',
  'score.label': 'Score {score}',
} as const;

/** A key of the primitives' strings. */
export type PrimitiveMessageKey = keyof typeof primitivesEn;

/** Every string of the shared primitives, by key. */
export type PrimitiveMessages = { readonly [K in PrimitiveMessageKey]: string };
