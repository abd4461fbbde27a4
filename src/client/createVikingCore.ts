import type { AuthMode } from './auth/AuthMode';
import type { VikingClientOptions } from './options';
import { resolveConfig } from './resolveConfig';
import { createTransport, type Transport } from './transport/transport';

/** Where a client sends its requests and how it signs them, for display. */
export interface VikingClientInfo {
  vectorBaseUrl: string;
  memoryBaseUrl: string;
  region: string;
  auth: AuthMode['kind'];
}

/**
 * What every operation needs: the configured transport. A {@link VikingClient} is one; {@link createVikingCore} makes
 * one without the client's API objects, for apps that import only the operations they call (see `searchByMultiModal`).
 */
export interface VikingCore {
  /**
   * The transport that sends, signs, retries and unwraps; for the kit's own packages and custom endpoints. Its
   * `config` holds the resolved options (base URLs, region, auth, timeout, retry strategy, headers).
   */
  readonly transport: Transport;
}

/**
 * Creates the smallest client: options resolved exactly as {@link createVikingClient} does, but no API objects, so a
 * bundler keeps only the operation functions the app imports.
 *
 * @example
 * const viking = createVikingCore({ auth: signingProxy('/vikingdb') });
 * const hits = await searchByMultiModal(viking, { collection: 'text', index: 'text_index' }, { text: 'hello', limit: 5 });
 */
export function createVikingCore(options: VikingClientOptions): VikingCore {
  return { transport: createTransport(resolveConfig(options)) };
}

/** The base URLs, region and auth kind a core resolved its options to. */
export function infoOf(core: VikingCore): VikingClientInfo {
  const { baseUrls, region, auth } = core.transport.config;
  return { vectorBaseUrl: baseUrls.vector, memoryBaseUrl: baseUrls.memory, region, auth: auth.kind };
}
