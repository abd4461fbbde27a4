/**
 * Seeds a knowledge collection (default `demo_kb`) with this project's documentation (README.md and docs/*.md, see
 * `knowledgeCorpus.ts`) through `engine.handle` — `doc/v2/add` with a `data:text/markdown` URI per file, tagged
 * `kind` (`readme`/`docs`) and `source` (the repository path) — then waits for the background import to finish.
 * The corpus module is imported lazily, so bundles that never seed do not carry it.
 */
import type { LocalEngine } from '../engine/protocol';

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Adds every corpus document not yet in the collection (by doc id) and waits until all are imported.
 * @returns how many documents were added.
 * @throws Error when the engine rejects a request (e.g. the config has no such knowledge collection).
 */
export async function seedKnowledge(engine: LocalEngine, collection = 'demo_kb'): Promise<number> {
  const { KNOWLEDGE_CORPUS } = await import('./knowledgeCorpus');
  let added = 0;
  for (const file of KNOWLEDGE_CORPUS) {
    const body = {
      collection_name: collection,
      project: 'default',
      doc_id: file.docId,
      doc_name: file.path,
      doc_type: 'markdown',
      tag_list: [
        { field_name: 'kind', field_type: 'string', field_value: file.kind },
        { field_name: 'source', field_type: 'string', field_value: file.path },
      ],
      uri: `data:text/markdown;charset=utf-8;base64,${base64Utf8(file.text)}`,
    };
    const info = await engine.handle({
      method: 'POST',
      path: '/api/knowledge/doc/info',
      body: JSON.stringify({ collection_name: collection, project: 'default', doc_id: file.docId }),
      requestId: `seed-kb-info-${file.docId}`,
    });
    if (info.status === 200) continue;
    const response = await engine.handle({
      method: 'POST',
      path: '/api/knowledge/doc/v2/add',
      body: JSON.stringify(body),
      requestId: `seed-kb-${file.docId}`,
    });
    if (response.status !== 200)
      throw new Error(`seeding failed at doc/v2/add: ${response.status} ${JSON.stringify(response.body)}`);
    added++;
  }
  await engine.settled();
  return added;
}
