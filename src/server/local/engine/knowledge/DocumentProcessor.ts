/**
 * Background import of documents: load the source, parse, chunk, embed, then commit every point and the doc's
 * `done` status in ONE storage commit (so a crash leaves the doc `processing` with no points, never half-imported);
 * any failure commits the doc as `failed` with `failed_code`/`failed_msg` instead. One document at a time, in
 * arrival order; the docs already waiting when one finishes are imported too and all of them committed together
 * (group commit, at most 16 docs or 4000 points), still atomically. At start the engine re-queues every doc still `processing` (interrupted by a crash or a close),
 * so it is finished — or marked failed — after a restart.
 */
import type { EngineContext } from '../EngineContext';
import { EngineError } from '../EngineError';
import { tokenize } from '../../embedder/tokenize';
import { chunkSections } from './parse/chunkSections';
import { detectKind, parseDocument } from './parse/parseDocument';
import {
  pointText,
  rememberTerms,
  termsOfPoint,
  type KnowledgeChange,
  type KnowledgeCollection,
} from './KnowledgeCollection';
import { ImportFailure } from './KnowledgeHost';
import { PROCESS_DONE, PROCESS_FAILED, PROCESS_RUNNING, type DocRecord, type PointRecord } from './KnowledgeRecords';
import { loadSource } from './loadSource';
import { quoteList } from './quote';

/** `setImmediate` where the runtime has it (Node), else `undefined` (browsers). */
const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;

/**
 * Lets timers and I/O run (a macrotask turn), so an import never delays the answers of other requests for long. On
 * Node the turn is a `setImmediate` (after the I/O of the current loop iteration, no idle time); elsewhere a
 * `setTimeout(0)` (which browsers and Node clamp to about a millisecond).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Longest stretch of import work between two turns of the event loop, in milliseconds. */
const SLICE_MS = 10;

/**
 * Yields to the event loop once `SLICE_MS` of work ran since the last turn, not at every step (a turn costs the
 * timer clamp where there is no `setImmediate`, and lets other work in). Used between the docs of a group and the embedding batches of a doc;
 * each doc still gives the event loop a turn after loading and after parsing (a request sent during its import,
 * such as a `point/add` to the same doc, is handled before its points are numbered).
 */
class TimeSlice {
  private started = performance.now();

  async next(): Promise<void> {
    if (performance.now() - this.started < SLICE_MS) return;
    await yieldToEventLoop();
    this.started = performance.now();
  }
}

/**
 * Hex FNV-1a hash (4 seeded lanes, computed in one pass) of a document's bytes read as UTF-8 — `doc_hash`, used by
 * content dedup. Lane `k` is `fnv1a(text, 0x811c9dc5 ^ (k · 0x9e3779b9))`.
 */
export function contentHash(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  let h0 = (0x811c9dc5 ^ (0 * 0x9e3779b9)) >>> 0;
  let h1 = (0x811c9dc5 ^ (1 * 0x9e3779b9)) >>> 0;
  let h2 = (0x811c9dc5 ^ (2 * 0x9e3779b9)) >>> 0;
  let h3 = (0x811c9dc5 ^ (3 * 0x9e3779b9)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h0 = Math.imul(h0 ^ code, 0x01000193);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x01000193);
    h3 = Math.imul(h3 ^ code, 0x01000193);
  }
  return [h0, h1, h2, h3].map((hash) => (hash >>> 0).toString(16).padStart(8, '0')).join('');
}

/** Embeds and builds the points of a chunk list, numbered from 1 (renumbered after the doc's points at commit). */
export async function buildPoints(
  context: EngineContext,
  collection: KnowledgeCollection,
  docId: string,
  chunks: ReadonlyArray<{ title: string; content: string }>,
): Promise<PointRecord[]> {
  const { model, dim } = collection.config.embedding;
  const now = context.now();
  const points: PointRecord[] = [];
  const BATCH = 256;
  const slice = new TimeSlice();
  for (let start = 0; start < chunks.length; start += BATCH) {
    if (start > 0) await slice.next();
    const batch = chunks.slice(start, start + BATCH);
    const texts = batch.map((chunk) =>
      pointText({ chunk_title: chunk.title, content: chunk.content, question: undefined }),
    );
    // Tokenized once, for both the BM25 terms and (when the embedder can take tokens) the embedding.
    const tokens = texts.map((text) => tokenize(text));
    const embedder = context.embedder;
    const vectors = embedder.embedDenseTokens
      ? await embedder.embedDenseTokens(tokens, { model, dim })
      : await embedder.embedDense(texts, { model, dim });
    batch.forEach((chunk, i) => {
      const chunkId = 1 + start + i;
      const embedded = vectors[i]!;
      const vector = new Array<number>(embedded.length);
      for (let k = 0; k < embedded.length; k++) vector[k] = embedded[k]!;
      const point: PointRecord = {
        point_id: `${docId}-${chunkId}`,
        doc_id: docId,
        chunk_id: chunkId,
        chunk_type: 'text',
        chunk_title: chunk.title,
        content: chunk.content,
        process_time: now,
        update_time: now,
        vector,
      };
      rememberTerms(point, tokens[i]!);
      points.push(point);
    });
  }
  return points;
}

/** Most docs one group commit settles. */
const MAX_BATCH_DOCS = 16;
/** Group commits stop taking docs once they hold this many points. */
const MAX_BATCH_POINTS = 4000;

/** One imported doc waiting for its commit. */
interface Imported {
  collection: KnowledgeCollection;
  /** The doc as it was when its import started. */
  doc: DocRecord;
  outcome: { points: PointRecord[]; doc: DocRecord } | { failure: ImportFailure };
}

export class DocumentProcessor {
  private readonly queue: Array<{ collection: KnowledgeCollection; docId: string }> = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly slice = new TimeSlice();

  /** @param engineContext the engine's context, read when an import runs. */
  constructor(private readonly engineContext: () => EngineContext) {}

  private get context(): EngineContext {
    return this.engineContext();
  }

  /** Queues a doc whose status is `processing`. */
  enqueue(collection: KnowledgeCollection, docId: string): void {
    if (this.stopped) return;
    this.queue.push({ collection, docId });
    this.running ??= this.drain();
  }

  /** Resolves when the queue is empty and nothing is being processed. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Takes no more work and waits for the doc in progress (queued docs stay `processing` in storage). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.settled();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // The add that queued a doc answers first; its import starts on a later turn.
        await yieldToEventLoop();
        // Group commit: the docs already waiting are imported and then committed together (one durable write
        // instead of one per doc), up to a bound, so a backlog drains faster and a lone doc is not delayed.
        const batch: Imported[] = [];
        let points = 0;
        while (this.queue.length > 0 && batch.length < MAX_BATCH_DOCS && points < MAX_BATCH_POINTS) {
          const job = this.queue.shift()!;
          const imported = await this.importJob(job.collection, job.docId, batch);
          if (imported) {
            batch.push(imported);
            points += 'points' in imported.outcome ? imported.outcome.points.length : 1;
          }
          if (this.queue.length > 0) await this.slice.next();
        }
        try {
          await this.commit(batch);
        } catch {
          // A failed commit leaves the docs `processing`; they are imported again at the next start.
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  /** Imports one doc still `processing` (its outcome: points, or why it failed); `undefined` when it is not. */
  private async importJob(
    collection: KnowledgeCollection,
    docId: string,
    pending: readonly Imported[],
  ): Promise<Imported | undefined> {
    const doc = collection.docs.get(docId);
    if (!doc || doc.status.process_status !== PROCESS_RUNNING) return undefined;
    try {
      return { collection, doc, outcome: await this.importDoc(collection, doc, pending) };
    } catch (error) {
      const failure =
        error instanceof ImportFailure
          ? error
          : new ImportFailure(10007, `parse failed: ${error instanceof Error ? error.message : String(error)}`);
      return { collection, doc, outcome: { failure } };
    }
  }

  /** Commits the outcomes of a batch in one storage commit, then applies them. */
  private async commit(batch: readonly Imported[]): Promise<void> {
    const context = this.context;
    await context.writes.run(async () => {
      const byCollection = new Map<KnowledgeCollection, KnowledgeChange[]>();
      for (const imported of batch) {
        const changes = this.changesOf(imported, context.now());
        if (changes.length === 0) continue;
        const list = byCollection.get(imported.collection);
        if (list) list.push(...changes);
        else byCollection.set(imported.collection, changes);
      }
      if (byCollection.size === 0) return;
      const writes = [...byCollection].flatMap(([collection, changes]) => collection.writes(changes));
      try {
        await context.storage.commit(writes);
      } catch (error) {
        throw new EngineError(
          'internal',
          `storage commit failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      for (const [collection, changes] of byCollection) collection.apply(changes);
    });
  }

  /** The changes that settle one imported doc, against the doc as it is now (none when it changed meanwhile). */
  private changesOf({ collection, doc, outcome }: Imported, now: number): KnowledgeChange[] {
    const docId = doc.doc_id;
    const current = collection.docs.get(docId);
    // Deleted, re-added or already settled while this ran: nothing to write.
    if (!current || current.task_id !== doc.task_id || current.status.process_status !== PROCESS_RUNNING) return [];
    // A settled doc keeps only the head of a data: URI (its content now lives in the points).
    const source: DocRecord['source'] =
      current.source.kind === 'data'
        ? { kind: 'data', url: current.source.url.slice(0, current.source.url.indexOf(',') + 1) }
        : current.source;
    if ('failure' in outcome) {
      const failed: DocRecord = {
        ...current,
        source,
        update_time: now,
        status: {
          process_status: PROCESS_FAILED,
          failed_code: outcome.failure.code,
          failed_msg: outcome.failure.message,
        },
      };
      return [{ kind: 'docs', key: docId, value: failed }];
    }
    // Chunk ids follow the doc's points as they are NOW: a point added by hand during the import keeps its id.
    const existing = collection.pointsOf(docId);
    const first = existing.length > 0 ? existing[existing.length - 1]!.chunk_id + 1 : 1;
    outcome.points.forEach((point, i) => {
      point.chunk_id = first + i;
      point.point_id = `${docId}-${first + i}`;
    });
    const changes: KnowledgeChange[] = outcome.points.map((point) => ({
      kind: 'points',
      key: point.point_id,
      value: point,
    }));
    changes.push({
      kind: 'docs',
      key: docId,
      value: { ...outcome.doc, source, tags: current.tags, doc_name: current.doc_name, update_time: now },
    });
    return changes;
  }

  /** Loads, parses, dedups (against stored docs and the docs of the same pending group commit), chunks, embeds. */
  private async importDoc(
    collection: KnowledgeCollection,
    doc: DocRecord,
    pending: readonly Imported[],
  ): Promise<{ points: PointRecord[]; doc: DocRecord }> {
    const context = this.context;
    const loaded = await loadSource(doc.source, context.knowledgeImport, context.knowledgeHost);
    const kind = detectKind({
      bytes: loaded.bytes,
      docType: doc.doc_type || undefined,
      contentType: loaded.contentType,
      name: loaded.name ?? doc.doc_name,
    });
    await yieldToEventLoop();
    const parsed = await parseDocument(loaded.bytes, kind, context.knowledgeHost.pdfText).catch((error: unknown) => {
      throw new ImportFailure(10007, `parse failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    const hash = contentHash(loaded.bytes);
    if (doc.dedup?.content_dedup) {
      const waiting = pending.flatMap((other) =>
        other.collection === collection && 'doc' in other.outcome ? [other.outcome.doc] : [],
      );
      const same = [...collection.docs.values(), ...waiting]
        .filter((other) => other.doc_id !== doc.doc_id && other.doc_hash === hash)
        .map((other) => other.doc_id);
      if (same.length > 0)
        throw new ImportFailure(
          10009,
          `${doc.dedup.auto_skip ? 'skipped: ' : ''}same content as ${quoteList(same)} (content_dedup)`,
        );
    }
    await yieldToEventLoop();
    const chunks = chunkSections(parsed.sections, collection.config.chunking);
    const points = await buildPoints(context, collection, doc.doc_id, chunks);
    return {
      points,
      doc: {
        ...doc,
        doc_type: doc.doc_type || kind,
        title: parsed.title ?? doc.title,
        doc_hash: hash,
        doc_size: loaded.bytes.byteLength,
        // Tokens of the chunks (overlaps counted again), from the terms the search index needs anyway.
        total_tokens: points.reduce((sum, point) => sum + termsOfPoint(point).length, 0),
        status: { process_status: PROCESS_DONE },
      },
    };
  }
}
