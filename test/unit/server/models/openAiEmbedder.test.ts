import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiEmbedder } from '../../../../src/server/local/embedder/openAiEmbedder';
import { hashSparse } from '../../../../src/server/local/embedder/hashingEmbedder';
import { openAiEndpointUrl } from '../../../../src/server/local/openai/openAiEndpoint';
import { closedPortUrl, fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from './fakeOpenAiServer';

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ dim: 8 });
});
afterAll(async () => {
  await fake.close();
});

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
}

describe('openAiEndpointUrl', () => {
  it('resolves a base URL to the resource the way OpenAI clients do', () => {
    expect(openAiEndpointUrl('http://127.0.0.1:11434', 'embeddings', 'x')).toBe('http://127.0.0.1:11434/v1/embeddings');
    expect(openAiEndpointUrl('http://127.0.0.1:11434/v1/', 'embeddings', 'x')).toBe(
      'http://127.0.0.1:11434/v1/embeddings',
    );
    expect(openAiEndpointUrl('https://ark.cn-beijing.volces.com/api/v3', 'chat/completions', 'x')).toBe(
      'https://ark.cn-beijing.volces.com/api/v3/chat/completions',
    );
    expect(openAiEndpointUrl('http://h:1/v1/embeddings', 'embeddings', 'x')).toBe('http://h:1/v1/embeddings');
    expect(() => openAiEndpointUrl('localhost:11434', 'embeddings', 'embedding url')).toThrow(
      /embedding url "localhost:11434" must use http or https/,
    );
    expect(() => openAiEndpointUrl('not a url', 'embeddings', 'embedding url')).toThrow(/is not a URL/);
  });
});

describe('createOpenAiEmbedder', () => {
  it('probes the dimension once, then embeds in batches, in input order, normalized', async () => {
    fake.requests.length = 0;
    const embedder = await createOpenAiEmbedder({
      url: fake.url,
      model: 'fake-embed',
      apiKey: 'sk-test',
      batchSize: 2,
    });
    expect(embedder.dim).toBe(8);
    expect(embedder.defaultDim('bge-m3')).toBe(8);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).toEqual({ model: 'fake-embed', input: ['dimension probe'] });
    expect(fake.requests[0]!.headers['authorization']).toBe('Bearer sk-test');

    const texts = ['alpha', '', 'beta', 'gamma', 'delta'];
    const vectors = await embedder.embedDense(texts, { model: 'bge-m3', dim: 8 });
    // 4 non-empty texts in batches of 2; the empty text costs no request.
    expect(fake.requests.slice(1).map((r) => r.body['input'])).toEqual([
      ['alpha', 'beta'],
      ['gamma', 'delta'],
    ]);
    expect(Array.from(vectors[1]!)).toEqual(new Array(8).fill(0));
    for (const i of [0, 2, 3, 4]) {
      const expected = unit(fakeEmbedding(texts[i]!, 8));
      Array.from(vectors[i]!).forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 5));
    }
  });

  it('serves a smaller dimension by truncation and refuses a larger one', async () => {
    const embedder = await createOpenAiEmbedder({ url: fake.url, model: 'fake-embed' });
    const [short] = await embedder.embedDense(['alpha'], { model: 'memory', dim: 4 });
    const expected = unit(fakeEmbedding('alpha', 8).slice(0, 4));
    Array.from(short!).forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 5));
    await expect(embedder.embedDense(['alpha'], { model: 'm', dim: 9 })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/dim 9 is larger than the 8 dimensions of fake-embed served at http:\/\/127/),
    });
  });

  it('keeps sparse vectors and token counts of the hashing embedder', async () => {
    const embedder = await createOpenAiEmbedder({ url: fake.url, model: 'fake-embed' });
    expect(await embedder.embedSparse(['red apples'], { model: 'bm' })).toEqual([hashSparse('red apples')]);
    expect(embedder.countTokens('red apples')).toBe(2);
  });

  it('fails clearly, naming the URL, when the server is down or refuses the model', async () => {
    const down = await closedPortUrl();
    await expect(createOpenAiEmbedder({ url: down, model: 'nomic-embed-text' })).rejects.toThrow(
      `embedding server (model nomic-embed-text) at ${down}/embeddings failed: connection refused (is the model server running?)`,
    );
    fake.embeddingFailure = 404;
    try {
      await expect(createOpenAiEmbedder({ url: fake.url, model: 'missing' })).rejects.toThrow(
        /at http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings failed: HTTP 404: model "missing" not found, try pulling it first/,
      );
    } finally {
      fake.embeddingFailure = undefined;
    }
  });

  it('a failure after start is a 503 naming the URL', async () => {
    const embedder = await createOpenAiEmbedder({ url: fake.url, model: 'fake-embed' });
    fake.embeddingFailure = 500;
    try {
      await expect(embedder.embedDense(['x'], { model: 'm', dim: 8 })).rejects.toMatchObject({
        kind: 'unavailable',
        message: expect.stringContaining(`at ${fake.url}/embeddings failed: HTTP 500`),
      });
    } finally {
      fake.embeddingFailure = undefined;
    }
  });
});
