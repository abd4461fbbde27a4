import { fromJSONSchema } from 'zod';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/server/local/config/defaultConfig';
import { localConfigJsonSchema } from '../../../../src/server/local/config/jsonSchema';
import { parseLocalConfig } from '../../../../src/server/local/config/schema';
import { testConfigInput } from './engineHarness';

describe('parseLocalConfig', () => {
  it('applies defaults', () => {
    const config = parseLocalConfig({
      collections: [{ name: 'c', fields: [{ name: 'v', type: 'vector', dim: 3 }], indexes: [{ name: 'i' }] }],
    });
    expect(config.memoryCollections).toEqual([]);
    const collection = config.collections[0]!;
    expect(collection.primaryKey).toEqual({ name: '__AUTO_ID__', type: 'int64' });
    expect(collection.projectName).toBe('default');
    expect(collection.indexes[0]).toMatchObject({ distance: 'ip', scalarFields: [] });
  });

  it('names every bad path of the shape', () => {
    expect(() =>
      parseLocalConfig({ collections: [{ name: '', fields: [{ name: 'a', type: 'int32' }] }], memoryCollections: 3 }),
    ).toThrow(/collections\.0\.name[\s\S]*collections\.0\.fields\.0\.type[\s\S]*memoryCollections/);
  });

  it('checks cross-references with paths', () => {
    let message = '';
    try {
      parseLocalConfig({
        collections: [
          {
            name: 'c',
            primaryKey: { name: 'id', type: 'int64' },
            fields: [
              { name: 'v', type: 'vector' },
              { name: 'f', type: 'float32', dim: 3 },
              { name: 'id', type: 'int64' },
              { name: 's', type: 'sparse_vector' },
            ],
            vectorize: { textField: 'f', model: 'bge-m3' },
            indexes: [
              { name: 'i', scalarFields: ['nope', 's'], partitionField: 'f', sparseField: 'f' },
              { name: 'i', vectorField: 'f' },
            ],
          },
        ],
        memoryCollections: [{ name: 'm', eventTypes: [{ name: 't' }], profileTypes: [{ name: 't' }] }],
      });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const path of [
      'collections.0.fields.0.dim',
      'collections.0.fields.1.dim',
      'collections.0.fields.2.name',
      'collections.0.vectorize.textField',
      'collections.0.indexes.0.scalarFields.0',
      'collections.0.indexes.0.scalarFields.1',
      'collections.0.indexes.0.partitionField',
      'collections.0.indexes.0.vectorField',
      'collections.0.indexes.0.sparseField',
      'collections.0.indexes.1.name',
      'collections.0.indexes.1.vectorField',
      'memoryCollections.0.profileTypes.0.name',
    ]) {
      expect(message).toContain(`${path}:`);
    }
  });

  it('accepts the default config and the test config', () => {
    expect(defaultConfig.collections.map((c) => c.name)).toEqual(['text', 'vector', 'demo_docs']);
    expect(defaultConfig.memoryCollections.map((c) => c.name)).toEqual(['sdk_test', 'demo_memory']);
    expect(() => parseLocalConfig(testConfigInput)).not.toThrow();
  });
});

describe('localConfigJsonSchema', () => {
  const fromSchema = fromJSONSchema(localConfigJsonSchema as Parameters<typeof fromJSONSchema>[0]);

  it('is a draft 2020-12 object schema with every top-level key', () => {
    expect(localConfigJsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(localConfigJsonSchema['properties'] as object).sort()).toEqual(
      [
        '$schema',
        'collections',
        'memoryCollections',
        'embedder',
        'llm',
        'knowledgeCollections',
        'knowledgeServices',
        'knowledgeImport',
      ].sort(),
    );
  });

  it('validates the default and test configs (in sync with the zod schema)', () => {
    expect(fromSchema.safeParse(JSON.parse(JSON.stringify(defaultConfig))).success).toBe(true);
    expect(fromSchema.safeParse(testConfigInput).success).toBe(true);
  });

  it('rejects what the zod schema rejects', () => {
    for (const bad of [
      { collections: [{ name: 'c', fields: [{ name: 'a', type: 'int32' }] }] },
      { collections: [{ name: 'c', fields: [], indexes: [{ name: 'i', distance: 'hamming' }] }] },
      { memoryCollections: [{ eventTypes: [] }] },
      { embedder: { kind: 'bert' } },
      { embedder: { url: 'http://127.0.0.1:11434/v1', apiKeyEnv: 'not a variable' } },
      { llm: { url: 'http://127.0.0.1:11434/v1', timeoutMs: 0 } },
    ]) {
      expect(fromSchema.safeParse(bad).success).toBe(false);
      expect(() => parseLocalConfig(bad)).toThrow();
    }
  });
});
