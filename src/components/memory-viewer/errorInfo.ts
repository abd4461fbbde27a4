import { describeError, type ErrorInfo } from '../primitives/describeError';

export type { ErrorInfo };

/** Reads an {@link ErrorInfo} from anything thrown; `undefined` for no error. */
export function toErrorInfo(error: unknown): ErrorInfo | undefined {
  return error === null || error === undefined ? undefined : describeError(error);
}
