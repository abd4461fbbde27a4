/**
 * Which embedder wrote a data directory's vectors, recorded in `vikingdb-kit.embedding.json` beside the store, so a
 * start with another embedder (whose vectors would not mix: another space, often another length) is refused instead
 * of silently answering nonsense. A directory with data but no record was written by the hashing embedder (the only
 * one before the record existed). Custom embedders (passed as objects) are not recorded or checked.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the record inside a data directory. */
export const EMBEDDING_FILE = 'vikingdb-kit.embedding.json';

/** The embedder of a data directory. */
export type EmbeddingMarker =
  { kind: 'hashing' } | { kind: 'openai-compatible'; model: string; dim: number; url?: string | undefined };

/** `hashing`, or `openai-compatible nomic-embed-text (768 dims)`. */
export function describeEmbedding(marker: EmbeddingMarker): string {
  return marker.kind === 'hashing' ? 'the hashing embedder' : `${marker.model} (${marker.dim} dims)`;
}

function sameEmbedding(a: EmbeddingMarker, b: EmbeddingMarker): boolean {
  if (a.kind === 'hashing' || b.kind === 'hashing') return a.kind === b.kind;
  return a.model === b.model && a.dim === b.dim;
}

/** The recorded embedder of `dir`: the file's, else hashing when the directory has a store, else none. */
export async function readEmbeddingMarker(dir: string): Promise<EmbeddingMarker | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, EMBEDDING_FILE), 'utf8');
  } catch {
    return existsSync(join(dir, 'data.mdb')) ? { kind: 'hashing' } : undefined;
  }
  try {
    const json = JSON.parse(text) as Partial<{ kind: string; model: string; dim: number; url: string }>;
    if (json.kind === 'hashing') return { kind: 'hashing' };
    if (json.kind === 'openai-compatible' && typeof json.model === 'string' && typeof json.dim === 'number')
      return { kind: 'openai-compatible', model: json.model, dim: json.dim, url: json.url };
  } catch {
    // reported below
  }
  throw new Error(`${join(dir, EMBEDDING_FILE)} is not a valid embedder record; fix or delete it`);
}

/**
 * Records `current` as the embedder of `dir`, or checks it against the one recorded.
 * @throws Error naming both embedders when they differ.
 */
export async function claimEmbedding(dir: string, current: EmbeddingMarker): Promise<void> {
  const recorded = await readEmbeddingMarker(dir);
  if (recorded && !sameEmbedding(recorded, current))
    throw new Error(
      `the data directory ${dir} holds vectors of ${describeEmbedding(recorded)}, not of ${describeEmbedding(current)}; ` +
        'vectors of different models do not mix: use another data directory for this embedder' +
        (recorded.kind === 'openai-compatible'
          ? `, or start with --embedding-url ${recorded.url ?? 'URL'} --embedding-model ${recorded.model}`
          : ', or start without an embedding server'),
    );
  await writeFile(join(dir, EMBEDDING_FILE), `${JSON.stringify(current)}\n`);
}
