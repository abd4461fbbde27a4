// size-limit entry: the same search through the createVikingClient object API, which holds every endpoint.
import { createVikingClient, signingProxy } from 'vikingdb-kit/client';

const client = createVikingClient({ auth: signingProxy('/vikingdb') });
const hits = await client.vector.index('docs', 'docs_index').search.multiModal({ text: 'hello', limit: 5 });
console.log(hits.items.length);
