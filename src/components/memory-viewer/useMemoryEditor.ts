import { useState } from 'react';
import { infoToJson, infoToPairs, pairsToInfo, parseInfoJson, type InfoPair, type InfoParse } from './memoryInfoCodec';

/** How memory_info is edited: as one JSON text, or as field/value pairs. */
export type EditorMode = 'json' | 'pairs';

/** A failed read of the draft. */
export type EditorProblem = Extract<InfoParse, { ok: false }>;

/** State and actions of the inline memory_info editor (one memory at a time). */
export interface MemoryEditor {
  /** The memory being edited, or `undefined`. */
  editingId: string | undefined;
  mode: EditorMode;
  jsonText: string;
  pairs: readonly InfoPair[];
  /** Why the draft cannot be saved (shown after a failed save or mode switch). */
  problem: EditorProblem | undefined;
  start: (id: string, info: Record<string, unknown>) => void;
  cancel: () => void;
  setMode: (mode: EditorMode) => void;
  setJsonText: (text: string) => void;
  setPair: (id: number, change: { key?: string; text?: string }) => void;
  addPair: () => void;
  /** The draft as an object, or the problem (which is then shown). */
  read: () => InfoParse;
}

/** Inline editor state for memory_info, JSON (default) or key/value. */
export function useMemoryEditor(initialMode: EditorMode = 'pairs'): MemoryEditor {
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  const [mode, setModeState] = useState<EditorMode>(initialMode);
  const [jsonText, setJsonTextState] = useState('');
  const [pairs, setPairs] = useState<readonly InfoPair[]>([]);
  const [problem, setProblem] = useState<EditorProblem | undefined>(undefined);

  const readDraft = (): InfoParse => (mode === 'json' ? parseInfoJson(jsonText) : pairsToInfo(pairs));

  return {
    editingId,
    mode,
    jsonText,
    pairs,
    problem,
    start: (id, info) => {
      setEditingId(id);
      setJsonTextState(infoToJson(info));
      setPairs(infoToPairs(info));
      setProblem(undefined);
    },
    cancel: () => {
      setEditingId(undefined);
      setProblem(undefined);
    },
    setMode: (next) => {
      if (next === mode) return;
      const draft = readDraft();
      if (!draft.ok) {
        setProblem(draft);
        return;
      }
      setProblem(undefined);
      if (next === 'json') setJsonTextState(infoToJson(draft.value));
      else setPairs(infoToPairs(draft.value));
      setModeState(next);
    },
    setJsonText: (text) => {
      setJsonTextState(text);
      setProblem(undefined);
    },
    setPair: (id, change) => {
      setPairs((list) => list.map((pair) => (pair.id === id ? { ...pair, ...change } : pair)));
      setProblem(undefined);
    },
    addPair: () =>
      setPairs((list) => [
        ...list,
        { id: list.reduce((max, p) => Math.max(max, p.id), -1) + 1, key: '', text: '', kind: 'string' },
      ]),
    read: () => {
      const draft = readDraft();
      setProblem(draft.ok ? undefined : draft);
      return draft;
    },
  };
}
