import type { Domain } from '../endpoints';
import { quoteInexactIntegers } from '../shared/quoteInexactIntegers';
import { isRecord } from '../shared/read';
/**
 * Reading VikingDB response bodies (api doc §2.1, §2.2).
 *
 * Success is any 2xx; `code` is not checked on a 2xx (no official SDK does). The vector API wraps its payload
 * as `{code:"Success", message, request_id, result}`, the memory API as `{code:0, message, request_id, data}`
 * (some answers use `result`). Error bodies come flat (`{code, message, request_id}`, also with capitalised
 * keys), in the control-plane shape `{ResponseMetadata:{RequestId, Error:{Code, Message}}}`, or not as JSON
 * at all (a gateway's HTML page).
 */

/** Fields found in an error body; any of them may be missing. */
export interface ErrorPayload {
  code?: string | number | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Parses JSON text, returning `undefined` instead of throwing when the text is not JSON. Integers beyond 2^53 that
 * a double cannot hold exactly become digit strings (see {@link quoteInexactIntegers}).
 */
export function parseJsonText(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(quoteInexactIntegers(text)) as unknown;
  } catch {
    return undefined;
  }
}

function asCode(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The request id a body carries, in either envelope shape. */
export function requestIdOfBody(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const meta = body['ResponseMetadata'];
  return (
    asString(body['request_id']) ??
    asString(body['RequestId']) ??
    (isRecord(meta) ? asString(meta['RequestId']) : undefined)
  );
}

/** Extracts code, message and request id from an error body in any of the known shapes. */
export function parseErrorPayload(text: string): ErrorPayload {
  const body = parseJsonText(text);
  if (isRecord(body)) {
    const meta = body['ResponseMetadata'];
    const metaError = isRecord(meta) && isRecord(meta['Error']) ? meta['Error'] : undefined;
    if (metaError) {
      return {
        code: asCode(metaError['Code']) ?? asCode(metaError['CodeN']),
        message: asString(metaError['Message']),
        requestId: requestIdOfBody(body),
      };
    }
    return {
      code: asCode(body['code']) ?? asCode(body['Code']),
      message: asString(body['message']) ?? asString(body['Message']),
      requestId: requestIdOfBody(body),
    };
  }
  return { message: summarizeText(text) };
}

const MAX_TEXT_MESSAGE = 200;

/** A short readable message from a non-JSON body: an HTML page's title or its text, trimmed. */
export function summarizeText(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (plain.length === 0) return undefined;
  return plain.length > MAX_TEXT_MESSAGE ? `${plain.slice(0, MAX_TEXT_MESSAGE)}…` : plain;
}

export type { Domain } from '../endpoints';

/**
 * The payload of a success body: `result` for the vector API, `data` (else `result`) for the memory and knowledge
 * APIs.
 * Returns `undefined` when the body has none (e.g. a vector delete).
 */
export function unwrapPayload(domain: Domain, body: unknown): unknown {
  if (!isRecord(body)) return body;
  if (domain !== 'vector') return body['data'] ?? body['result'];
  return body['result'] ?? undefined;
}
