// size-limit entry: everything `vikingdb-kit/components/memory-viewer` exports, as first loaded (the zh-CN strings
// are a separate chunk loaded on demand, not counted).
export * from 'vikingdb-kit/components/memory-viewer';
