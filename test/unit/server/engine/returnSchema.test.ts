import { describe, expect, it } from 'vitest';
import { createHarness, item, ON_IDX, ON_ITEMS, V } from './engineHarness';

describe('return_schema', () => {
  it('adds a description of the collection and the searched index to every search mode', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1, { n: 3, body: 'alpha beta' })] });
    const bodies: Array<[string, Record<string, unknown>]> = [
      ['vector', { dense_vector: [1, 0, 0, 0] }],
      ['id', { id: 1 }],
      ['scalar', { field: 'n' }],
      ['keywords', { keywords: ['alpha'] }],
      ['random', {}],
    ];
    for (const [mode, extra] of bodies) {
      const answer = await h.call(`${V}/search/${mode}`, { ...ON_IDX, ...extra, return_schema: true });
      expect(answer.status, mode).toBe(200);
      const schema = answer.body.result.schema;
      expect(schema).toMatchObject({
        collection_name: 'items',
        project_name: 'default',
        primary_key: 'id',
        index: {
          index_name: 'idx',
          distance: 'ip',
          vector_field: 'vec',
          dim: 4,
          partition_field: 'region',
          sparse_field: 'sparse',
        },
      });
      expect(schema.index.scalar_fields).toEqual(['id', 'title', 'n', 'f', 'flag', 'tags', 'nums', 'x', 'y', 'region']);
      expect(schema.fields[0]).toEqual({ field_name: 'id', field_type: 'int64', is_primary_key: true });
      expect(schema.fields).toContainEqual({ field_name: 'vec', field_type: 'vector', dim: 4 });
      expect(schema.fields).toContainEqual({ field_name: 'tags', field_type: 'list<string>' });
      expect(schema.fields).toHaveLength(13);
      expect(schema.vectorize).toBeUndefined();
    }
  });

  it('describes vectorize and the other distances, and hides the internal vector field', async () => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { collection_name: 'docs', data: [{ title: 'a', content: 'hello', year: 1 }] });
    const docs = await h.call(`${V}/search/multi_modal`, {
      collection_name: 'docs',
      index_name: 'docs_idx',
      text: 'hello',
      return_schema: true,
    });
    expect(docs.body.result.schema).toMatchObject({
      primary_key: '__AUTO_ID__',
      vectorize: { text_field: 'content', model_name: 'bge-m3', dim: 32 },
      index: { index_name: 'docs_idx', distance: 'cosine', dim: 32, scalar_fields: ['title', 'year'] },
    });
    const names = docs.body.result.schema.fields.map((f: { field_name: string }) => f.field_name);
    expect(names).toEqual(['__AUTO_ID__', 'title', 'content', 'year']);

    const named = await h.call(`${V}/search/random`, {
      collection_name: 'named',
      index_name: 'named_idx',
      return_schema: true,
    });
    expect(named.body.result.schema.fields[0]).toEqual({
      field_name: 'key',
      field_type: 'string',
      is_primary_key: true,
    });
    expect(named.body.result.schema.index).toEqual({
      index_name: 'named_idx',
      distance: 'l2',
      vector_field: 'vec',
      dim: 2,
      scalar_fields: ['label'],
    });
  });

  it('leaves schema out unless asked, and rejects a non-boolean', async () => {
    const h = await createHarness();
    const plain = await h.call(`${V}/search/random`, { ...ON_IDX, return_schema: false });
    expect(plain.body.result).not.toHaveProperty('schema');
    const bad = await h.call(`${V}/search/random`, { ...ON_IDX, return_schema: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('return_schema');
  });
});
