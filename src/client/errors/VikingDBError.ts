import { describeErrorCode, type VikingDBErrorCode, type VikingDBErrorCodeName } from './errorCodes';

/** Everything the kit knows about a failed call, shared by every error class. */
export interface VikingDBErrorDetails {
  /**
   * The service's error code: a string for the vector API (`"InvalidParameter"`,
   * `"NotFound.VikingdbCollection"`), a number for the memory API (`1000005`), or a
   * client-side label (`"Timeout"`, `"NetworkError"`, `"ValidationError"`, `"ConfigError"`).
   */
  code: string | number;
  message: string;
  /** HTTP status of the response; `undefined` when no response arrived. */
  status?: number | undefined;
  /** The request id from the body's `request_id`, else the `X-Tt-Logid` response header, else the id the caller sent. */
  requestId?: string | undefined;
  /** HTTP method of the call, e.g. `"POST"`. */
  method?: string | undefined;
  /** The URL that was called. */
  url?: string | undefined;
  /** What to do next, in one sentence. */
  hint?: string | undefined;
  /** How many attempts were made (1 = no retry). */
  attempts?: number | undefined;
  cause?: unknown;
}

/**
 * Base class of every error the kit throws (a caller's own abort is rethrown as is and is not one of these).
 * Check with `instanceof` or {@link isVikingDBError}.
 */
export class VikingDBError extends Error {
  // Fields are `declare`d and set in the constructor: no separate field definitions in the shipped code.
  override name = 'VikingDBError';
  declare readonly code: string | number;
  declare readonly status: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  declare readonly hint: string | undefined;
  declare readonly attempts: number | undefined;
  /** The service's own message, without the status, code, request id and hint that `message` adds. */
  declare readonly serviceMessage: string;

  constructor(details: VikingDBErrorDetails) {
    super(composeMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.method = details.method;
    this.url = details.url;
    this.hint = details.hint;
    this.attempts = details.attempts;
    this.serviceMessage = details.message;
  }

  /** A plain object for logs and JSON responses; never contains credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.serviceMessage,
      status: this.status,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      hint: this.hint,
      attempts: this.attempts,
    };
  }
}

function composeMessage(d: VikingDBErrorDetails): string {
  const tags = [d.status === undefined ? undefined : String(d.status), String(d.code)].filter(Boolean);
  let text = `[${tags.join(' ')}] ${d.message}`;
  if (d.requestId) text += ` (request id ${d.requestId})`;
  if (d.hint) text += `\n${d.hint}`;
  return text;
}

/**
 * True when `value` is an error thrown by the kit; with `code`, only when it also carries that code — given by name
 * (`'CollectionNotExist'`, which matches the condition in every domain: `NotFound.VikingdbCollection` from the vector
 * API, 1000005 from memory and knowledge) or as the exact value (`MemoryErrorCode.CollectionNotExist`). Default: any
 * code.
 *
 * @example
 * if (isVikingDBError(e, 'InvalidParameter')) showFieldError(e.serviceMessage);
 */
export function isVikingDBError(
  value: unknown,
  code?: VikingDBErrorCodeName | VikingDBErrorCode,
): value is VikingDBError {
  return (
    value instanceof VikingDBError &&
    (code === undefined || value.code === code || describeErrorCode(value.code)?.name === code)
  );
}
