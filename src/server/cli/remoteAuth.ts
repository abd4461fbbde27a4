/**
 * Credentials of a CLI command that calls a server over HTTP (`import --url`, `docs add`): `VIKINGDB_API_KEY`
 * (Bearer), else `VIKINGDB_AK` + `VIKINGDB_SK` (V4 signing), else none (a local server without auth).
 */
// Not '../../client/index.node': tsx would resolve that specifier as a native `.node` addon.
import { createAkskAuth } from '../../client/auth/aksk';
import { nodeCrypto } from '../../client/auth/crypto/nodeCrypto';
import { apiKey, headerAuth, type AuthMode } from '../../client/exports';
import type { CliIo } from './CliIo';

const aksk = createAkskAuth(nodeCrypto);

/** The auth mode the environment gives (see the file comment); `region` is used for V4 signing. */
export function remoteAuth(env: CliIo['env'], region: string): AuthMode {
  const key = env['VIKINGDB_API_KEY'];
  if (key) return apiKey(key);
  const accessKeyId = env['VIKINGDB_AK'];
  const secretAccessKey = env['VIKINGDB_SK'];
  if (accessKeyId && secretAccessKey) return aksk({ accessKeyId, secretAccessKey, region });
  return headerAuth({});
}
