import { describe, expect, it } from 'vitest';
import { MAX_TTL_SECONDS } from '../../../../src/server/local/engine/vector/handlers/upsert';
import { createMemoryStorage } from '../../../../src/server/local/engine/storage/memoryStorage';
import { createHarness, item, ON_ITEMS, V } from './engineHarness';

describe('ttl range', () => {
  it('keeps a row with the longest ttl across a restart (no Infinity expiry that storage turns into null)', async () => {
    const storage = createMemoryStorage();
    const first = await createHarness({ storage });
    const answer = await first.call(`${V}/upsert`, { ...ON_ITEMS, ttl: MAX_TTL_SECONDS, data: [item(1)] });
    expect(answer.status).toBe(200);
    const second = await createHarness({ storage });
    const fetched = await second.call(`${V}/fetch_in_collection`, { ...ON_ITEMS, ids: [1] });
    expect(fetched.body.result.fetch).toHaveLength(1);
  });

  it.each(['upsert', 'update'])('%s rejects a ttl beyond the limit with 400, writing nothing', async (path) => {
    const h = await createHarness();
    await h.call(`${V}/upsert`, { ...ON_ITEMS, data: [item(1)] });
    const commits = h.commits.length;
    for (const ttl of [MAX_TTL_SECONDS + 1, 1e306]) {
      const answer = await h.call(`${V}/${path}`, { ...ON_ITEMS, ttl, data: [item(1, { title: 'changed' })] });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('ttl');
    }
    expect(h.commits).toHaveLength(commits);
  });
});
