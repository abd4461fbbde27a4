// size-limit entry: `vikingdb-kit/components/knowledge-base` alone (React, React Query are peers: not counted).
export * from 'vikingdb-kit/components/knowledge-base';
