import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchemaText } from '../../../../scripts/write-config-schema';

describe('vikingdb.config.schema.json', () => {
  it('is the published JSON Schema of the current config (run `npm run schema` after changing the config schema)', () => {
    const file = readFileSync(new URL('../../../../vikingdb.config.schema.json', import.meta.url), 'utf8');
    expect(file).toBe(configSchemaText());
  });
});
