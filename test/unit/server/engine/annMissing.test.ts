import { describe, expect, it, vi } from 'vitest';

vi.mock('usearch', () => {
  throw new Error("Cannot find package 'usearch'");
});

const { createLocalServer } = await import('../../../../src/server/local/createLocalServer');
const { parseLocalConfig } = await import('../../../../src/server/local/config/schema');

const config = parseLocalConfig({
  collections: [
    {
      name: 'c',
      primaryKey: { name: 'id', type: 'int64' },
      fields: [{ name: 'v', type: 'vector', dim: 4 }],
      indexes: [{ name: 'fast', distance: 'l2', ann: { kind: 'hnsw' } }],
    },
  ],
});

describe('approximate index without the usearch package', () => {
  it('fails to start with an error naming the index and the package', async () => {
    await expect(createLocalServer({ config, inMemory: true, port: 0, log: false })).rejects.toThrow(
      /approximate index \(index c\/fast\).*optional package 'usearch' \(npm install usearch@2\.25\.3\)/,
    );
  });

  it('does not load it for a config without ann', async () => {
    const plain = structuredClone(config);
    delete plain.collections[0]!.indexes[0]!.ann;
    const server = await createLocalServer({ config: plain, inMemory: true, port: 0, log: false });
    await server.close();
  });
});
