import { isVikingDBError } from '../../client/errors/VikingDBError';

/** What the viewer shows about a failed request. */
export interface ErrorInfo {
  /** The service's message (without the code and hint the error's `message` adds). */
  message: string;
  code: string | number | undefined;
  status: number | undefined;
  requestId: string | undefined;
  /** What to do next, when the kit knows. */
  hint: string | undefined;
}

/** Reads an {@link ErrorInfo} from anything thrown; `undefined` for no error. */
export function toErrorInfo(error: unknown): ErrorInfo | undefined {
  if (error === null || error === undefined) return undefined;
  if (isVikingDBError(error)) {
    return {
      message: error.serviceMessage,
      code: error.code,
      status: error.status,
      requestId: error.requestId,
      hint: error.hint,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: undefined, status: undefined, requestId: undefined, hint: undefined };
}
