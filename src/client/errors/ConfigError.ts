import { VikingDBError } from './VikingDBError';

/** The client was configured wrongly (missing auth, bad base URL, …). Thrown by `createVikingClient`. */
export class ConfigError extends VikingDBError {
  override name = 'ConfigError';

  constructor(message: string, hint?: string) {
    super({ code: 'ConfigError', message, hint });
  }
}
