/**
 * Writes vikingdb.config.schema.json (published with the package) from the config schema, so editors complete and
 * check a `vikingdb.config.json` that starts with `"$schema": "./node_modules/vikingdb-kit/vikingdb.config.schema.json"`.
 * `npm run schema` rewrites it; a test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { localConfigJsonSchema } from '../src/server/local/config/jsonSchema';

/** The file's text: the JSON Schema with a title, two-space indented. */
export function configSchemaText(): string {
  return `${JSON.stringify({ title: 'vikingdb-kit local server config', ...localConfigJsonSchema }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../vikingdb.config.schema.json', import.meta.url), configSchemaText());
  console.log('wrote vikingdb.config.schema.json');
}
