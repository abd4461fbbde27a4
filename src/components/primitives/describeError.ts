import { isVikingDBError } from '../../client/errors/VikingDBError';

/** What a UI shows about a failed request. */
export interface ErrorInfo {
  /** The service's message (without the code and hint the error's `message` adds). */
  message: string;
  code: string | number | undefined;
  status: number | undefined;
  requestId: string | undefined;
  /** What to do next, when the kit knows. */
  hint: string | undefined;
}

/** What an error says, whatever its kind: a `VikingDBError` gives code, status, request id and hint. */
export function describeError(error: unknown): ErrorInfo {
  if (isVikingDBError(error)) {
    return {
      message: error.serviceMessage || error.message,
      code: error.code,
      status: error.status,
      requestId: error.requestId,
      hint: error.hint,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: undefined, status: undefined, requestId: undefined, hint: undefined };
}
