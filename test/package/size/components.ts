// size-limit entry (d): everything `vikingdb-kit/components` exports (React, React Query are peers: not counted).
export * from 'vikingdb-kit/components';
