/**
 * A knowledge collection in memory: its documents and points, persisted in two storage spaces
 * (`knowledge/<project>/<name>/docs|points`). Like vector rows and memories, records change only after storage
 * committed them ({@link KnowledgeCollection.apply}), and the search index follows every applied point change.
 */
import type { KnowledgeCollectionConfig } from '../../config/schema';
import { termFrequencies, tokenize } from '../../embedder/tokenize';
import type { StorageWrite } from '../storage/Storage';
import type { DocRecord, PointRecord } from './KnowledgeRecords';
import { KnowledgeSearchIndex, type PointTerms } from './KnowledgeSearchIndex';

/** A pending change: `value` undefined deletes. */
export type KnowledgeChange =
  | { kind: 'docs'; key: string; value: DocRecord | undefined }
  | { kind: 'points'; key: string; value: PointRecord | undefined };

/** Storage space of docs or points. */
export function knowledgeSpace(config: KnowledgeCollectionConfig, kind: 'docs' | 'points'): string {
  return `knowledge/${config.projectName}/${config.name}/${kind}`;
}

/** The text a point is searched and embedded by. */
export function pointText(point: Pick<PointRecord, 'chunk_title' | 'content' | 'question'>): string {
  return [point.chunk_title, point.question ?? '', point.content].filter((part) => part !== '').join('\n');
}

/** Term frequencies computed while a point was built (so applying it does not tokenize its text again). */
const builtTerms = new WeakMap<PointRecord, PointTerms>();

/** Remembers the terms of a point built from already tokenized text (they must be those of its `pointText`). */
export function rememberTerms(point: PointRecord, tokens: readonly string[]): PointTerms {
  const terms = { tf: termFrequencies(tokens), length: tokens.length };
  builtTerms.set(point, terms);
  return terms;
}

/** The BM25 terms of a point's text, remembered for {@link KnowledgeCollection.apply}. */
export function termsOfPoint(point: PointRecord): PointTerms {
  let terms = builtTerms.get(point);
  if (!terms) {
    const tokens = tokenize(pointText(point));
    terms = { tf: termFrequencies(tokens), length: tokens.length };
    builtTerms.set(point, terms);
  }
  return terms;
}

export class KnowledgeCollection {
  readonly docs = new Map<string, DocRecord>();
  readonly points = new Map<string, PointRecord>();
  private readonly byDoc = new Map<string, Set<string>>();
  private readonly index: KnowledgeSearchIndex;
  private lastTaskId = 0;

  constructor(readonly config: KnowledgeCollectionConfig) {
    this.index = new KnowledgeSearchIndex(config.embedding.dim);
  }

  /** `project/name`. */
  get key(): string {
    return `${this.config.projectName}/${this.config.name}`;
  }

  /** A task id greater than every one given out or stored. */
  nextTaskId(now: number): number {
    this.lastTaskId = Math.max(this.lastTaskId + 1, now);
    return this.lastTaskId;
  }

  /** Points of a document in chunk order. */
  pointsOf(docId: string): PointRecord[] {
    const ids = this.byDoc.get(docId);
    if (!ids) return [];
    return [...ids].map((id) => this.points.get(id)!).sort((a, b) => a.chunk_id - b.chunk_id);
  }

  /** The search index over the current points (kept up to date by {@link KnowledgeCollection.apply}). */
  searchIndex(): KnowledgeSearchIndex {
    return this.index;
  }

  writes(changes: readonly KnowledgeChange[]): StorageWrite[] {
    return changes.map((change) => ({
      space: knowledgeSpace(this.config, change.kind),
      key: change.key,
      value: change.value,
    }));
  }

  /** Applies committed (or loaded) changes. */
  apply(changes: readonly KnowledgeChange[]): void {
    for (const change of changes) {
      if (change.kind === 'docs') {
        if (change.value === undefined) this.docs.delete(change.key);
        else {
          this.docs.set(change.key, change.value);
          this.lastTaskId = Math.max(this.lastTaskId, change.value.task_id);
        }
        continue;
      }
      const old = this.points.get(change.key);
      if (old) this.byDoc.get(old.doc_id)?.delete(change.key);
      if (change.value === undefined) {
        this.points.delete(change.key);
        this.index.remove(change.key);
      } else {
        const point = change.value;
        this.points.set(change.key, point);
        let ids = this.byDoc.get(point.doc_id);
        if (!ids) this.byDoc.set(point.doc_id, (ids = new Set()));
        ids.add(change.key);
        this.index.upsert(change.key, point, termsOfPoint(point));
      }
    }
  }
}
