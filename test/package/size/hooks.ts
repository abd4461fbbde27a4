// size-limit entry: everything `vikingdb-kit/hooks` exports, without the client entry.
export * from 'vikingdb-kit/hooks';
