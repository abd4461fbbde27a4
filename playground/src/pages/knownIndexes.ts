/** The indexes of the default local config, offered in pickers (any other name can be typed). */
export const KNOWN_INDEXES = [
  { collection: 'demo_docs', index: 'demo_docs_index', memory: false },
  { collection: 'text', index: 'text_index', memory: false },
  { collection: 'vector', index: 'vector_index', memory: false },
] as const;

/** The memory collections of the default local config. */
export const KNOWN_MEMORY_COLLECTIONS = ['demo_memory', 'sdk_test'] as const;
