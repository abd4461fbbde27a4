/**
 * A memory collection in memory: sessions, events and profiles, persisted in three storage spaces
 * (`memory/<project>/<name>/sessions|events|profiles`). Like vector rows, records change only after storage
 * committed them ({@link MemoryCollection.apply}).
 */
import type { MemoryCollectionConfig } from '../../config/schema';
import type { StorageWrite } from '../storage/Storage';
import type { MemoryItem, SessionRecord } from './MemoryRecords';

/** The storage kinds of a memory collection. */
export type MemoryRecordKind = 'sessions' | 'events' | 'profiles';

/** A pending change: `value` undefined deletes. */
export type MemoryChange =
  | { kind: 'sessions'; key: string; value: SessionRecord | undefined }
  | { kind: 'events' | 'profiles'; key: string; value: MemoryItem | undefined };

/** Storage space of one kind of record. */
export function memorySpace(config: MemoryCollectionConfig, kind: MemoryRecordKind): string {
  return `memory/${config.projectName}/${config.name}/${kind}`;
}

export class MemoryCollection {
  readonly sessions = new Map<string, SessionRecord>();
  readonly events = new Map<string, MemoryItem>();
  readonly profiles = new Map<string, MemoryItem>();
  private counter = 0;

  constructor(readonly config: MemoryCollectionConfig) {}

  /** Known event and profile type names. */
  get typeNames(): { events: string[]; profiles: string[] } {
    return { events: this.config.eventTypes.map((t) => t.name), profiles: this.config.profileTypes.map((t) => t.name) };
  }

  /** A new id (`evt_…` / `prof_…` / `sess_…`) not used by any record. */
  newId(prefix: 'evt' | 'prof' | 'sess', now: number, random: () => number): string {
    for (;;) {
      this.counter++;
      const suffix = Math.floor(random() * 0x100000).toString(36);
      const id = `${prefix}_${now.toString(36)}${this.counter.toString(36).padStart(3, '0')}${suffix}`;
      if (!this.events.has(id) && !this.profiles.has(id) && !this.sessions.has(id)) return id;
    }
  }

  /** Storage writes of a set of changes. */
  writes(changes: readonly MemoryChange[]): StorageWrite[] {
    return changes.map((change) => ({
      space: memorySpace(this.config, change.kind),
      key: change.key,
      value: change.value,
    }));
  }

  /** Applies committed changes. */
  apply(changes: readonly MemoryChange[]): void {
    for (const change of changes) {
      if (change.kind === 'sessions') {
        if (change.value === undefined) this.sessions.delete(change.key);
        else this.sessions.set(change.key, change.value);
        continue;
      }
      const map = change.kind === 'events' ? this.events : this.profiles;
      if (change.value === undefined) map.delete(change.key);
      else map.set(change.key, change.value);
    }
  }
}
