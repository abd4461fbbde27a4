/**
 * Background import of documents: load the source, parse, chunk, embed, then commit every point and the doc's
 * `done` status in ONE storage commit (so a crash leaves the doc `processing` with no points, never half-imported);
 * any failure commits the doc as `failed` with `failed_code`/`failed_msg` instead. One document at a time, in
 * arrival order. At start the engine re-queues every doc still `processing` (interrupted by a crash or a close),
 * so it is finished — or marked failed — after a restart.
 */
import { quoteList } from './quote';
import { fnv1a } from '../embedder/fnv1a';
import type { EngineContext } from '../engine/EngineContext';
import { chunkSections } from './parse/chunkSections';
import { detectKind, parseDocument } from './parse/parseDocument';
import { commitKnowledgeChanges } from './commitKnowledgeChanges';
import { pointText, termsOfPoint, type KnowledgeChange, type KnowledgeCollection } from './KnowledgeCollection';
import { ImportFailure } from './KnowledgeHost';
import { PROCESS_DONE, PROCESS_FAILED, PROCESS_RUNNING, type DocRecord, type PointRecord } from './KnowledgeRecords';
import { loadSource } from './loadSource';

/** Lets timers and I/O run (a macrotask turn), so an import never delays the answers of other requests for long. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Hex FNV-1a hash (4 seeded lanes) of a document's bytes read as UTF-8 — `doc_hash`, used by content dedup. */
export function contentHash(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  return [0, 1, 2, 3]
    .map((seed) =>
      fnv1a(text, 0x811c9dc5 ^ (seed * 0x9e3779b9))
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
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
  for (let start = 0; start < chunks.length; start += BATCH) {
    if (start > 0) await yieldToEventLoop();
    const batch = chunks.slice(start, start + BATCH);
    const vectors = await context.embedder.embedDense(
      batch.map((chunk) => pointText({ chunk_title: chunk.title, content: chunk.content, question: undefined })),
      { model, dim },
    );
    batch.forEach((chunk, i) => {
      const chunkId = 1 + start + i;
      points.push({
        point_id: `${docId}-${chunkId}`,
        doc_id: docId,
        chunk_id: chunkId,
        chunk_type: 'text',
        chunk_title: chunk.title,
        content: chunk.content,
        process_time: now,
        update_time: now,
        vector: Array.from(vectors[i]!),
      });
    });
  }
  return points;
}

export class DocumentProcessor {
  private readonly queue: Array<{ collection: KnowledgeCollection; docId: string }> = [];
  private running: Promise<void> | undefined;
  private stopped = false;

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
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        // The add that queued the doc answers first; its import starts on a later turn.
        await yieldToEventLoop();
        try {
          await this.process(job.collection, job.docId);
        } catch {
          // A failed commit leaves the doc `processing`; it is retried at the next start.
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  private async process(collection: KnowledgeCollection, docId: string): Promise<void> {
    const doc = collection.docs.get(docId);
    if (!doc || doc.status.process_status !== PROCESS_RUNNING) return;
    const context = this.context;
    let outcome: { points: PointRecord[]; doc: DocRecord } | { failure: ImportFailure };
    try {
      outcome = await this.importDoc(collection, doc);
    } catch (error) {
      outcome = {
        failure:
          error instanceof ImportFailure
            ? error
            : new ImportFailure(10007, `parse failed: ${error instanceof Error ? error.message : String(error)}`),
      };
    }
    await context.writes.run(async () => {
      const current = collection.docs.get(docId);
      // Deleted, re-added or already settled while this ran: nothing to write.
      if (!current || current.task_id !== doc.task_id || current.status.process_status !== PROCESS_RUNNING) return;
      const now = context.now();
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
        await commitKnowledgeChanges(context, collection, [{ kind: 'docs', key: docId, value: failed }]);
        return;
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
      await commitKnowledgeChanges(context, collection, changes);
    });
  }

  private async importDoc(
    collection: KnowledgeCollection,
    doc: DocRecord,
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
      const same = [...collection.docs.values()]
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
