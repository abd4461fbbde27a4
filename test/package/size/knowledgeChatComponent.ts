// size-limit entry: everything `vikingdb-kit/components/knowledge-chat` exports, as first loaded (the zh-CN strings
// are a separate chunk loaded on demand, not counted; React and React Query are peers).
export * from 'vikingdb-kit/components/knowledge-chat';
