/**
 * A vector collection's rows as a start-up snapshot (see `SnapshotStore`): written when the engine closes, read at
 * the next start instead of decoding every stored record. Dense vectors are stored as raw float32 blocks and read back
 * as views of one buffer per chunk; everything else is JSON, one text per chunk. A snapshot written for another
 * schema is ignored. Pure: no Node built-ins.
 *
 * Layout (integers u32 little-endian):
 *   header length · header JSON `{format, schema, rows, chunkRows, warnings}`
 *   per chunk of up to `chunkRows` rows, in the collection's row order:
 *     JSON length · JSON `{keys: [key, …], rows: [{id, fields (0 in place of each dense vector), expiresAt?}, …]}`
 *     per dense field (schema order): one byte per row (1 = the row has that vector) · the vectors, float32, row by row
 */
import { LITTLE_ENDIAN } from '../float32';
import type { SnapshotReader } from '../storage/SnapshotStore';
import type { CollectionSchema } from './CollectionSchema';
import { attachPackedVectors, denseValue } from './compactRow';
import { isExpired, isStoredRow, type StoredRow } from './StoredRow';
import type { VectorCollection } from './VectorCollection';
import type { RowChange } from './VectorIndex';

const FORMAT = 1;
/** Rows per chunk: 32 MB of vectors at 128 dims, so neither side ever holds the whole collection twice. */
const CHUNK_ROWS = 65_536;

interface SnapshotHeader {
  format: number;
  schema: string;
  rows: number;
  chunkRows: number;
  /** Load warnings of the records the snapshot left out (rows that did not fit the schema). */
  warnings: string[];
}

/** One chunk's rows (the parsed objects are the rows, so loading allocates nothing more for them). */
interface ChunkRecords {
  keys: string[];
  rows: StoredRow[];
}

/** The snapshot name of a collection's rows. */
export function collectionSnapshotName(schema: CollectionSchema): string {
  return `vector-${schema.name}`;
}

/** What a snapshot must have been written for: any change to the collection's schema makes it stale. */
function schemaFingerprint(schema: CollectionSchema): string {
  return JSON.stringify({
    name: schema.name,
    primaryKey: schema.primaryKey,
    fields: [...schema.fields.values()],
    dense: schema.denseFieldNames.map((name) => [name, schema.fields.get(name)?.dim]),
    indexes: [...schema.indexes.values()].map((index) => ({ ...index, scalarFields: [...index.scalarFields] })),
  });
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function withLength(bytes: Uint8Array): Uint8Array[] {
  return [uint32(bytes.length), bytes];
}

function dimOf(schema: CollectionSchema, field: string): number {
  const dim = schema.fields.get(field)?.dim;
  if (dim === undefined) throw new Error(`dense field ${field} of ${schema.name} has no dim`);
  return dim;
}

/** The snapshot bytes of `collection`, part by part (`warnings`: the load warnings of its records, kept with it). */
export function* collectionSnapshotParts(
  collection: VectorCollection,
  warnings: readonly string[],
): Iterable<Uint8Array> {
  const schema = collection.schema;
  const encoder = new TextEncoder();
  const header: SnapshotHeader = {
    format: FORMAT,
    schema: schemaFingerprint(schema),
    rows: collection.rows.size,
    chunkRows: CHUNK_ROWS,
    warnings: [...warnings],
  };
  yield* withLength(encoder.encode(JSON.stringify(header)));
  const dense = schema.denseFieldNames;
  let chunk: Array<[string, StoredRow]> = [];
  const flush = function* (): Iterable<Uint8Array> {
    const records: ChunkRecords = {
      keys: chunk.map(([key]) => key),
      rows: chunk.map(([, row]) => {
        const fields: Record<string, unknown> = {};
        // A 0 where each dense vector goes, so the parsed object has room for it (see the restore).
        for (const name in row.fields) fields[name] = dense.includes(name) ? 0 : row.fields[name];
        return row.expiresAt === undefined ? { id: row.id, fields } : { id: row.id, fields, expiresAt: row.expiresAt };
      }),
    };
    yield* withLength(encoder.encode(JSON.stringify(records)));
    for (const field of dense) {
      const dim = dimOf(schema, field);
      const present = new Uint8Array(chunk.length);
      const vectors = new Float32Array(chunk.length * dim);
      let count = 0;
      chunk.forEach(([, row], i) => {
        const value = denseValue(row.fields[field]);
        if (!(value instanceof Float32Array) || value.length !== dim) return;
        present[i] = 1;
        vectors.set(value, count * dim);
        count++;
      });
      yield present;
      yield new Uint8Array(vectors.buffer, 0, count * dim * 4);
    }
    chunk = [];
  };
  for (const entry of collection.rows) {
    chunk.push(entry);
    if (chunk.length === CHUNK_ROWS) yield* flush();
  }
  if (chunk.length > 0) yield* flush();
}

/** Reads a snapshot front to back. */
class SnapshotCursor {
  private position = 0;
  private readonly decoder = new TextDecoder();
  /** Reused buffers (see {@link scratch}): chunk after chunk, no new large buffer for the collector to find. */
  private readonly scratches: Uint8Array[] = [];
  constructor(private readonly reader: SnapshotReader) {}

  async bytes(length: number): Promise<Uint8Array> {
    return this.readInto(new Uint8Array(length));
  }

  /** The next `length` bytes in reused buffer number `slot`: valid until the next read into that slot. */
  async scratch(slot: number, length: number): Promise<Uint8Array> {
    let buffer = this.scratches[slot];
    if (!buffer || buffer.length < length) buffer = this.scratches[slot] = new Uint8Array(length);
    return this.readInto(buffer.subarray(0, length));
  }

  private async readInto(bytes: Uint8Array): Promise<Uint8Array> {
    if (bytes.length > this.reader.size - this.position) throw new Error('snapshot is truncated');
    if (bytes.length > 0) await this.reader.read(bytes, this.position);
    this.position += bytes.length;
    return bytes;
  }

  async uint32(): Promise<number> {
    const bytes = await this.bytes(4);
    return new DataView(bytes.buffer).getUint32(0, true);
  }

  async json(): Promise<unknown> {
    const length = await this.uint32();
    return JSON.parse(this.decoder.decode(await this.scratch(0, length)));
  }

  get done(): boolean {
    return this.position === this.reader.size;
  }
}

/** What {@link restoreCollectionSnapshot} did. */
export interface RestoredSnapshot {
  /** Rows that had expired by now: to be purged from storage. */
  expired: string[];
  /** The load warnings saved with the snapshot. */
  warnings: string[];
}

function isChunk(value: unknown): value is ChunkRecords {
  if (typeof value !== 'object' || value === null) return false;
  const { keys, rows } = value as Partial<ChunkRecords>;
  return (
    Array.isArray(keys) &&
    Array.isArray(rows) &&
    keys.length > 0 &&
    keys.length === rows.length &&
    keys.every((key) => typeof key === 'string') &&
    rows.every(isStoredRow)
  );
}

/**
 * Fills the empty `collection` from a snapshot. Resolves `undefined` (having applied nothing) when the snapshot was
 * written for another schema or format.
 * @throws Error when the snapshot is malformed; the collection may then hold part of it and must be discarded.
 */
export async function restoreCollectionSnapshot(
  collection: VectorCollection,
  reader: SnapshotReader,
  now: number,
): Promise<RestoredSnapshot | undefined> {
  if (!LITTLE_ENDIAN) return undefined;
  const schema = collection.schema;
  const cursor = new SnapshotCursor(reader);
  const header = (await cursor.json()) as Partial<SnapshotHeader>;
  if (header.format !== FORMAT || header.schema !== schemaFingerprint(schema)) return undefined;
  const total = header.rows;
  if (typeof total !== 'number' || !Array.isArray(header.warnings)) throw new Error('snapshot header is malformed');
  collection.reserve(total);
  const expired: string[] = [];
  let restored = 0;
  while (restored < total) {
    const chunk = await cursor.json();
    if (!isChunk(chunk)) throw new Error('snapshot rows are malformed');
    const { keys, rows } = chunk;
    const dense = new Map<string, { present: Uint8Array; vectors: Float32Array; dim: number }>();
    for (const [slot, field] of schema.denseFieldNames.entries()) {
      const dim = dimOf(schema, field);
      const present = await cursor.bytes(rows.length);
      let count = 0;
      for (const flag of present) count += flag;
      // Copied out (into index matrices, or sliced) before the next chunk reuses the buffer.
      const bytes = await cursor.scratch(slot + 1, count * dim * 4);
      dense.set(field, { present, vectors: new Float32Array(bytes.buffer, 0, count * dim), dim });
    }
    if (!rows.some((row) => isExpired(row, now)) && collection.restore(keys, rows, dense)) {
      restored += rows.length;
      continue;
    }
    // Row by row: each row gets copies of its vectors; expired ones are left out (and purged).
    for (const [field, block] of dense) attachPackedVectors(rows, keys, field, block);
    const changes: RowChange[] = [];
    rows.forEach((row, i) => {
      if (isExpired(row, now)) expired.push(keys[i]!);
      else changes.push({ key: keys[i]!, row });
    });
    collection.apply(changes, { compact: true });
    restored += rows.length;
  }
  if (restored !== total || !cursor.done) throw new Error('snapshot does not hold the rows its header announces');
  return { expired, warnings: header.warnings.filter((warning): warning is string => typeof warning === 'string') };
}
