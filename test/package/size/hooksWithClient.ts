// size-limit entry (c): `vikingdb-kit/hooks` on top of the whole client; its budget is the client's + 5 kB.
export * from 'vikingdb-kit/client';
export * from 'vikingdb-kit/hooks';
