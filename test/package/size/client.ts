// size-limit entry (b): everything `vikingdb-kit/client` exports (vector + memory), browser build.
export * from 'vikingdb-kit/client';
