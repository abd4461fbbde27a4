// size-limit entry (a): an app that creates a client and runs one search, importing the built browser entry.
import { createVikingClient, signingProxy } from 'vikingdb-kit/client';

const client = createVikingClient({ auth: signingProxy('/vikingdb') });
const hits = await client.vector.index('docs', 'docs_index').search.multiModal({ text: 'hello', limit: 5 });
console.log(hits.items.length);
