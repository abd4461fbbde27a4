/**
 * One request on its way through the signing proxy's steps (`createSigningProxy.ts`). Each step reads what earlier
 * steps settled and either answers (a `Response` ends the chain) or records what it settled and passes on.
 */
import type { CatalogEndpoint, Domain } from '../../../client/endpoints';
import { proxyError, type ProxyErrorKind } from '../errorResponse';
import type { AuthorizeGrant } from '../options';
import type { ProxySettings } from '../proxySettings';

/** The signed request, ready to send. */
export interface OutgoingRequest {
  readonly url: URL;
  readonly headers: Record<string, string>;
  /** What an upstream error body must never show: the keys and the signature. */
  readonly secrets: readonly string[];
}

/** A request and what the steps have settled about it so far. */
export interface ProxyExchange {
  readonly request: Request;
  readonly settings: ProxySettings;
  readonly requestId: string;
  /** Upper case; a host adapter may pass it (`context.method`) for methods `Request` cannot hold, e.g. CONNECT. */
  readonly method: string;
  readonly clientAddress: string | undefined;
  /** The path as requested (basePath included), for the log. */
  readonly requestPath: string;
  /** The VikingDB path: `basePath` removed (outside the mount: a path that matches nothing). */
  readonly path: string;
  /** The domain whose envelope a refusal uses: the path's, then the operation's once routed. */
  domain: Domain;
  /** Headers every answer gets for an allowed cross-origin caller. */
  corsHeaders: Record<string, string>;
  /** The catalog entry of the path, once routed. */
  operation: CatalogEndpoint | undefined;
  /** What `authorize` granted. */
  grant: AuthorizeGrant | undefined;
  /** The exact bytes to forward (empty for GET). */
  body: Uint8Array;
  outgoing: OutgoingRequest | undefined;
  /** Why the proxy answered itself, for the log. */
  refused: string | undefined;
}

/** One step: a `Response` stops the chain with that answer, `undefined` passes on to the next step. */
export type ProxyStep = (exchange: ProxyExchange) => Response | undefined | Promise<Response | undefined>;

/** A refusal in the exchange's domain envelope, noted for the log. */
export function refuse(
  exchange: ProxyExchange,
  kind: ProxyErrorKind,
  message: string,
  headers?: Record<string, string>,
): Response {
  exchange.refused = kind;
  return proxyError(exchange.domain, kind, message, exchange.requestId, headers);
}

/** The routed operation; only steps after the route step call it. */
export function operationOf(exchange: ProxyExchange): CatalogEndpoint {
  if (!exchange.operation) throw new Error('the signing proxy used an operation before routing');
  return exchange.operation;
}
